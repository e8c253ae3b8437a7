package io.github.rackimages.fake;

import io.github.rackimages.core.Durations;
import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.core.ImageCatalogAuthenticationException;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogForbiddenException;
import io.github.rackimages.core.ImageCatalogServiceFaultException;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.ImageCatalogUnavailableException;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The {@link Fault}s to script with {@link InMemoryImageCatalog#failNext(Fault)} and
 * {@link InMemoryImageCatalog#failNext(int, Fault)}: failures shaped as the service reports them, and
 * {@link #of(Supplier)} for your own. Each failing call gets a fresh exception, carrying the HTTP status, the Nova
 * fault name, the service's message, a fresh request id ({@code req-<uuid>}) and the fault body, as the HTTP
 * adapter would report them.
 *
 * <pre>{@code
 * catalog.failNext(2, Faults.throttled(Duration.ofSeconds(30)));   // the next two calls are rate-limited
 * catalog.failNext(Faults.transport());                             // then one network failure
 * }</pre>
 *
 * @since 1.0
 */
public final class Faults {

  private Faults() {}

  /**
   * A fault that throws what {@code newException} makes, for failures the ready-made ones do not cover. The
   * supplier is called once per failing call, outside the catalog's locks, and must make a new exception each time.
   *
   * <pre>{@code
   * catalog.failNext(Faults.of(() -> new ImageCatalogNotFoundException("gone")));
   * }</pre>
   *
   * @throws NullPointerException if {@code newException} is null
   */
  public static <E extends ImageCatalogException> Fault<E> of(Supplier<? extends E> newException) {
    Objects.requireNonNull(newException, "newException");
    return new Fault<>("custom", newException);
  }

  /**
   * 413 {@code overLimit}: the account is rate-limited and may call again after {@code retryAfter}, as Repose
   * answers when the GET limit (1000 per minute) is used up.
   *
   * @throws NullPointerException if {@code retryAfter} is null
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   */
  public static Fault<ImageCatalogThrottledException> throttled(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + Durations.human(retryAfter));
    }
    return new Fault<>(
        "413 overLimit, retry after " + Durations.human(retryAfter),
        () -> {
          String message = "OverLimit Retry...";
          Instant retryAt = Instant.now().plus(retryAfter).truncatedTo(ChronoUnit.SECONDS);
          ErrorDetails details =
              fault(413, "overLimit", message)
                  .withBody(
                      "{\"overLimit\": {\"code\": 413, \"message\": \""
                          + message
                          + "\", \"details\": \"Error Details...\", \"retryAfter\": \""
                          + retryAt
                          + "\"}}");
          return new ImageCatalogThrottledException(
              "the service is rate-limiting this account; retry after " + Durations.human(retryAfter), details, retryAfter, null);
        });
  }

  /** 401 {@code unauthorized}: the token was refused (expired or revoked) and renewing it did not help. */
  public static Fault<ImageCatalogAuthenticationException> unauthorized() {
    return new Fault<>(
        "401 unauthorized",
        () ->
            new ImageCatalogAuthenticationException(
                "the service refused the credentials; check the user name and API key",
                fault(401, "unauthorized", "The request you have made requires authentication."),
                null));
  }

  /** 403 {@code forbidden}: the account may not list images (a policy denial). */
  public static Fault<ImageCatalogForbiddenException> forbidden() {
    return new Fault<>(
        "403 forbidden",
        () ->
            new ImageCatalogForbiddenException(
                "the account may not list images",
                fault(403, "forbidden", "Policy doesn't allow compute:get_all_images to be performed."),
                null));
  }

  /** 503 {@code serviceUnavailable} without a wait hint. */
  public static Fault<ImageCatalogUnavailableException> serviceUnavailable() {
    return new Fault<>(
        "503 serviceUnavailable",
        () ->
            new ImageCatalogUnavailableException(
                "the service is unavailable; try again later",
                fault(503, "serviceUnavailable", "The service is unavailable at this time."),
                null,
                null));
  }

  /**
   * 503 {@code serviceUnavailable} with a {@code Retry-After} of {@code retryAfter}.
   *
   * @throws NullPointerException if {@code retryAfter} is null
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   */
  public static Fault<ImageCatalogUnavailableException> serviceUnavailable(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    if (retryAfter.isNegative()) {
      throw new IllegalArgumentException("retryAfter must not be negative: " + Durations.human(retryAfter));
    }
    return new Fault<>(
        "503 serviceUnavailable, retry after " + Durations.human(retryAfter),
        () ->
            new ImageCatalogUnavailableException(
                "the service is unavailable; retry after " + Durations.human(retryAfter),
                fault(503, "serviceUnavailable", "The service is unavailable at this time."),
                retryAfter,
                null));
  }

  /** 500 {@code computeFault}: the service failed while answering. */
  public static Fault<ImageCatalogServiceFaultException> serviceFault() {
    return new Fault<>(
        "500 computeFault",
        () ->
            new ImageCatalogServiceFaultException(
                "the service failed",
                fault(
                    500,
                    "computeFault",
                    "The server has either erred or is incapable of performing the requested operation."),
                null));
  }

  /**
   * 400 {@code badRequest} with the service's own message (for example a bad {@code changes-since}).
   *
   * @throws NullPointerException if {@code serviceMessage} is null
   */
  public static Fault<ImageCatalogBadRequestException> badRequest(String serviceMessage) {
    Objects.requireNonNull(serviceMessage, "serviceMessage");
    return new Fault<>(
        "400 badRequest: " + serviceMessage,
        () ->
            new ImageCatalogBadRequestException(
                "the service rejected the request", fault(400, "badRequest", serviceMessage), null));
  }

  /**
   * A network failure: the connection was reset before an answer came. No status, fault name or request id, as
   * nothing was answered; the cause is a {@link SocketException}.
   */
  public static Fault<ImageCatalogTransportException> transport() {
    return new Fault<>(
        "transport: connection reset",
        () ->
            new ImageCatalogTransportException(
                "could not reach the service: connection reset",
                ErrorDetails.none(),
                new SocketException("Connection reset")));
  }

  /** The details of a Nova fault: status, fault name, message, a fresh request id and the fault body. */
  static ErrorDetails fault(int status, String faultName, String message) {
    return ErrorDetails.status(status)
        .withFaultName(faultName)
        .withServiceMessage(message)
        .withRequestId(requestId())
        .withBody(
            "{\"" + faultName + "\": {\"code\": " + status + ", \"message\": \"" + escape(message) + "\"}}");
  }

  /** A request id in the service's form, {@code req-<uuid4>}. */
  static String requestId() {
    return "req-" + UUID.randomUUID();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
