package io.github.rackimages.http.internal;

import io.github.rackimages.http.auth.AuthSession;
import java.net.URI;
import java.time.Instant;
import java.util.concurrent.Future;

/**
 * Where one logical call stands: the session of its latest attempt, how many attempts and retries it has made, whether the token was
 * renewed, and whether the caller cancelled it. Used by one call at a time (the async path hands it from stage to
 * stage, each completing before the next starts), so only the cancellation flag is shared.
 */
final class CallState<T> {
  final Call<T> call;
  final Instant start;
  /** When the call's {@code apiCallTimeout} is spent; null without one. */
  Instant deadline;
  AuthSession session;
  URI collection;
  int attempts;
  int retries;
  boolean renewed;
  /** Set by a renewal: the next attempt uses the renewed session rather than asking for the current one. */
  boolean useRenewed;
  volatile boolean cancelled;
  /** The asynchronous path's request in flight or wait under way, which a cancellation cancels. */
  private volatile Future<?> pending;

  CallState(Call<T> call, Instant start) {
    this.call = call;
    this.start = start;
  }

  /** {@code f} is now what the call waits for; cancelled at once if the call already is. */
  <F extends Future<?>> F pending(F f) {
    pending = f;
    if (cancelled) {
      f.cancel(true);
    }
    return f;
  }

  /** Stops the call: no further attempt, and the request in flight or the wait under way is cancelled. */
  void cancel() {
    cancelled = true;
    Future<?> f = pending;
    if (f != null) {
      f.cancel(true);
    }
  }

  /** The token sent with this call's requests. */
  String secret() {
    return session.token().secret();
  }
}
