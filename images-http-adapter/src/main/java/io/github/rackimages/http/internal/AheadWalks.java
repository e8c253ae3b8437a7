package io.github.rackimages.http.internal;

import io.github.rackimages.core.AsyncImageCatalog;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The walks of one catalog with the next page requested ahead ({@link PageAhead}): items and whole pages, details
 * and summaries. Each walk is core's walker (repeated markers, resume points) over a fetch of its own, wrapped so
 * that closing it, or a terminal operation that ends early, cancels the request ahead ({@link EndingStream}).
 */
public final class AheadWalks {

  private final ImageCatalog blocking;
  private final AsyncImageCatalog async;

  /** Walks of {@code blocking}, asking ahead with {@code async} (the same catalog without blocking). */
  public AheadWalks(ImageCatalog blocking, AsyncImageCatalog async) {
    this.blocking = Objects.requireNonNull(blocking, "blocking");
    this.async = Objects.requireNonNull(async, "async");
  }

  /** The images of a walk. */
  public Stream<Image> images(ImageFilter filter, PageRequest start) {
    PageAhead<Image> fetch = details(filter);
    return EndingStream.of(view(fetch, null).stream(filter, start), fetch::cancel);
  }

  /** The summaries of a walk. */
  public Stream<ImageSummary> summaries(ImageFilter filter, PageRequest start) {
    PageAhead<ImageSummary> fetch = summaries(filter);
    return EndingStream.of(view(null, fetch).streamSummaries(filter, start), fetch::cancel);
  }

  /** The detailed pages of a walk. */
  public Stream<Page<Image>> pages(ImageFilter filter, PageRequest start) {
    PageAhead<Image> fetch = details(filter);
    return EndingStream.of(view(fetch, null).pages(filter, start), fetch::cancel);
  }

  /** The summary pages of a walk. */
  public Stream<Page<ImageSummary>> summaryPages(ImageFilter filter, PageRequest start) {
    PageAhead<ImageSummary> fetch = summaries(filter);
    return EndingStream.of(view(null, fetch).summaryPages(filter, start), fetch::cancel);
  }

  private PageAhead<Image> details(ImageFilter filter) {
    Objects.requireNonNull(filter, "filter");
    return new PageAhead<>(r -> blocking.list(filter, r), r -> async.list(filter, r));
  }

  private PageAhead<ImageSummary> summaries(ImageFilter filter) {
    Objects.requireNonNull(filter, "filter");
    return new PageAhead<>(r -> blocking.listSummaries(filter, r), r -> async.listSummaries(filter, r));
  }

  /** A catalog over one walk's fetch, whose inherited walk (core's: markers, resume points) pages through it. */
  private static ImageCatalog view(
      Function<PageRequest, Page<Image>> details, Function<PageRequest, Page<ImageSummary>> summaries) {
    return new ImageCatalog() {
      @Override
      public Page<Image> list(ImageFilter filter, PageRequest page) {
        return details.apply(page);
      }

      @Override
      public Page<ImageSummary> listSummaries(ImageFilter filter, PageRequest page) {
        return summaries.apply(page);
      }

      @Override
      public Optional<Image> find(ImageId id) {
        throw new UnsupportedOperationException("a walk's view lists only");
      }
    };
  }
}
