package io.github.rackimages.core;

/**
 * The service answered something this library cannot accept: a malformed or truncated body, a body over the size cap, a wrong content type, or paging that would loop (a repeated marker). Not retryable: the same call will likely get the same answer.
 *
 * @since 1.0
 */
public class ImageCatalogProtocolException extends ImageCatalogException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what went wrong, in words a user can act on
   * @param details what is known of the failed call
   * @param cause the underlying failure, or {@code null}
   */
  public ImageCatalogProtocolException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }

  /** A failure with a message and nothing else known (as an in-memory adapter or a test raises it). */
  public ImageCatalogProtocolException(String message) {
    this(message, ErrorDetails.none(), null);
  }

  /** A copy of {@code original} for another caller (see {@link ImageCatalogException#copy()}). */
  protected ImageCatalogProtocolException(ImageCatalogProtocolException original) {
    super(original);
  }

  @Override
  public ImageCatalogProtocolException copy() {
    return new ImageCatalogProtocolException(this);
  }
}
