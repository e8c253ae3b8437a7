package io.github.rackimages.core;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The images of a cloud account: the one port of this library. Adapters implement it over the real service
 * (the HTTP adapter), in memory (the fake adapter, for tests), or in any way a user needs; the contract suite
 * {@code ImageCatalogContract} (module {@code images-tck}) checks that an implementation behaves as the service
 * does.
 *
 * <pre>{@code
 * ImageCatalog catalog = ...; // from an adapter's builder or Guice module
 * Page<Image> page = catalog.list(ImageFilter.all(), PageRequest.first(100));
 * try (Stream<Image> all = catalog.stream(ImageFilter.builder().type(ImageType.SNAPSHOT).build())) {
 *   all.forEach(image -> System.out.println(image.id() + " " + image.name().orElse("")));
 * }
 * }</pre>
 *
 * <p><b>Contract for implementations.</b>
 *
 * <ul>
 *   <li>Implementations MUST be thread-safe: one instance serves any number of threads.
 *   <li>{@link #list} and {@link #listSummaries} make exactly one call to the service (or its equivalent) and
 *       return a snapshot: a page does not change after it is returned.
 *   <li>Pages follow the service's order ({@link Image#serviceOrder()}) and its paging rule: the next marker is
 *       present exactly when the page is full.
 *   <li>Arguments are validated before any call: a null argument raises {@link NullPointerException}; page sizes
 *       are validated by {@link PageRequest} itself.
 *   <li>Every failure of the service, of its answer or of the network is an {@link ImageCatalogException}
 *       (see its subtypes); no other exception type escapes.
 * </ul>
 *
 * <p>Adapters implement {@link #list}, {@link #listSummaries} and {@link #find}; the streams are derived here so
 * that every adapter pages the same way. New methods arrive as {@code default} methods, so adapters written
 * against this version keep compiling.
 *
 * @since 1.0
 */
public interface ImageCatalog {

  /**
   * One page of full images ({@code GET /images/detail}).
   *
   * @throws NullPointerException if an argument is null
   * @throws ImageCatalogBadRequestException if the marker is unknown to the service
   * @throws ImageCatalogException if the service, its answer or the network fails
   */
  Page<Image> list(ImageFilter filter, PageRequest page);

  /**
   * One page of image summaries: id, name and links ({@code GET /images}). Cheaper than {@link #list} when only
   * names are needed.
   *
   * @throws NullPointerException if an argument is null
   * @throws ImageCatalogBadRequestException if the marker is unknown to the service
   * @throws ImageCatalogException if the service, its answer or the network fails
   */
  Page<ImageSummary> listSummaries(ImageFilter filter, PageRequest page);

  /**
   * One image by id ({@code GET /images/{id}}), whatever its status except DELETED: the service answers 404 for a
   * deleted image as for an unknown one (glance hides deleted images from customers), so a DELETED image is seen
   * only in a listing with {@code changes-since}.
   *
   * @return empty when the service knows no such image, or the image is deleted
   * @throws NullPointerException if {@code id} is null
   * @throws ImageCatalogException if the service, its answer or the network fails
   */
  Optional<Image> find(ImageId id);

  /**
   * Every image that matches {@code filter}, fetched lazily in pages of {@value PageRequest#MAX_LIMIT}.
   *
   * @throws NullPointerException if {@code filter} is null
   * @see #stream(ImageFilter, PageRequest)
   */
  default Stream<Image> stream(ImageFilter filter) {
    return stream(filter, PageRequest.first());
  }

  /**
   * Every image that matches {@code filter}, from the page {@code start} on, fetched lazily page after page.
   *
   * <ul>
   *   <li>No call is made before a terminal operation starts; each page is fetched when the previous one is used
   *       up, and only one page is held at a time.
   *   <li>A short-circuiting operation ({@code limit}, {@code findFirst}, {@code anyMatch}) stops the fetching.
   *   <li>A failure surfaces mid-stream as an {@link ImageCatalogException} whose
   *       {@link ImageCatalogException#resumeMarker()} tells where to resume: a new stream from
   *       {@code PageRequest.after(marker, limit)} lists exactly the images not yet delivered. The failed stream
   *       is finished: it delivers nothing more and makes no further call.
   *   <li>A service that hands back a marker it already gave raises {@link ImageCatalogProtocolException}
   *       instead of looping.
   *   <li>The stream is sequential; closing it is not required.
   * </ul>
   *
   * @throws NullPointerException if an argument is null
   */
  default Stream<Image> stream(ImageFilter filter, PageRequest start) {
    java.util.Objects.requireNonNull(filter, "filter");
    return PageWalker.items(start, request -> list(filter, request));
  }

  /**
   * Every image summary that matches {@code filter}, fetched lazily in pages of {@value PageRequest#MAX_LIMIT}
   * as {@link #stream(ImageFilter, PageRequest)} does.
   *
   * @throws NullPointerException if {@code filter} is null
   * @since 1.0
   */
  default Stream<ImageSummary> streamSummaries(ImageFilter filter) {
    return streamSummaries(filter, PageRequest.first());
  }

  /**
   * Every image summary that matches {@code filter}, from the page {@code start} on, fetched lazily as
   * {@link #stream(ImageFilter, PageRequest)} does.
   *
   * @throws NullPointerException if an argument is null
   */
  default Stream<ImageSummary> streamSummaries(ImageFilter filter, PageRequest start) {
    java.util.Objects.requireNonNull(filter, "filter");
    return PageWalker.items(start, request -> listSummaries(filter, request));
  }

  /**
   * Every page of full images that matches {@code filter}, from {@code start} on, fetched lazily: for callers
   * that work page by page (progress reports, batches, checkpoints). Paging, laziness, failures and resume markers
   * are as in {@link #stream(ImageFilter, PageRequest)}; the last page may be empty.
   *
   * @throws NullPointerException if an argument is null
   * @since 1.0
   */
  default Stream<Page<Image>> pages(ImageFilter filter, PageRequest start) {
    java.util.Objects.requireNonNull(filter, "filter");
    return PageWalker.pages(start, request -> list(filter, request));
  }

  /**
   * Every page of image summaries that matches {@code filter}, from {@code start} on, fetched lazily as
   * {@link #pages(ImageFilter, PageRequest)} does.
   *
   * @throws NullPointerException if an argument is null
   * @since 1.0
   */
  default Stream<Page<ImageSummary>> summaryPages(ImageFilter filter, PageRequest start) {
    java.util.Objects.requireNonNull(filter, "filter");
    return PageWalker.pages(start, request -> listSummaries(filter, request));
  }

  /**
   * This catalog without blocking: each call returns a {@link java.util.concurrent.CompletableFuture} at once,
   * and cancelling it abandons the call (see {@link AsyncImageCatalog} for the conventions).
   *
   * <pre>{@code
   * catalog.async().find(id).thenAccept(image -> ...);
   * }</pre>
   *
   * <p>By default each call runs on a new daemon thread of its own that ends with it (nothing pooled, nothing to
   * shut down; {@link AsyncImageCatalog#of(ImageCatalog, java.util.concurrent.Executor)} chooses the threads
   * instead), and cancellation interrupts that thread. Adapters that can do better, such as an HTTP adapter that
   * waits without holding a thread, override this method.
   *
   * @since 1.0
   */
  default AsyncImageCatalog async() {
    return AsyncImageCatalog.of(this);
  }
}
