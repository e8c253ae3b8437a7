package io.github.rackimages.http.internal;

import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * The page fetch of one walk that asks for the next page while the current one is read: once page N is fetched,
 * page N+1 is requested without blocking, and the walk's next call for it waits for that request instead of
 * sending one. At most one request is ahead, so the walk holds two pages at most (the one being read and the one
 * in flight). The first page is fetched as the walk asks for it (nothing before a terminal operation).
 *
 * <p>The walk itself (core's walker) still checks for a repeated marker and records the resume point on a
 * failure; this fetch does not ask ahead for a marker it has seen, and a failure of the page asked ahead is
 * thrown, as a copy, only when the walk asks for that page. {@link #cancel()} (on close or when a terminal
 * operation ends early) cancels the request in flight, which aborts it, and stops asking ahead.
 */
public final class PageAhead<T> implements Function<PageRequest, Page<T>> {

  private final Function<PageRequest, Page<T>> now;
  private final Function<PageRequest, CompletableFuture<Page<T>>> ahead;
  private final Set<PageMarker> seen = new HashSet<>();
  // Guarded by this: the request asked ahead and its answer; cancel() may come from another thread (close).
  private PageRequest aheadRequest;
  private CompletableFuture<Page<T>> aheadPage;
  private boolean cancelled;

  public PageAhead(
      Function<PageRequest, Page<T>> now, Function<PageRequest, CompletableFuture<Page<T>>> ahead) {
    this.now = Objects.requireNonNull(now, "now");
    this.ahead = Objects.requireNonNull(ahead, "ahead");
  }

  @Override
  public Page<T> apply(PageRequest request) {
    request.marker().ifPresent(seen::add);
    CompletableFuture<Page<T>> asked = take(request);
    Page<T> page = asked == null ? now.apply(request) : await(asked);
    if (page != null && page.hasNext()) {
      PageMarker marker = page.nextMarker().orElseThrow();
      // A repeated marker ends the walk (the walker says so): nothing to ask for.
      if (!seen.contains(marker)) {
        askAhead(request.next(marker));
      }
    }
    return page;
  }

  /** Cancels the request in flight, if any, and asks ahead no more. */
  public void cancel() {
    CompletableFuture<Page<T>> inFlight;
    synchronized (this) {
      cancelled = true;
      inFlight = aheadPage;
      aheadPage = null;
      aheadRequest = null;
    }
    if (inFlight != null) {
      inFlight.cancel(true);
    }
  }

  private CompletableFuture<Page<T>> take(PageRequest request) {
    CompletableFuture<Page<T>> asked;
    boolean matches;
    synchronized (this) {
      asked = aheadPage;
      matches = request.equals(aheadRequest);
      aheadPage = null;
      aheadRequest = null;
    }
    if (asked != null && !matches) {
      asked.cancel(true);
      return null;
    }
    return asked;
  }

  private void askAhead(PageRequest next) {
    synchronized (this) {
      if (cancelled) {
        return;
      }
      aheadRequest = next;
      aheadPage = ahead.apply(next);
    }
  }

  private Page<T> await(CompletableFuture<Page<T>> asked) {
    try {
      return asked.get();
    } catch (InterruptedException e) {
      asked.cancel(true);
      Thread.currentThread().interrupt();
      throw new ImageCatalogTransportException(
          "interrupted while waiting for the page requested ahead", ErrorDetails.none(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ImageCatalogException failure) {
        // The future's exception is shared with whoever else holds the future: this walk gets its own.
        throw failure.copy();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error r) {
        throw r;
      }
      throw new ImageCatalogTransportException(
          "the page requested ahead failed: " + cause, ErrorDetails.none(), cause);
    }
  }
}
