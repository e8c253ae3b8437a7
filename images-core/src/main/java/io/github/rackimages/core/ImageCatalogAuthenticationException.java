package io.github.rackimages.core;

/**
 * The credentials or token were refused (401 {@code unauthorized}), by the compute service (after one renewal of the token) or by the identity service. Check the user name, API key or password.
 *
 * @since 1.0
 */
public class ImageCatalogAuthenticationException extends ImageCatalogServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, in words a user can act on
   * @param details what is known of the failed call
   * @param cause the underlying failure, or {@code null}
   */
  public ImageCatalogAuthenticationException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }

  /** A failure with a message and nothing else known (as an in-memory adapter or a test raises it). */
  public ImageCatalogAuthenticationException(String message) {
    this(message, ErrorDetails.none(), null);
  }

  /** A copy of {@code original} for another caller (see {@link ImageCatalogException#copy()}). */
  protected ImageCatalogAuthenticationException(ImageCatalogAuthenticationException original) {
    super(original);
  }

  @Override
  public ImageCatalogAuthenticationException copy() {
    return new ImageCatalogAuthenticationException(this);
  }
}
