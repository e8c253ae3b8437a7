package io.github.rackimages.http.auth;

import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageCatalogUnavailableException;
import io.github.rackimages.http.RetryPolicy;
import io.github.rackimages.http.internal.Failure;
import io.github.rackimages.http.internal.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * One sign-in, retried as the {@link RetryPolicy} says when identity fails in a way that may pass (503, a 413 or
 * 429 with a wait, 5xx, a timeout or another network failure): the same attempts, backoff, {@code Retry-After}
 * and total time as a compute call. It runs inside {@link SessionCache}'s single flight, so the callers waiting
 * for a sign-in share its retries and its final failure (each as an exception of its own); a refusal (401, 403,
 * 400) or an unusable answer is never retried.
 */
final class RetryingSignIn implements Supplier<AuthSession> {

  private final Supplier<AuthSession> attempt;
  private final RetryPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;

  RetryingSignIn(Supplier<AuthSession> attempt, RetryPolicy policy, Clock clock, Sleeper sleeper) {
    this.attempt = attempt;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
  }

  @Override
  public AuthSession get() {
    Instant start = clock.instant();
    for (int attempts = 1; ; attempts++) {
      ImageCatalogException failure;
      try {
        return attempt.get();
      } catch (ImageCatalogException e) {
        failure = e;
      }
      if (!failure.isRetryable()) {
        throw attempts == 1 ? failure : noted(failure, "after " + spent(attempts, start));
      }
      if (attempts >= policy.maxAttempts()) {
        throw attempts == 1 ? failure : noted(failure, "gave up signing in after " + spent(attempts, start));
      }
      Duration wait = wait(failure).orElse(policy.backoff(attempts, ThreadLocalRandom.current().nextDouble()));
      if (Duration.between(start, clock.instant()).plus(wait).compareTo(policy.maxTotalTime()) > 0) {
        throw noted(failure, "gave up signing in after " + spent(attempts, start) + ": the next wait of "
            + wait.toMillis() + " ms would pass the retry budget of " + policy.maxTotalTime().toMillis() + " ms");
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw noted(failure, "interrupted while waiting to sign in again");
      }
    }
  }

  private static Optional<Duration> wait(ImageCatalogException e) {
    if (e instanceof ImageCatalogThrottledException t) {
      return t.retryAfter();
    }
    if (e instanceof ImageCatalogUnavailableException u) {
      return u.retryAfter();
    }
    return Optional.empty();
  }

  private String spent(int attempts, Instant start) {
    return attempts + " attempts in " + Duration.between(start, clock.instant()).toMillis() + " ms";
  }

  private static ImageCatalogException noted(ImageCatalogException e, String note) {
    return Failure.from(e).map(f -> f.withCause(e).toException(note)).orElse(e);
  }
}
