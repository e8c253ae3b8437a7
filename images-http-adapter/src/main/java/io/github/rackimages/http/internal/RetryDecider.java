package io.github.rackimages.http.internal;

import io.github.rackimages.core.Durations;
import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.http.ImageCatalogCallTimeoutException;
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
  private final Duration apiCallTimeout;

  /** @param apiCallTimeout the most a whole call may take, or null for no limit */
  RetryDecider(RetryPolicy policy, Clock clock, Duration apiCallTimeout) {
    this.policy = policy;
    this.clock = clock;
    this.apiCallTimeout = apiCallTimeout;
  }

  /** A call's state as it starts, with its deadline when there is an {@code apiCallTimeout}. */
  <T> CallState<T> start(Call<T> call) {
    CallState<T> st = new CallState<>(call, clock.instant());
    st.deadline = apiCallTimeout == null ? null : st.start.plus(apiCallTimeout);
    return st;
  }

  /**
   * The timeout of the next attempt (for its headers, and again for its body): the request timeout, cut to what
   * is left of the call's budget.
   *
   * @throws ImageCatalogCallTimeoutException if nothing is left
   */
  Duration attemptTimeout(CallState<?> st, Duration requestTimeout) {
    if (st.deadline == null) {
      return requestTimeout;
    }
    Duration left = Duration.between(clock.instant(), st.deadline);
    if (left.isNegative() || left.isZero()) {
      throw overBudget(st, (Failure) null);
    }
    return left.compareTo(requestTimeout) < 0 ? left : requestTimeout;
  }

  /** The failure of a call whose budget is spent, the last attempt's failure (if any) as its cause. */
  ImageCatalogCallTimeoutException overBudget(CallState<?> st, Failure last) {
    return new ImageCatalogCallTimeoutException(
        st.call.path() + ": the call did not complete within its apiCallTimeout of " + Durations.human(apiCallTimeout) + " ("
            + spent(st) + ")" + (last == null ? "" : "; the last attempt: " + last.message()),
        last == null ? ErrorDetails.none() : last.details(),
        apiCallTimeout,
        last == null ? null : last.toException(""));
  }

  /**
   * {@code e}, or the call's time-out when its budget is spent (a sign-in the call waited for ran past it).
   */
  ImageCatalogException orOverBudget(CallState<?> st, ImageCatalogException e) {
    // A wait given all that was left ends within a millisecond or so of the deadline (waits count whole
    // milliseconds): what is left then is no budget for another attempt.
    if (st.deadline == null || clock.instant().plusMillis(10).isBefore(st.deadline)) {
      return e;
    }
    return overBudget(st, Failure.of(Failure.Kind.TRANSPORT, e.getMessage(), e.details(), e));
  }

  /** What is left of the call's budget, or null without one. */
  Duration left(CallState<?> st) {
    return st.deadline == null ? null : Duration.between(clock.instant(), st.deadline);
  }

  private boolean passesDeadline(CallState<?> st, Duration wait) {
    return st.deadline != null && clock.instant().plus(wait).compareTo(st.deadline) >= 0;
  }

  /** Retry, or give up with the failure and a note of the attempts and time spent. */
  <T> Step<T> decide(CallState<T> st, Failure failure) {
    if (passesDeadline(st, Duration.ZERO)) {
      // An attempt cut short by the budget failed of it, whatever it looks like.
      return new Step.GiveUp<>(overBudget(st, failure));
    }
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
    if (passesDeadline(st, wait)) {
      return new Step.GiveUp<>(overBudget(st, failure));
    }
    Duration elapsed = Duration.between(st.start, clock.instant());
    if (elapsed.plus(wait).compareTo(policy.maxTotalTime()) > 0) {
      return new Step.GiveUp<>(
          failure.toException(
              "gave up after "
                  + spent(st)
                  + ": the next wait of "
                  + Durations.human(wait)
                  + " would pass the retry budget of "
                  + Durations.human(policy.maxTotalTime())));
    }
    return new Step.Retry<>(wait, failure);
  }

  /** {@code 3 attempts in 1.2 s}. */
  String spent(CallState<?> st) {
    Duration elapsed = Duration.between(st.start, clock.instant());
    return st.attempts + (st.attempts == 1 ? " attempt" : " attempts") + " in " + Durations.human(elapsed);
  }

  /** The note a final failure's message ends with: empty after one attempt. */
  String attemptsNote(CallState<?> st) {
    return st.attempts > 1 ? "after " + spent(st) : "";
  }
}
