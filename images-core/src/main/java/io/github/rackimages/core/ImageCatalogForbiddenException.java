package io.github.rackimages.core;

/**
 * The account may not do this (403 {@code forbidden}): a policy denial or a disabled user.
 *
 * @since 1.0
 */
public class ImageCatalogForbiddenException extends ImageCatalogServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, in words a user can act on
   * @param details what is known of the failed call
   * @param cause the underlying failure, or {@code null}
   */
  public ImageCatalogForbiddenException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }

  /** A failure with a message and nothing else known (as an in-memory adapter or a test raises it). */
  public ImageCatalogForbiddenException(String message) {
    this(message, ErrorDetails.none(), null);
  }

  /** A copy of {@code original} for another caller (see {@link ImageCatalogException#copy()}). */
  protected ImageCatalogForbiddenException(ImageCatalogForbiddenException original) {
    super(original);
  }

  @Override
  public ImageCatalogForbiddenException copy() {
    return new ImageCatalogForbiddenException(this);
  }
}
