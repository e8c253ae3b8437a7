package io.github.rackimages.http.internal;

import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.core.ImageCatalogAuthenticationException;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogForbiddenException;
import io.github.rackimages.core.ImageCatalogNotFoundException;
import io.github.rackimages.core.ImageCatalogProtocolException;
import io.github.rackimages.core.ImageCatalogServiceException;
import io.github.rackimages.core.ImageCatalogServiceFaultException;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.ImageCatalogUnavailableException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One failed attempt, before it becomes an exception: the exception is built only when the failure is final, so
 * that its message can say how many attempts were made and how long they took.
 */
public final class Failure {

  /** Which exception a failure becomes. */
  public enum Kind {
    BAD_REQUEST(ImageCatalogBadRequestException.class),
    AUTHENTICATION(ImageCatalogAuthenticationException.class),
    FORBIDDEN(ImageCatalogForbiddenException.class),
    NOT_FOUND(ImageCatalogNotFoundException.class),
    SERVICE(ImageCatalogServiceException.class),
    THROTTLED(ImageCatalogThrottledException.class),
    SERVICE_FAULT(ImageCatalogServiceFaultException.class),
    UNAVAILABLE(ImageCatalogUnavailableException.class),
    PROTOCOL(ImageCatalogProtocolException.class),
    TRANSPORT(ImageCatalogTransportException.class);

    final Class<? extends ImageCatalogException> type;

    Kind(Class<? extends ImageCatalogException> type) {
      this.type = type;
    }
  }

  private final Kind kind;
  private final String message;
  private final ErrorDetails details;
  private final Duration retryAfter;
  private final boolean retryable;
  private final Throwable cause;

  private Failure(
      Kind kind, String message, ErrorDetails details, Duration retryAfter, boolean retryable, Throwable cause) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.message = Objects.requireNonNull(message, "message");
    this.details = Objects.requireNonNull(details, "details");
    this.retryAfter = retryAfter;
    this.retryable = retryable;
    this.cause = cause;
  }

  /** A failure without a wait hint, retryable as its kind is (5xx, network failures). */
  public static Failure of(Kind kind, String message, ErrorDetails details, Throwable cause) {
    return new Failure(kind, message, details, null, retryableKind(kind), cause);
  }

  /**
   * A throttled or unavailable answer, with the wait the service asked for (or {@code null}) and the classifier's
   * decision whether another attempt may pass.
   */
  public static Failure waiting(
      Kind kind, String message, ErrorDetails details, Duration retryAfter, boolean retryable) {
    return new Failure(kind, message, details, retryAfter, retryable, null);
  }

  /**
   * The failure an exception of this library's tree reports, to report it again with a note of attempts: its
   * type, message, details, wait, retryability and cause kept; empty for a type outside the tree (an
   * authenticator's own subclass), which is then reported as it is.
   */
  public static Optional<Failure> from(ImageCatalogException e) {
    Kind kind;
    Duration wait = null;
    if (e instanceof ImageCatalogThrottledException t) {
      kind = Kind.THROTTLED;
      wait = t.retryAfter().orElse(null);
    } else if (e instanceof ImageCatalogUnavailableException u) {
      kind = Kind.UNAVAILABLE;
      wait = u.retryAfter().orElse(null);
    } else if (e.getClass() == ImageCatalogBadRequestException.class) {
      kind = Kind.BAD_REQUEST;
    } else if (e.getClass() == ImageCatalogAuthenticationException.class) {
      kind = Kind.AUTHENTICATION;
    } else if (e.getClass() == ImageCatalogForbiddenException.class) {
      kind = Kind.FORBIDDEN;
    } else if (e.getClass() == ImageCatalogNotFoundException.class) {
      kind = Kind.NOT_FOUND;
    } else if (e.getClass() == ImageCatalogServiceFaultException.class) {
      kind = Kind.SERVICE_FAULT;
    } else if (e.getClass() == ImageCatalogServiceException.class) {
      kind = Kind.SERVICE;
    } else if (e.getClass() == ImageCatalogProtocolException.class) {
      kind = Kind.PROTOCOL;
    } else if (e.getClass() == ImageCatalogTransportException.class) {
      kind = Kind.TRANSPORT;
    } else {
      return Optional.empty();
    }
    if (e.getClass() != kind.type) {
      return Optional.empty();
    }
    String message = e.getMessage();
    return Optional.of(new Failure(kind, message, e.details(), wait, e.isRetryable(), e.getCause()));
  }

  private static boolean retryableKind(Kind kind) {
    return switch (kind) {
      case SERVICE_FAULT, UNAVAILABLE, THROTTLED, TRANSPORT -> true;
      default -> false;
    };
  }

  /** Which exception this becomes. */
  public Kind kind() {
    return kind;
  }

  /** The message, without any note of attempts. */
  public String message() {
    return message;
  }

  /** What is known of the failed response. */
  public ErrorDetails details() {
    return details;
  }

  /** The wait the service asked for, when it did. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The same failure with another message (the details, wait and cause kept). */
  public Failure withMessage(String message) {
    return new Failure(kind, message, details, retryAfter, retryable, cause);
  }

  /** The same failure with another cause. */
  public Failure withCause(Throwable cause) {
    return new Failure(kind, message, details, retryAfter, retryable, cause);
  }

  /** Whether another attempt may succeed, as the classifier decided (see {@link WaitHints#waitingMayHelp}). */
  public boolean retryable() {
    return retryable;
  }

  /** The exception, its message followed by {@code suffix} (empty for none). */
  public ImageCatalogException toException(String suffix) {
    String m = suffix.isEmpty() ? message : message + "; " + suffix;
    return switch (kind) {
      case BAD_REQUEST -> new ImageCatalogBadRequestException(m, details, cause);
      case AUTHENTICATION -> new ImageCatalogAuthenticationException(m, details, cause);
      case FORBIDDEN -> new ImageCatalogForbiddenException(m, details, cause);
      case NOT_FOUND -> new ImageCatalogNotFoundException(m, details, cause);
      case SERVICE -> new ImageCatalogServiceException(m, details, cause);
      case THROTTLED -> new ImageCatalogThrottledException(m, details, retryAfter, retryable, cause);
      case SERVICE_FAULT -> new ImageCatalogServiceFaultException(m, details, cause);
      case UNAVAILABLE -> new ImageCatalogUnavailableException(m, details, retryAfter, retryable, cause);
      case PROTOCOL -> new ImageCatalogProtocolException(m, details, cause);
      case TRANSPORT -> new ImageCatalogTransportException(m, details, cause);
    };
  }

  @Override
  public String toString() {
    return "Failure[" + kind + ": " + message + "]";
  }
}
