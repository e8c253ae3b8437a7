package io.github.rackimages.http.internal;

import io.github.rackimages.core.Durations;
import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.http.internal.Failure.Kind;
import io.github.rackimages.nova.json.Fault;
import io.github.rackimages.nova.json.NovaJson;
import io.github.rackimages.nova.json.WireFormatException;
import java.io.ByteArrayInputStream;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps an error status, its headers and (a capped prefix of) its body to a {@link Failure}: by status, never by
 * message text; with the Nova fault's name and message when the body is one, and from the status alone when it
 * is not (Repose answers 401 with an HTML page or nothing).
 */
public final class StatusErrors {

  private final NovaJson json;

  /** Mapping that reads fault bodies with {@code json}. */
  public StatusErrors(NovaJson json) {
    this.json = json;
  }

  /** The request id of a response: {@code X-Compute-Request-Id}, else {@code X-Openstack-Request-Id}. */
  public static Optional<String> requestId(HttpHeaders headers) {
    return headers
        .firstValue("X-Compute-Request-Id")
        .or(() -> headers.firstValue("X-Openstack-Request-Id"))
        .map(StatusErrors::cleanId)
        .filter(id -> !id.isEmpty());
  }

  // The id is the service's text and goes into logs: one short line, nothing else.
  private static String cleanId(String id) {
    String clean = id.replaceAll("[^\\x21-\\x7e]", "");
    return clean.length() > 128 ? clean.substring(0, 128) : clean;
  }

  /** Whether a {@code Content-Type} value names JSON ({@code application/json}, {@code text/json}, {@code +json}). */
  public static boolean isJson(String contentType) {
    String media = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return media.equals("application/json")
        || media.equals("text/json")
        || (media.startsWith("application/") && media.endsWith("+json"));
  }

  /** The details every failure of a response starts from: its status and request id. */
  public static ErrorDetails base(int status, HttpHeaders headers) {
    ErrorDetails d = ErrorDetails.status(status);
    Optional<String> id = requestId(headers);
    return id.isPresent() ? d.withRequestId(id.get()) : d;
  }

  /**
   * The failure for an error status.
   *
   * @param call {@code GET /v2/123/images/detail?limit=2}, for the message
   * @param list whether the call lists a collection (a 404 then means the API is missing)
   * @param body up to the first bytes of the body
   * @param length how many bytes of {@code body} are valid
   * @param secret the token sent, cut out of any excerpt
   */
  public Failure map(
      int status, HttpHeaders headers, String call, boolean list, byte[] body, int length, String secret,
      Instant now) {
    ErrorDetails details = base(status, headers);
    Fault fault = null;
    String contentType = headers.firstValue("Content-Type").orElse("");
    if (length > 0 && (contentType.isEmpty() || isJson(contentType))) {
      try {
        fault = json.readFault(new ByteArrayInputStream(body, 0, length));
      } catch (WireFormatException e) {
        // Not a Nova fault (a proxy's page, or cut off at the cap): the status alone will do.
      }
    }
    if (fault != null) {
      details = details.withFaultName(Redaction.message(fault.name(), secret));
      if (fault.message().isPresent()) {
        details = details.withServiceMessage(Redaction.message(fault.message().get(), secret));
      }
      if (fault.details().isPresent()) {
        details = details.withServiceDetails(Redaction.message(fault.details().get(), secret));
      }
    }
    if (length > 0) {
      String excerpt = Redaction.excerpt(body, length, secret);
      if (!excerpt.isEmpty()) {
        details = details.withBody(excerpt);
      }
    }
    Optional<Duration> wait =
        WaitHints.of(
            headers,
            fault == null ? null : fault.retryAfter().orElse(null),
            fault == null ? null : fault.retryAt().orElse(null),
            now);
    boolean mayPass = WaitHints.waitingMayHelp(status, wait);
    String again = wait.map(w -> "; try again in " + Durations.human(w)).orElse("");
    String on = call + ": ";
    String said = fault == null ? said(contentType, body, length, secret) : "";
    return withSaid(switch (status) {
      case 400 -> Failure.of(Kind.BAD_REQUEST, on + "the service rejected the request as malformed", details, null);
      case 401 -> Failure.of(Kind.AUTHENTICATION, on + "the token was refused", details, null);
      case 403 -> Failure.of(Kind.FORBIDDEN, on + "the account is not allowed to do this", details, null);
      case 404 -> Failure.of(
          Kind.NOT_FOUND,
          list
              ? on + "not found: this endpoint may not offer the images API (OpenStack Nova removed its image"
                  + " proxy at API microversion 2.36); check the configured compute endpoint"
              : on + "not found",
          details,
          null);
      case 413, 429 -> Failure.waiting(
          Kind.THROTTLED,
          on + "the service is rate-limiting this account"
              + (mayPass ? again : " and gave no time to wait (it may be an absolute limit, which waiting does not lift)"),
          details,
          wait.orElse(null),
          mayPass);
      case 503 -> Failure.waiting(
          Kind.UNAVAILABLE, on + "the service is unavailable" + again, details, wait.orElse(null), mayPass);
      default -> status >= 500
          ? Failure.of(Kind.SERVICE_FAULT, on + "the service failed", details, null)
          : Failure.of(Kind.SERVICE, on + "the service refused the request", details, null);
    }, said);
  }

  /** The longest start of a body without a fault that a message quotes. */
  static final int MAX_QUOTED = 200;

  /**
   * What a body that is not a Nova fault says (a proxy's text or HTML page, a load balancer's plain text), for the
   * message: {@code it answered text/plain: 'Service down for maintenance'}, redacted and cut; empty for none.
   */
  public static String said(String contentType, byte[] body, int length, String secret) {
    if (length <= 0) {
      return "";
    }
    String excerpt = Redaction.excerpt(body, length, secret, MAX_QUOTED);
    if (excerpt.isEmpty()) {
      return "";
    }
    String media = contentType.split(";", 2)[0].trim();
    return "it answered " + (media.isEmpty() ? "a body without Content-Type" : Redaction.message(media, secret))
        + ": '" + excerpt + "'";
  }

  private static Failure withSaid(Failure failure, String said) {
    return said.isEmpty() ? failure : failure.withMessage(failure.message() + "; " + said);
  }
}
