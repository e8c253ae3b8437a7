package io.github.rackimages.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The service is rate-limiting this account (413 or 429 {@code overLimit}). {@link #retryAfter()} says how long to wait when the service said so. Retryable, except a 413 without any wait hint: Rackspace also answers 413 for an absolute limit, which no wait lifts ({@link #retryAfter()} is then empty and {@link #isRetryable()} false).
 *
 * @since 1.0
 */
public class ImageCatalogThrottledException extends ImageCatalogServiceException {

  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * @param message what went wrong, in words a user can act on
   * @param details what is known of the failed call
   * @param retryAfter how long the service asked to wait, or {@code null} when it did not say
   * @param cause the underlying failure, or {@code null}
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   */
  public ImageCatalogThrottledException(String message, ErrorDetails details, Duration retryAfter, Throwable cause) {
    super(message, details, cause);
    if (retryAfter != null && retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
    }
    this.retryAfter = retryAfter;
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

  @Override
  public boolean isRetryable() {
    // Rackspace answers 413 for absolute limits too; without any wait hint no wait lifts it.
    return retryAfter != null || statusCode().orElse(0) != 413;
  }

  /** A copy of {@code original} for another caller (see {@link ImageCatalogException#copy()}). */
  protected ImageCatalogThrottledException(ImageCatalogThrottledException original) {
    super(original);
    this.retryAfter = original.retryAfter;
  }

  @Override
  public ImageCatalogThrottledException copy() {
    return new ImageCatalogThrottledException(this);
  }
}
