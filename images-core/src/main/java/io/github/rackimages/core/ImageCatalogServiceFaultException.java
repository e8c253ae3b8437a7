package io.github.rackimages.core;

/**
 * The service failed (500 {@code computeFault}, or another 5xx than 503). Retryable.
 *
 * @since 1.0
 */
public class ImageCatalogServiceFaultException extends ImageCatalogServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, in words a user can act on
   * @param details what is known of the failed call
   * @param cause the underlying failure, or {@code null}
   */
  public ImageCatalogServiceFaultException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }

  /** A failure with a message and nothing else known (as an in-memory adapter or a test raises it). */
  public ImageCatalogServiceFaultException(String message) {
    this(message, ErrorDetails.none(), null);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }

  /** A copy of {@code original} for another caller (see {@link ImageCatalogException#copy()}). */
  protected ImageCatalogServiceFaultException(ImageCatalogServiceFaultException original) {
    super(original);
  }

  @Override
  public ImageCatalogServiceFaultException copy() {
    return new ImageCatalogServiceFaultException(this);
  }
}
