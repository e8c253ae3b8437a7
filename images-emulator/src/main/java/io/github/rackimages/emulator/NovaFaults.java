package io.github.rackimages.emulator;

import io.github.rackimages.core.ImageCatalogAuthenticationException;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogForbiddenException;
import io.github.rackimages.core.ImageCatalogNotFoundException;
import io.github.rackimages.core.ImageCatalogServiceException;
import io.github.rackimages.core.ImageCatalogServiceFaultException;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.ImageCatalogUnavailableException;
import io.github.rackimages.nova.json.Fault;
import io.github.rackimages.nova.json.NovaJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Nova faults: the body {@code {"<faultName>": {"code": N, "message": "..."}}} with the fault name Nova gives each
 * status, and the translation of a catalog's {@link ImageCatalogException} into the fault the service would have
 * answered, so that failures of the catalog behind the emulator (including faults injected into the fake) reach the
 * client as they would from Rackspace.
 */
final class NovaFaults {

  /** Nova's message for an unexpected failure; the details never leave the server. */
  static final String GENERIC_500 =
      "The server has either erred or is incapable of performing the requested operation.";

  static final String UNAUTHORIZED = "The request you have made requires authentication.";
  static final String NOT_FOUND = "The resource could not be found.";
  static final String IMAGE_NOT_FOUND = "Image not found.";
  static final String UNAVAILABLE = "The service is unavailable at this time.";
  static final String RATE_LIMITED = "This request was rate-limited.";
  static final String NOT_ALLOWED_TO_DELETE = "You are not allowed to delete the image.";
  static final String MALFORMED_BODY = "Malformed request body";
  static final String UNSUPPORTED_CONTENT_TYPE = "Unsupported Content-Type";

  /** WebOb's {@code HTTPClientError.explanation}, which {@code HTTPMethodNotAllowed} inherits, line breaks and all. */
  static final String WEBOB_CLIENT_ERROR =
      "The server could not comply with the request since\r\nit is either malformed or otherwise incorrect.\r\n";

  /** WebOb 1.3's plain-text {@code HTTPNotFound} page: the template with its tags stripped and newlines as blanks. */
  private static final String WEBOB_404_PLAIN = "404 Not Found\n\nThe resource could not be found.\n\n   ";

  /** WebOb 1.3's HTML {@code HTTPNotFound} page. */
  private static final String WEBOB_404_HTML =
      "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n"
          + "  The resource could not be found.<br /><br />\n\n\n\n </body>\n</html>";

  /** An HTTP date as Repose writes {@code Retry-After} (IMF-fixdate, RFC 7231). */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

  private final NovaJson json;
  private final String identityUrl;
  private final BooleanSupplier retryAfterAsDate;
  private final Clock clock;

  /**
   * @param retryAfterAsDate whether {@code Retry-After} is written as an HTTP date (from {@code clock}), not seconds
   */
  NovaFaults(NovaJson json, String identityUrl, BooleanSupplier retryAfterAsDate, Clock clock) {
    this.json = json;
    this.identityUrl = identityUrl;
    this.retryAfterAsDate = retryAfterAsDate;
    this.clock = clock;
  }

  /** The top-level key Nova writes for a status ({@code nova/api/openstack/wsgi.py}, class {@code Fault}). */
  static String faultName(int status) {
    return switch (status) {
      case 400 -> "badRequest";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "itemNotFound";
      case 405 -> "badMethod";
      case 409 -> "conflictingRequest";
      case 413, 429 -> "overLimit";
      case 415 -> "badMediaType";
      case 501 -> "notImplemented";
      case 503 -> "serviceUnavailable";
      default -> "computeFault";
    };
  }

  /** A fault with Nova's name for the status. */
  Reply fault(int status, String message) {
    return write(status, Fault.of(faultName(status), status, message));
  }

  /**
   * The 404 of a request no route of Nova's matches: WebOb's bare {@code HTTPNotFound} from
   * {@code wsgi.Router._dispatch}, before Nova's fault layer, so no JSON and no request id; HTML when the
   * {@code Accept} header names {@code html} or is {@code *}{@code /*}-ish (WebOb's test), plain text otherwise.
   */
  Reply noRoute(String accept) {
    boolean html = accept != null && (accept.contains("html") || accept.contains("*/*"));
    byte[] page = (html ? WEBOB_404_HTML : WEBOB_404_PLAIN).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return Reply.bare(404, (html ? "text/html" : "text/plain") + "; charset=UTF-8", out -> out.write(page));
  }

  /** 401 with the header Repose's Keystone filter adds, naming where to get a token. */
  Reply unauthorized(String message) {
    return fault(401, message).withHeader("WWW-Authenticate", "Keystone uri=" + identityUrl);
  }

  /** 405, with the methods the route does accept. */
  Reply badMethod(String method, String allowed) {
    return fault(405, "The method " + method + " is not allowed for this resource.").withHeader("Allow", allowed);
  }

  /**
   * 413 {@code overLimit} as Repose answers it: {@code Retry-After} in seconds and the instant in the body.
   *
   * @param details the body's {@code details} text
   */
  Reply overLimit(int status, String message, String details, Duration retryAfter, Instant now) {
    Fault fault = Fault.of(faultName(status), status, message);
    if (details != null) {
      fault = fault.withDetails(details);
    }
    if (retryAfter == null) {
      return write(status, fault);
    }
    long seconds = ceilSeconds(retryAfter);
    Instant at = now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds);
    return write(status, fault.withRetryAfter(NovaJson.formatInstant(at)))
        .withHeader("Retry-After", retryAfter(seconds));
  }

  /** 503 {@code serviceUnavailable}, with a {@code Retry-After} in seconds when a wait is known. */
  Reply unavailable(String message, Duration retryAfter) {
    Reply reply = fault(503, message);
    return retryAfter == null ? reply : reply.withHeader("Retry-After", retryAfter(ceilSeconds(retryAfter)));
  }

  /** The generic 500: nothing of the failure is told. */
  Reply computeFault() {
    return fault(500, GENERIC_500);
  }

  /**
   * The fault the service answers for a failure of the catalog. The status comes from the exception's type (the
   * port's contract), refined by the status it carries where the type covers several (429 or 413 for throttling, a
   * 5xx for a service fault); the message is the service's message the exception carries, else its own message,
   * except for server-side failures, which get Nova's generic texts.
   */
  Reply fromCatalog(ImageCatalogException e, Instant now) {
    int carried = e.statusCode().orElse(0);
    if (e instanceof ImageCatalogBadRequestException) {
      return fault(400, clientMessage(e));
    }
    if (e instanceof ImageCatalogAuthenticationException) {
      return unauthorized(e.serviceMessage().orElse(UNAUTHORIZED));
    }
    if (e instanceof ImageCatalogForbiddenException) {
      return fault(403, clientMessage(e));
    }
    if (e instanceof ImageCatalogNotFoundException) {
      return fault(404, e.serviceMessage().orElse(NOT_FOUND));
    }
    if (e instanceof ImageCatalogThrottledException t) {
      int status = carried == 429 ? 429 : 413;
      return overLimit(status, e.serviceMessage().orElse(RATE_LIMITED), null, t.retryAfter().orElse(null), now);
    }
    if (e instanceof ImageCatalogUnavailableException u) {
      return unavailable(e.serviceMessage().orElse(UNAVAILABLE), u.retryAfter().orElse(null));
    }
    if (e instanceof ImageCatalogServiceFaultException) {
      int status = carried >= 500 && carried <= 599 && carried != 503 ? carried : 500;
      return fault(status, e.serviceMessage().orElse(GENERIC_500));
    }
    if (e instanceof ImageCatalogTransportException) {
      // The catalog could not reach its own backend: a retryable outage, as Nova reports Glance being down.
      return unavailable(UNAVAILABLE, null);
    }
    if (e instanceof ImageCatalogServiceException && carried >= 400 && carried <= 499) {
      return fault(carried, clientMessage(e));
    }
    return computeFault();
  }

  private static String clientMessage(ImageCatalogException e) {
    Optional<String> service = e.serviceMessage();
    return service.orElseGet(e::getMessage);
  }

  /** The {@code Retry-After} value: the seconds, or the instant they lead to as an HTTP date. */
  private String retryAfter(long seconds) {
    if (!retryAfterAsDate.getAsBoolean()) {
      return Long.toString(seconds);
    }
    return HTTP_DATE.format(clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(seconds));
  }

  private static long ceilSeconds(Duration d) {
    long seconds = d.getSeconds();
    return d.getNano() > 0 ? seconds + 1 : seconds;
  }

  private Reply write(int status, Fault fault) {
    return Reply.fault(status, out -> json.writeFault(fault, out));
  }
}
