package io.github.rackimages.nova.json;

/**
 * A body that is not the service's JSON: malformed, truncated, of the wrong shape, or with a value out of range.
 * The message names the place ({@code images[3].created}) and the problem, never the body itself, so it is safe
 * to show. The HTTP adapter turns it into an {@code ImageCatalogProtocolException} with the call's status and
 * request id.
 */
public final class WireFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure at a place in the body. */
  public WireFormatException(String message) {
    super(message);
  }

  /** A failure with its cause (a parser error). */
  public WireFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
