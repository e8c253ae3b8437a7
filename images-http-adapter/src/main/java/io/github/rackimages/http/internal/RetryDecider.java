package io.github.rackimages.http.internal;

import io.github.rackimages.http.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Decides, with the {@link RetryPolicy}, whether a failed attempt is tried again and after which wait: the wait
 * the service asked for, else the policy's backoff; never past the policy's attempts or total time. Also writes
 * the note of attempts and time spent that a final failure's message ends with.
 */
final class RetryDecider {

  private final RetryPolicy policy;
  private final Clock clock;

  RetryDecider(RetryPolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** When a call starts, for its retry budget. */
  java.time.Instant start() {
    return clock.instant();
  }

  /** Retry, or give up with the failure and a note of the attempts and time spent. */
  <T> Step<T> decide(CallState<T> st, Failure failure) {
    if (!failure.retryable()) {
      return new Step.GiveUp<>(failure.toException(attemptsNote(st)));
    }
    // The repeat after a renewed token is not a retry.
    int counted = st.attempts - (st.renewed ? 1 : 0);
    if (counted >= policy.maxAttempts()) {
      return new Step.GiveUp<>(failure.toException("gave up after " + spent(st)));
    }
    st.retries++;
    Duration wait =
        failure.retryAfter().orElseGet(() -> policy.backoff(st.retries, ThreadLocalRandom.current().nextDouble()));
    Duration elapsed = Duration.between(st.start, clock.instant());
    if (elapsed.plus(wait).compareTo(policy.maxTotalTime()) > 0) {
      return new Step.GiveUp<>(
          failure.toException(
              "gave up after "
                  + spent(st)
                  + ": the next wait of "
                  + millis(wait)
                  + " would pass the retry budget of "
                  + millis(policy.maxTotalTime())));
    }
    return new Step.Retry<>(wait, failure);
  }

  /** {@code 3 attempts in 1200 ms}. */
  String spent(CallState<?> st) {
    Duration elapsed = Duration.between(st.start, clock.instant());
    return st.attempts + (st.attempts == 1 ? " attempt" : " attempts") + " in " + millis(elapsed);
  }

  /** The note a final failure's message ends with: empty after one attempt. */
  String attemptsNote(CallState<?> st) {
    return st.attempts > 1 ? "after " + spent(st) : "";
  }

  static String millis(Duration d) {
    return d.toMillis() + " ms";
  }
}
