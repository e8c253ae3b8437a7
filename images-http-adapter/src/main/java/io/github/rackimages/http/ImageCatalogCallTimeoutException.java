package io.github.rackimages.http;

import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.core.ImageCatalogException;
import java.time.Duration;
import java.util.Objects;

/**
 * A call of {@link HttpImageCatalog} did not complete within its {@link HttpCatalogConfig#apiCallTimeout()}: its
 * attempts, waits and renewals together used the whole budget. Not retryable: the budget is the caller's own
 * limit, so making the call again with it would only spend it again; the last failure, if any, is the cause.
 *
 * @since 1.0
 */
public class ImageCatalogCallTimeoutException extends ImageCatalogException {

  private static final long serialVersionUID = 1L;

  private final Duration budget;

  /**
   * @param budget the {@code apiCallTimeout} that was spent
   * @throws NullPointerException if {@code message}, {@code details} or {@code budget} is null
   */
  public ImageCatalogCallTimeoutException(String message, ErrorDetails details, Duration budget, Throwable cause) {
    super(message, details, cause);
    this.budget = Objects.requireNonNull(budget, "budget");
  }

  /** A copy of {@code original} for another caller (see {@link ImageCatalogException#copy()}). */
  protected ImageCatalogCallTimeoutException(ImageCatalogCallTimeoutException original) {
    super(original);
    this.budget = original.budget;
  }

  /** The {@code apiCallTimeout} the call spent. */
  public Duration budget() {
    return budget;
  }

  @Override
  public boolean isRetryable() {
    return false;
  }

  @Override
  public ImageCatalogCallTimeoutException copy() {
    return new ImageCatalogCallTimeoutException(this);
  }
}
