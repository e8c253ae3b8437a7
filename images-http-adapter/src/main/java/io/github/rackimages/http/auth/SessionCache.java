package io.github.rackimages.http.auth;

import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogTransportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A single-flight cache of one session: fresh until {@code refreshSkew} before its token's expiry (half-way
 * through a life shorter than twice the skew); when stale, exactly one caller fetches a new one while the others
 * wait and share its result. A failure reaches each waiter as an exception of its own and is never cached.
 * Thread-safe.
 */
final class SessionCache {

  private final Supplier<AuthSession> fetch;
  private final Clock clock;
  private final Duration refreshSkew;

  private final Object lock = new Object();
  /** The session in use and when to refresh it; read without the lock on the fast path. */
  private volatile Cached current;
  /** The fetch under way, shared by every caller that needs it; guarded by {@link #lock}. */
  private CompletableFuture<AuthSession> inFlight;

  private record Cached(AuthSession session, Instant refreshAt) {}

  /** @param fetch makes the identity call; its sessions' tokens always carry an expiry */
  SessionCache(Supplier<AuthSession> fetch, Clock clock, Duration refreshSkew) {
    this.fetch = fetch;
    this.clock = clock;
    this.refreshSkew = refreshSkew;
  }

  /**
   * The cached session while it is fresh; otherwise a new one, one caller fetching at a time.
   *
   * @param maxWait the most this caller waits for a fetch under way, or null to wait for it whatever it takes
   */
  AuthSession session(Duration maxWait) {
    Cached c = current;
    if (c != null && fresh(c)) {
      return c.session;
    }
    return refresh(null, maxWait);
  }

  /** The cached session if another caller already replaced the refused one; otherwise a new one. */
  AuthSession renew(AuthSession refused, Duration maxWait) {
    return refresh(refused.token().secret(), maxWait);
  }

  private boolean fresh(Cached c) {
    return clock.instant().isBefore(c.refreshAt);
  }

  /**
   * Single flight: the first caller to find no usable session starts a fetch; callers that arrive while it runs
   * wait for the same result.
   *
   * @param refusedToken the token the compute service refused, or null for an expired or missing session
   */
  private AuthSession refresh(String refusedToken, Duration maxWait) {
    CompletableFuture<AuthSession> call;
    boolean leader = false;
    synchronized (lock) {
      Cached c = current;
      if (c != null && fresh(c) && (refusedToken == null || !c.session.token().secret().equals(refusedToken))) {
        return c.session;
      }
      call = inFlight;
      if (call == null) {
        call = new CompletableFuture<>();
        inFlight = call;
        leader = true;
      }
    }
    if (leader) {
      if (maxWait == null) {
        return lead(call);
      }
      // A caller with a time budget starts the fetch on a thread of its own and waits for it like any waiter, so
      // that its budget bounds the wait; the fetch goes on for the others if this caller gives up.
      CompletableFuture<AuthSession> started = call;
      Thread t = new Thread(() -> {
        try {
          lead(started);
        } catch (RuntimeException | Error ignored) {
          // Reported to every waiter through the future.
        }
      }, "images-sign-in");
      t.setDaemon(true);
      t.start();
    }
    return await(call, maxWait);
  }

  private AuthSession lead(CompletableFuture<AuthSession> call) {
    try {
      AuthSession session = fetch.get();
      synchronized (lock) {
        current = new Cached(session, refreshAt(session));
        inFlight = null;
      }
      call.complete(session);
      return session;
    } catch (RuntimeException | Error e) {
      // Report the failure to this attempt's waiters only: the next caller starts a new attempt.
      synchronized (lock) {
        inFlight = null;
      }
      call.completeExceptionally(e);
      throw e;
    }
  }

  private Instant refreshAt(AuthSession session) {
    Instant now = clock.instant();
    // Set by IdentityClient, which refuses a token without an expiry.
    Instant expires = session.token().expires().orElseThrow();
    Duration life = Duration.between(now, expires);
    Duration skew = refreshSkew.compareTo(life.dividedBy(2)) > 0 ? life.dividedBy(2) : refreshSkew;
    return expires.minus(skew);
  }

  private AuthSession await(CompletableFuture<AuthSession> call, Duration maxWait) {
    try {
      return maxWait == null ? call.get() : call.get(Math.max(1, maxWait.toMillis()), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new ImageCatalogTransportException(
          "gave up waiting for the identity service after " + maxWait.toMillis() + " ms (the call's time budget);"
              + " the sign-in goes on for other callers", ErrorDetails.none(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageCatalogTransportException(
          "interrupted while waiting for another thread's call to the identity service", ErrorDetails.none(), e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ImageCatalogException shared) {
        // The leader threw the original; each waiter gets a copy of its own, never the shared object.
        throw shared.copy();
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new ImageCatalogTransportException(
          "the call to the identity service failed", ErrorDetails.none(), cause);
    }
  }
}
