package io.github.rackimages.http.internal;

import io.github.rackimages.http.auth.AuthSession;
import java.net.URI;
import java.time.Instant;

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

  CallState(Call<T> call, Instant start) {
    this.call = call;
    this.start = start;
  }

  /** The token sent with this call's requests. */
  String secret() {
    return session.token().secret();
  }
}
