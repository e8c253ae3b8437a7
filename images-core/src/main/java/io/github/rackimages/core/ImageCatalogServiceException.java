package io.github.rackimages.core;

/**
 * The service answered with an error status. Subtypes name the statuses a caller acts on; this type itself covers the others (405 {@code badMethod}, 409 {@code conflictingRequest}, 415, ...).
 *
 * @since 1.0
 */
public class ImageCatalogServiceException extends ImageCatalogException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, in words a user can act on
   * @param details what is known of the failed call
   * @param cause the underlying failure, or {@code null}
   */
  public ImageCatalogServiceException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }

  /** A failure with a message and nothing else known (as an in-memory adapter or a test raises it). */
  public ImageCatalogServiceException(String message) {
    this(message, ErrorDetails.none(), null);
  }

  /** A copy of {@code original} for another caller (see {@link ImageCatalogException#copy()}). */
  protected ImageCatalogServiceException(ImageCatalogServiceException original) {
    super(original);
  }

  @Override
  public ImageCatalogServiceException copy() {
    return new ImageCatalogServiceException(this);
  }
}
