package io.github.rackimages.http;

import io.github.rackimages.core.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One HTTP attempt of {@link HttpImageCatalog}, as an {@link HttpCatalogListener} hears of it. Holds no secret:
 * the target is the path and query only (no host, no token), as the adapter's log line shows it.
 *
 * @param method {@code GET}
 * @param target the path and query, {@code /v2/123456/images/detail?limit=100}
 * @param attempt which attempt of its call this was, from 1 (a repeat after a renewed token counts)
 * @param status the response's status code; empty when there was no response
 * @param failure when there was no response, what went wrong: the simple name of the client's exception, such
 *     as {@code ConnectException} or {@code HttpTimeoutException}; empty when there was a response
 * @param requestId the service's request id ({@code X-Compute-Request-Id}, else {@code X-Openstack-Request-Id})
 * @param duration from sending the request until its response was read and judged, or the client failed
 * @param decision what the call does next
 * @param retryDelay how long the call waits before its next attempt: positive only for {@link Decision#RETRY}
 * @since 1.0
 */
public record AttemptEvent(
    String method,
    String target,
    int attempt,
    OptionalInt status,
    Optional<String> failure,
    Optional<String> requestId,
    Duration duration,
    Decision decision,
    Duration retryDelay) {

  /** What the call does after an attempt. */
  public enum Decision {
    /** The call is over with a result (a 404 of {@code find} included). */
    DONE,
    /** The call waits {@link AttemptEvent#retryDelay()} and makes another attempt. */
    RETRY,
    /** The call fails with the attempt's failure (or its time-out). */
    GIVE_UP,
    /** The token was refused: the call renews it and makes another attempt. */
    RENEW
  }

  /**
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code attempt} is below 1 or a duration is negative
   */
  public AttemptEvent {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(failure, "failure");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(retryDelay, "retryDelay");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1: " + attempt);
    }
    if (duration.isNegative() || retryDelay.isNegative()) {
      throw new IllegalArgumentException(
          "durations must not be negative: " + Durations.human(duration) + ", " + Durations.human(retryDelay));
    }
  }
}
