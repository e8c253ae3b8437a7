package io.github.rackimages.core;

/**
 * The service rejected the request as malformed (400 {@code badRequest}): an unknown marker, a bad {@code changes-since}, a bad limit.
 *
 * @since 1.0
 */
public class ImageCatalogBadRequestException extends ImageCatalogServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, in words a user can act on
   * @param details what is known of the failed call
   * @param cause the underlying failure, or {@code null}
   */
  public ImageCatalogBadRequestException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }

  /** A failure with a message and nothing else known (as an in-memory adapter or a test raises it). */
  public ImageCatalogBadRequestException(String message) {
    this(message, ErrorDetails.none(), null);
  }

  /** A copy of {@code original} for another caller (see {@link ImageCatalogException#copy()}). */
  protected ImageCatalogBadRequestException(ImageCatalogBadRequestException original) {
    super(original);
  }

  @Override
  public ImageCatalogBadRequestException copy() {
    return new ImageCatalogBadRequestException(this);
  }
}
