package io.github.rackimages.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The service is rate-limiting this account (413 or 429 {@code overLimit}). {@link #retryAfter()} says how long
 * to wait when the service said so. Retryable unless the adapter that raised it decided otherwise (an adapter may
 * know that a particular answer is an absolute limit, which no wait lifts).
 *
 * @since 1.0
 */
public class ImageCatalogThrottledException extends ImageCatalogServiceException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;
  private final boolean retryable;

  /**
   * A retryable failure.
   *
   * @param message what went wrong, in words a user can act on
   * @param details what is known of the failed call
   * @param retryAfter how long the service asked to wait, or {@code null} when it did not say
   * @param cause the underlying failure, or {@code null}
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   */
  public ImageCatalogThrottledException(String message, ErrorDetails details, Duration retryAfter, Throwable cause) {
    this(message, details, retryAfter, true, cause);
  }

  /**
   * A failure whose retryability the raising adapter decided: it knows its service's rules (Rackspace, for one,
   * answers 413 for an absolute limit too, which no wait lifts).
   *
   * @param message what went wrong, in words a user can act on
   * @param details what is known of the failed call
   * @param retryAfter how long the service asked to wait, or {@code null} when it did not say
   * @param retryable whether the same call may succeed if made again later
   * @param cause the underlying failure, or {@code null}
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   */
  public ImageCatalogThrottledException(
      String message, ErrorDetails details, Duration retryAfter, boolean retryable, Throwable cause) {
    super(message, details, cause);
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + Durations.human(retryAfter));
    }
    this.retryAfter = retryAfter;
    this.retryable = retryable;
  }

  /**
   * A failure with a message and a wait (as an in-memory adapter or a test raises it).
   *
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   */
  public ImageCatalogThrottledException(String message, Duration retryAfter) {
    this(message, ErrorDetails.none(), Objects.requireNonNull(retryAfter, "retryAfter"), null);
  }

  /** A failure with a message and nothing else known. */
  public ImageCatalogThrottledException(String message) {
    this(message, ErrorDetails.none(), null, null);
  }

  /** How long the service asked to wait before the next call; empty when it did not say. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether the same call may succeed if made again later, as the adapter that raised it decided. */
  @Override
  public boolean isRetryable() {
    return retryable;
  }

  /** A copy of {@code original} for another caller (see {@link ImageCatalogException#copy()}). */
  protected ImageCatalogThrottledException(ImageCatalogThrottledException original) {
    super(original);
    this.retryAfter = original.retryAfter;
    this.retryable = original.retryable;
  }

  @Override
  public ImageCatalogThrottledException copy() {
    return new ImageCatalogThrottledException(this);
  }
}
