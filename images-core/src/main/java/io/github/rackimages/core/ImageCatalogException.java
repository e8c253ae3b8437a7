package io.github.rackimages.core;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The root of every failure an {@link ImageCatalog} reports: the service refused or failed the call, its answer
 * could not be read, or the network failed. Unchecked. Bad arguments are not reported this way: they raise the
 * JDK's {@link IllegalArgumentException} or {@link NullPointerException} before any call is made.
 *
 * <p>The subtypes say what to do:
 *
 * <ul>
 *   <li>{@link ImageCatalogServiceException}: the service answered with an error status; its subtypes
 *       {@link ImageCatalogBadRequestException} (400), {@link ImageCatalogAuthenticationException} (401),
 *       {@link ImageCatalogForbiddenException} (403), {@link ImageCatalogNotFoundException} (404),
 *       {@link ImageCatalogThrottledException} (413/429), {@link ImageCatalogServiceFaultException} (500 and
 *       other 5xx) and {@link ImageCatalogUnavailableException} (503);
 *   <li>{@link ImageCatalogProtocolException}: the answer was malformed, hostile, too large, or broke the paging
 *       rules (a repeated marker);
 *   <li>{@link ImageCatalogTransportException}: the call failed on the network (connection refused or reset,
 *       timeout).
 * </ul>
 *
 * <p>Messages and {@link #toString()} never hold a token, API key or password. When a walk over many pages
 * fails, {@link #resumeMarker()} says where to resume.
 *
 * @since 1.0
 */
public class ImageCatalogException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reason;
  private final ErrorDetails details;
  // Written only by PageWalker on a fresh copy, before that copy is thrown (see interruptingWalk): an exception
  // is never changed once a caller can see it.
  private PageMarker resumeMarker;
  private boolean resumable;

  /**
   * @param message what went wrong, in words a user can act on
   * @param details what is known of the failed call
   * @param cause the underlying failure, or {@code null}
   * @throws NullPointerException if {@code message} or {@code details} is null
   */
  public ImageCatalogException(String message, ErrorDetails details, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.reason = message;
    this.details = Objects.requireNonNull(details, "details");
  }

  /**
   * A copy of {@code original} for another caller: the same message, details, cause and walk position, with
   * {@code original} attached as a suppressed exception so that its stack trace is kept. Subclasses with state
   * of their own have a constructor of this shape and override {@link #copy()} with it.
   *
   * @throws NullPointerException if {@code original} is null
   */
  protected ImageCatalogException(ImageCatalogException original) {
    super(original.reason, original.getCause());
    this.reason = original.reason;
    this.details = original.details;
    this.resumeMarker = original.resumeMarker;
    this.resumable = original.resumable;
    addSuppressed(original);
  }

  /**
   * A failure with a message and nothing else known.
   *
   * @throws NullPointerException if {@code message} is null
   */
  public ImageCatalogException(String message) {
    this(message, ErrorDetails.none(), null);
  }

  /** Everything known of the failed call. */
  public ErrorDetails details() {
    return details;
  }

  /** The HTTP status, when there was one. */
  public OptionalInt statusCode() {
    return details.statusCode();
  }

  /** The service's fault name ({@code badRequest}, {@code overLimit}, ...), when it sent one. */
  public Optional<String> faultName() {
    return details.faultName();
  }

  /** The service's request id ({@code X-Compute-Request-Id}), to quote to its support. */
  public Optional<String> requestId() {
    return details.requestId();
  }

  /** The message the service wrote in its fault body. */
  public Optional<String> serviceMessage() {
    return details.serviceMessage();
  }

  /** Whether the same call may succeed if made again later (throttling, 5xx, network faults). */
  public boolean isRetryable() {
    return false;
  }

  /**
   * Whether this failure interrupted a walk over pages ({@link ImageCatalog#stream}); then
   * {@link #resumeMarker()} tells where the walk stood.
   */
  public boolean interruptedWalk() {
    return resumable;
  }

  /**
   * Where a walk that failed can resume: the marker of the page that could not be fetched, so that
   * {@code stream(filter, PageRequest.after(marker, limit))} lists exactly the images not yet delivered. Empty
   * when the failure was not in a walk, or when the walk failed on its first page without a marker (then start
   * again from the beginning; see {@link #interruptedWalk()}).
   */
  public Optional<PageMarker> resumeMarker() {
    return Optional.ofNullable(resumeMarker);
  }

  /**
   * A new exception of the same type and content as this one (see {@link #ImageCatalogException(
   * ImageCatalogException)}), for code that hands one failure to several callers: a single-flight call whose
   * waiters each get their own copy, so that what one caller does to its exception (add a suppressed exception,
   * resume a walk) never shows in another's. Every subtype in this library returns its own type; a subclass
   * written elsewhere should override this, or its copies are plain {@code ImageCatalogException}s.
   */
  public ImageCatalogException copy() {
    return new ImageCatalogException(this);
  }

  /**
   * A copy of this failure that says it interrupted a walk, which can resume after {@code marker} (null: the
   * walk failed on its first page). Only the walker calls it, on a failure that is not yet anyone else's.
   */
  final ImageCatalogException interruptingWalk(PageMarker marker) {
    ImageCatalogException c = copy();
    c.resumeMarker = marker;
    c.resumable = true;
    return c;
  }

  @Override
  public String getMessage() {
    String base = super.getMessage();
    String described = details.describe();
    StringBuilder s = new StringBuilder(base);
    if (!described.isEmpty() && !base.contains(described)) {
      s.append(" [").append(described).append(']');
    }
    if (resumable) {
      s.append(resumeMarker == null
          ? "; the walk failed on its first page"
          : "; resume the walk after marker " + resumeMarker.value());
    }
    return s.toString();
  }
}
