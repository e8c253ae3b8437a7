package io.github.rackimages.http;

import io.github.rackimages.core.Durations;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link HttpImageCatalog} retries a call that failed in a way that may pass: how many attempts, how long in
 * all, and how long to wait between them. Immutable; start from {@link #defaults()}, {@link #none()} or
 * {@link #builder()}.
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder().maxAttempts(6).maxTotalTime(Duration.ofMinutes(2)).build();
 * }</pre>
 *
 * <p>What is retried is fixed, because only these failures can pass on their own and every call of the catalog
 * is a safe {@code GET}:
 *
 * <ul>
 *   <li>413 and 429 {@code overLimit} and 503 {@code serviceUnavailable}: after the wait the service asked for
 *       (the {@code Retry-After} header, in seconds or as an HTTP date, else the body's {@code retryAfter} or
 *       {@code retryAt}, in seconds or as an ISO-8601 instant). A 429 or 503 without any wait is retried with the
 *       backoff below; a 413 without any wait is not retried, since Rackspace also answers 413 for an absolute
 *       limit that no wait lifts;
 *   <li>other 5xx statuses and network failures (connection refused or reset, timeouts, a body cut off): after an
 *       exponential backoff, {@code baseDelay * 2^(n-1)} before the n-th retry, capped at {@code maxDelay} and
 *       shortened by up to {@code jitter} of itself at random so that many clients do not retry in step.
 * </ul>
 *
 * <p>Nothing else is retried: 400, 401 (the token is renewed once instead, outside this policy), 403, 404, 405,
 * 409, malformed answers. A wait that would end after {@code maxTotalTime} (counted from the first attempt) is
 * not made: the last failure is reported at once, its message saying how many attempts were made and how long
 * they took.
 *
 * @since 1.0
 */
public final class RetryPolicy {

  private static final RetryPolicy DEFAULTS = new Builder().build();
  private static final RetryPolicy NONE = new Builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration maxTotalTime;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final double jitter;

  private RetryPolicy(Builder b) {
    if (b.baseDelay.compareTo(b.maxDelay) > 0) {
      throw new IllegalArgumentException(
          "baseDelay (" + Durations.human(b.baseDelay) + ") must not exceed maxDelay (" + Durations.human(b.maxDelay) + ")");
    }
    this.maxAttempts = b.maxAttempts;
    this.maxTotalTime = b.maxTotalTime;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.jitter = b.jitter;
  }

  /**
   * Four attempts within 60 seconds; backoff from 200 ms, at most 10 s between attempts, jitter 0.5.
   */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt: every failure is reported at once (the 401 token renewal still happens). */
  public static RetryPolicy none() {
    return NONE;
  }

  /** A builder starting from {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this policy's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.maxAttempts = maxAttempts;
    b.maxTotalTime = maxTotalTime;
    b.baseDelay = baseDelay;
    b.maxDelay = maxDelay;
    b.jitter = jitter;
    return b;
  }

  /** The most requests made for one call, the first included. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The longest time a call may take with its waits; no wait is started that would end later. */
  public Duration maxTotalTime() {
    return maxTotalTime;
  }

  /** The backoff before the first retry, before jitter. */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** The longest backoff between two attempts (a wait the service asks for is not capped by it). */
  public Duration maxDelay() {
    return maxDelay;
  }

  /** The largest share, 0 to 1, by which a backoff is shortened at random. */
  public double jitter() {
    return jitter;
  }

  /**
   * The backoff before the {@code retry}-th retry (1 for the first), for a random draw in {@code [0, 1)}.
   *
   * @throws IllegalArgumentException if {@code retry < 1} or {@code random} is outside {@code [0, 1)}
   */
  public Duration backoff(int retry, double random) {
    if (retry < 1) {
      throw new IllegalArgumentException("retry must be >= 1: " + retry);
    }
    if (!(random >= 0 && random < 1)) {
      throw new IllegalArgumentException("random must be within [0, 1): " + random);
    }
    long max = maxDelay.toNanos();
    long exp = Math.min(baseDelay.toNanos(), max);
    // Doubling stops at the cap, so the loop is short and never overflows.
    for (int i = 1; i < retry && exp > 0 && exp < max; i++) {
      exp = exp > max / 2 ? max : exp * 2;
    }
    long nanos = (long) (exp * (1 - jitter * random));
    return Duration.ofNanos(Math.max(0, nanos));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetryPolicy p
        && maxAttempts == p.maxAttempts
        && maxTotalTime.equals(p.maxTotalTime)
        && baseDelay.equals(p.baseDelay)
        && maxDelay.equals(p.maxDelay)
        && Double.compare(jitter, p.jitter) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxAttempts, maxTotalTime, baseDelay, maxDelay, jitter);
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts="
        + maxAttempts
        + ", maxTotalTime="
        + Durations.human(maxTotalTime)
        + ", baseDelay="
        + Durations.human(baseDelay)
        + ", maxDelay="
        + Durations.human(maxDelay)
        + ", jitter="
        + jitter
        + "]";
  }

  /**
   * Builds a {@link RetryPolicy}; not thread-safe. Starts from the defaults; each setter validates its argument
   * at once.
   *
   * @since 1.0
   */
  public static final class Builder {
    private int maxAttempts = 4;
    private Duration maxTotalTime = Duration.ofSeconds(60);
    private Duration baseDelay = Duration.ofMillis(200);
    private Duration maxDelay = Duration.ofSeconds(10);
    private double jitter = 0.5;

    private Builder() {}

    /**
     * The most requests for one call, the first included; 1 means no retry.
     *
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1: " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * The longest time one call may take, waits included.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxTotalTime(Duration maxTotalTime) {
      this.maxTotalTime = positive(maxTotalTime, "maxTotalTime");
      return this;
    }

    /**
     * The backoff before the first retry; it doubles for each further retry.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder baseDelay(Duration baseDelay) {
      Objects.requireNonNull(baseDelay, "baseDelay");
      if (baseDelay.isNegative()) {
        throw new IllegalArgumentException("baseDelay must not be negative: " + Durations.human(baseDelay));
      }
      this.baseDelay = baseDelay;
      return this;
    }

    /**
     * The longest backoff between two attempts.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder maxDelay(Duration maxDelay) {
      this.maxDelay = positive(maxDelay, "maxDelay");
      return this;
    }

    /**
     * The largest share by which a backoff is shortened at random: 0 for exact backoffs, 1 for "full jitter".
     *
     * @throws IllegalArgumentException if outside 0..1
     */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be within 0..1: " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /**
     * @throws IllegalArgumentException if {@code baseDelay} exceeds {@code maxDelay}
     */
    public RetryPolicy build() {
      return new RetryPolicy(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + Durations.human(d));
      }
      return d;
    }
  }
}
