package io.github.rackimages.core;

/**
 * The service found no such resource (404 {@code itemNotFound}). {@link ImageCatalog#find} reports an unknown image as an empty result instead; a 404 on a list call means the endpoint does not offer the images API at all (Nova removed it at microversion 2.36).
 *
 * @since 1.0
 */
public class ImageCatalogNotFoundException extends ImageCatalogServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, in words a user can act on
   * @param details what is known of the failed call
   * @param cause the underlying failure, or {@code null}
   */
  public ImageCatalogNotFoundException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }

  /** A failure with a message and nothing else known (as an in-memory adapter or a test raises it). */
  public ImageCatalogNotFoundException(String message) {
    this(message, ErrorDetails.none(), null);
  }

  /** A copy of {@code original} for another caller (see {@link ImageCatalogException#copy()}). */
  protected ImageCatalogNotFoundException(ImageCatalogNotFoundException original) {
    super(original);
  }

  @Override
  public ImageCatalogNotFoundException copy() {
    return new ImageCatalogNotFoundException(this);
  }
}
