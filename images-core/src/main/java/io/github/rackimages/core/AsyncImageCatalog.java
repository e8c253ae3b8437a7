package io.github.rackimages.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The {@link ImageCatalog} port without blocking: each call returns at once with a {@link CompletableFuture}.
 * Get one from any catalog with {@link ImageCatalog#async()}, or choose the threads with
 * {@link #of(ImageCatalog, Executor)}.
 *
 * <pre>{@code
 * AsyncImageCatalog images = catalog.async();
 * CompletableFuture<Page<Image>> first = images.list(ImageFilter.all(), PageRequest.first(100));
 * first.whenComplete((page, failure) -> {
 *   if (failure instanceof ImageCatalogThrottledException throttled) { ... }   // the exception itself, unwrapped
 *   else if (failure == null) { page.items().forEach(...); }
 * });
 * CompletableFuture<Long> walk = images.forEach(ImageFilter.all(), PageRequest.first(), report::add);
 * walk.cancel(true);   // stops the walk: the page in flight is abandoned, no other page is fetched
 * }</pre>
 *
 * <p><b>Conventions</b>, those of {@link CompletableFuture}:
 *
 * <ul>
 *   <li>A null argument throws {@link NullPointerException} at once, not through the future.
 *   <li>A failure completes the future exceptionally with the {@link ImageCatalogException} itself (or whatever
 *       the catalog threw): {@code whenComplete}, {@code handle} and {@code exceptionally} on the returned future
 *       see it unwrapped; {@code join()} throws it wrapped in a {@link java.util.concurrent.CompletionException},
 *       {@code get()} in an {@link java.util.concurrent.ExecutionException}, and stages derived with
 *       {@code thenApply} and the like see it wrapped in a {@code CompletionException} (its cause).
 *   <li>{@code cancel} (with or without {@code mayInterruptIfRunning}) abandons the call: a call not yet started
 *       never starts; one under way is told to stop (the blocking view interrupts its thread) and its outcome,
 *       whatever it is, is dropped. The future reports {@link java.util.concurrent.CancellationException}.
 *   <li>Implementations MUST be thread-safe, as {@link ImageCatalog} is.
 * </ul>
 *
 * <p>Implementations implement {@link #list}, {@link #listSummaries} and {@link #find}; the walks are derived.
 *
 * @since 1.0
 */
public interface AsyncImageCatalog {

  /**
   * A view of {@code catalog} that runs each blocking call on a new daemon thread of its own, which ends when the
   * call does: nothing is pooled, nothing needs shutting down, and no thread keeps the JVM alive. What
   * {@link ImageCatalog#async()} returns unless the adapter has a non-blocking view of its own.
   *
   * @throws NullPointerException if {@code catalog} is null
   */
  static AsyncImageCatalog of(ImageCatalog catalog) {
    return new ExecutorAsyncImageCatalog(catalog, null);
  }

  /**
   * A view of {@code catalog} that runs each blocking call on {@code executor} (a pool of your own, a virtual
   * thread per task executor on Java 21, or {@code Runnable::run} to call in the caller's thread). The executor
   * belongs to the caller, who shuts it down. If it rejects a call, the future fails with its
   * {@link java.util.concurrent.RejectedExecutionException}.
   *
   * @throws NullPointerException if an argument is null
   */
  static AsyncImageCatalog of(ImageCatalog catalog, Executor executor) {
    return new ExecutorAsyncImageCatalog(catalog, Objects.requireNonNull(executor, "executor"));
  }

  /**
   * One page of full images, as {@link ImageCatalog#list} answers it.
   *
   * @throws NullPointerException if an argument is null
   */
  CompletableFuture<Page<Image>> list(ImageFilter filter, PageRequest page);

  /**
   * One page of image summaries, as {@link ImageCatalog#listSummaries} answers it.
   *
   * @throws NullPointerException if an argument is null
   */
  CompletableFuture<Page<ImageSummary>> listSummaries(ImageFilter filter, PageRequest page);

  /**
   * One image by id, as {@link ImageCatalog#find} answers it (empty when the service knows no such image).
   *
   * @throws NullPointerException if {@code id} is null
   */
  CompletableFuture<Optional<Image>> find(ImageId id);

  /**
   * Walks every image that matches {@code filter} from the page {@code start} on, handing each to {@code action},
   * and completes with how many were handed over.
   *
   * <ul>
   *   <li>Pages are fetched one at a time, each when the previous one has been handed over; no thread waits in
   *       between. {@code action} is called in order, by one thread at a time (whichever completed the page), so
   *       it needs no locking of its own, but it should not block for long.
   *   <li>A failed page completes the future with a copy of the {@link ImageCatalogException} whose
   *       {@link ImageCatalogException#resumeMarker()} says where to resume, as {@link ImageCatalog#stream} does;
   *       a service that repeats a marker fails it with {@link ImageCatalogProtocolException}. If
   *       {@code action} throws, the future fails with that exception. Either way no further page is fetched.
   *   <li>Cancelling the future stops the walk: the page in flight is cancelled, no other page is fetched, and
   *       {@code action} is not called again once the cancellation is seen (between two items).
   * </ul>
   *
   * @throws NullPointerException if an argument is null
   */
  default CompletableFuture<Long> forEach(ImageFilter filter, PageRequest start, Consumer<? super Image> action) {
    Objects.requireNonNull(filter, "filter");
    return AsyncWalk.run(start, request -> list(filter, request), action);
  }

  /**
   * Walks every image summary that matches {@code filter} from the page {@code start} on, as
   * {@link #forEach(ImageFilter, PageRequest, Consumer)} does.
   *
   * @throws NullPointerException if an argument is null
   */
  default CompletableFuture<Long> forEachSummary(
      ImageFilter filter, PageRequest start, Consumer<? super ImageSummary> action) {
    Objects.requireNonNull(filter, "filter");
    return AsyncWalk.run(start, request -> listSummaries(filter, request), action);
  }

  /**
   * Every image that matches {@code filter}, in the service's order, fetched in pages of
   * {@value PageRequest#MAX_LIMIT} as {@link #forEach(ImageFilter, PageRequest, Consumer)} does, in one
   * unmodifiable list. Failures and cancellation are as there; the images of a failed walk are dropped.
   *
   * @throws NullPointerException if {@code filter} is null
   */
  default CompletableFuture<List<Image>> collect(ImageFilter filter) {
    List<Image> images = new ArrayList<>();
    CompletableFuture<Long> walk = forEach(filter, PageRequest.first(), images::add);
    CompletableFuture<List<Image>> result = new CompletableFuture<>();
    // The walk's completion happens after its last add: the list is complete and visible here.
    walk.whenComplete(
        (count, failure) -> {
          if (failure == null) {
            result.complete(List.copyOf(images));
          } else {
            result.completeExceptionally(failure);
          }
        });
    result.whenComplete((list, failure) -> walk.cancel(true)); // No effect once the walk is done.
    return result;
  }
}
