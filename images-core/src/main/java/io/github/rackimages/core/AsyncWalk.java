package io.github.rackimages.core;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Walks a listing page after page without blocking, for {@link AsyncImageCatalog#forEach}: the non-blocking
 * twin of {@link PageWalker}, with the same guard against repeated markers and the same resume points.
 *
 * <p>One page is in flight at a time; each step runs in the thread that completed the previous page (or in the
 * caller's, for pages already complete, in a loop rather than by recursion, so that a catalog answering at once
 * cannot overflow the stack). Steps follow each other through future completion, which orders their memory
 * effects: the fields below need no lock.
 */
final class AsyncWalk<T> {

  private final Function<PageRequest, CompletableFuture<Page<T>>> fetch;
  private final Consumer<? super T> action;
  private final CompletableFuture<Long> result = new CompletableFuture<>();
  private final Set<PageMarker> seen = new HashSet<>();
  private long delivered;
  private volatile CompletableFuture<Page<T>> inFlight;

  private AsyncWalk(Function<PageRequest, CompletableFuture<Page<T>>> fetch, Consumer<? super T> action) {
    this.fetch = fetch;
    this.action = action;
  }

  /** Starts the walk; the future completes with the number of items handed to {@code action}. */
  static <T> CompletableFuture<Long> run(
      PageRequest start, Function<PageRequest, CompletableFuture<Page<T>>> fetch, Consumer<? super T> action) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(fetch, "fetch");
    Objects.requireNonNull(action, "action");
    AsyncWalk<T> walk = new AsyncWalk<>(fetch, action);
    start.marker().ifPresent(walk.seen::add);
    walk.result.whenComplete(
        (count, failure) -> {
          CompletableFuture<Page<T>> page = walk.inFlight;
          if (page != null && walk.result.isCancelled()) {
            page.cancel(true);
          }
        });
    walk.walkFrom(start);
    return walk.result;
  }

  private void walkFrom(PageRequest first) {
    try {
      PageRequest request = first;
      while (request != null && !result.isDone()) {
        CompletableFuture<Page<T>> page = fetch.apply(request);
        if (page == null) {
          page = CompletableFuture.completedFuture(null); // Reported as a protocol failure below.
        }
        inFlight = page;
        if (result.isCancelled()) { // Cancelled while this page was being asked for.
          page.cancel(true);
          return;
        }
        PageRequest asked = request;
        CompletableFuture<PageRequest> next = page.handle((p, failure) -> afterPage(asked, p, failure));
        if (!next.isDone()) {
          next.whenComplete((nextRequest, bug) -> {
            if (bug != null) {
              result.completeExceptionally(bug);
            } else {
              walkFrom(nextRequest);
            }
          });
          return;
        }
        request = next.join();
      }
    } catch (Throwable t) { // The fetch itself threw (a null argument, a broken adapter): the walk ends.
      result.completeExceptionally(t);
    }
  }

  /** Hands a page over; the next request, or null when the walk is over (the result then completed). */
  private PageRequest afterPage(PageRequest request, Page<T> page, Throwable failure) {
    if (result.isDone()) {
      return null;
    }
    PageMarker resumeMarker = request.marker().orElse(null);
    if (failure != null) {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null
          ? failure.getCause()
          : failure;
      result.completeExceptionally(
          cause instanceof ImageCatalogException e ? e.interruptingWalk(resumeMarker) : cause);
      return null;
    }
    if (page == null) {
      result.completeExceptionally(new ImageCatalogProtocolException(
          "the catalog returned no page for " + request).interruptingWalk(resumeMarker));
      return null;
    }
    PageRequest next = null;
    if (page.hasNext()) {
      PageMarker marker = page.nextMarker().orElseThrow();
      if (!seen.add(marker)) {
        result.completeExceptionally(new ImageCatalogProtocolException(
                "the service repeated the marker " + marker.value() + "; stopping instead of looping")
            .interruptingWalk(resumeMarker));
        return null;
      }
      next = request.next(marker);
    }
    try {
      for (T item : page.items()) {
        if (result.isDone()) {
          return null;
        }
        action.accept(item);
        delivered++;
      }
    } catch (RuntimeException | Error e) { // The action's own failure, as it is.
      result.completeExceptionally(e);
      return null;
    }
    if (next == null) {
      result.complete(delivered);
    }
    return next;
  }
}
