package io.github.rackimages.core;

/**
 * The call failed on the network: connection refused or reset, a timeout, a TLS failure. Retryable.
 *
 * @since 1.0
 */
public class ImageCatalogTransportException extends ImageCatalogException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, in words a user can act on
   * @param details what is known of the failed call
   * @param cause the underlying failure, or {@code null}
   */
  public ImageCatalogTransportException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }

  /** A failure with a message and nothing else known (as an in-memory adapter or a test raises it). */
  public ImageCatalogTransportException(String message) {
    this(message, ErrorDetails.none(), null);
  }

  @Override
  public boolean isRetryable() {
    return true;
  }

  /** A copy of {@code original} for another caller (see {@link ImageCatalogException#copy()}). */
  protected ImageCatalogTransportException(ImageCatalogTransportException original) {
    super(original);
  }

  @Override
  public ImageCatalogTransportException copy() {
    return new ImageCatalogTransportException(this);
  }
}
