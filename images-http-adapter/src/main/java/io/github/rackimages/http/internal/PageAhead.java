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
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The page fetch of one walk that asks for the next page while the current one is read: once page N is fetched,
 * page N+1 is requested without blocking, and the walk's next call for it waits for that request instead of
 * sending one. At most one request is ahead, so the walk holds two pages at most (the one being read and the one
 * in flight). The first page is fetched as the walk asks for it (nothing before a terminal operation).
 *
 * <p>Earlier still, when the walk is already waiting for page N: a fetch may report, before it reads page N's
 * body, the request its {@code next} link names (a {@link Fetch hint}); page N+1 is then asked for at once, while
 * page N is being read, instead of after. The page read decides: a hint that turns out wrong (another marker, or
 * no next page) has its request cancelled and the right one sent. A hint is taken only while the walk waits for
 * that page, so that the page being read, the one being parsed and the one in flight are never more than two.
 *
 * <p>The walk itself (core's walker) still checks for a repeated marker and records the resume point on a
 * failure; this fetch does not ask ahead for a marker it has seen, and a failure of the page asked ahead is
 * thrown, as a copy, only when the walk asks for that page. {@link #cancel()} (on close or when a terminal
 * operation ends early) cancels the request in flight, which aborts it, and stops asking ahead.
 */
public final class PageAhead<T> implements Function<PageRequest, Page<T>> {

  /** How a walk's pages are fetched: now, blocking, or ahead, without; each may report a hint of the next. */
  public interface Fetch<T> {
    /** Fetches {@code request}, telling {@code next} (at most once) what its next link names, if it can. */
    Page<T> now(PageRequest request, Consumer<PageRequest> next);

    /** As {@link #now}, without blocking. */
    CompletableFuture<Page<T>> ahead(PageRequest request, Consumer<PageRequest> next);
  }

  private final Fetch<T> fetch;
  // Guarded by this: the markers seen, the request the walk waits for, the request asked ahead and its answer;
  // hints and cancel() come from other threads (the client's, close).
  private final Set<PageMarker> seen = new HashSet<>();
  private PageRequest waitingFor;
  private PageRequest aheadRequest;
  private CompletableFuture<Page<T>> aheadPage;
  private boolean cancelled;

  public PageAhead(Fetch<T> fetch) {
    this.fetch = Objects.requireNonNull(fetch, "fetch");
  }

  /** The fetch that runs {@code call}'s call for a page, blocking or not, through {@code executor}. */
  public static <T> Fetch<T> fetch(
      RequestExecutor executor, BiFunction<PageRequest, Consumer<PageRequest>, Call<Page<T>>> call) {
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(call, "call");
    return new Fetch<>() {
      @Override
      public Page<T> now(PageRequest request, Consumer<PageRequest> next) {
        return executor.execute(call.apply(request, next));
      }

      @Override
      public CompletableFuture<Page<T>> ahead(PageRequest request, Consumer<PageRequest> next) {
        return executor.executeAsync(call.apply(request, next));
      }
    };
  }

  @Override
  public Page<T> apply(PageRequest request) {
    CompletableFuture<Page<T>> asked;
    synchronized (this) {
      request.marker().ifPresent(seen::add);
      asked = take(request);
      waitingFor = request;
    }
    Page<T> page;
    try {
      page = asked == null ? fetch.now(request, next -> hinted(request, next)) : await(asked);
    } catch (RuntimeException | Error e) {
      // The walk ends here: a request a hint sent ahead is not wanted.
      cancel();
      throw e;
    } finally {
      synchronized (this) {
        waitingFor = null;
      }
    }
    PageRequest next = null;
    if (page != null && page.hasNext()) {
      PageMarker marker = page.nextMarker().orElseThrow();
      synchronized (this) {
        // A repeated marker ends the walk (the walker says so): nothing to ask for.
        next = seen.contains(marker) ? null : request.next(marker);
      }
    }
    askAhead(next);
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

  /** Whether the walk is waiting for a page now (its hint may then ask ahead at once). */
  synchronized boolean waiting() {
    return waitingFor != null;
  }

  /** The answer asked ahead for {@code request}, or null (cancelling an answer asked for another). */
  private CompletableFuture<Page<T>> take(PageRequest request) {
    CompletableFuture<Page<T>> asked = aheadPage;
    boolean matches = request.equals(aheadRequest);
    aheadPage = null;
    aheadRequest = null;
    if (asked != null && !matches) {
      asked.cancel(true);
      return null;
    }
    return asked;
  }

  /** A fetch of {@code of} reports that its next link names {@code next}: ask now if the walk waits for it. */
  private void hinted(PageRequest of, PageRequest next) {
    synchronized (this) {
      boolean repeated = next.marker().map(seen::contains).orElse(true);
      if (cancelled || !of.equals(waitingFor) || aheadPage != null || repeated) {
        return;
      }
      aheadRequest = next;
      aheadPage = fetch.ahead(next, after -> hinted(next, after));
    }
  }

  /** Makes {@code next} (null: none) the request ahead: a hinted one that matches stays, one that does not goes. */
  private void askAhead(PageRequest next) {
    CompletableFuture<Page<T>> wrong = null;
    synchronized (this) {
      if (aheadPage != null) {
        if (next != null && next.equals(aheadRequest)) {
          return;
        }
        wrong = aheadPage;
        aheadPage = null;
        aheadRequest = null;
      }
      if (next != null && !cancelled) {
        aheadRequest = next;
        aheadPage = fetch.ahead(next, after -> hinted(next, after));
      }
    }
    if (wrong != null) {
      wrong.cancel(true);
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
