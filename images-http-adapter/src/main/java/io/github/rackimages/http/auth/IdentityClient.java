package io.github.rackimages.http.auth;

import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.core.ImageCatalogAuthenticationException;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogForbiddenException;
import io.github.rackimages.core.ImageCatalogProtocolException;
import io.github.rackimages.core.ImageCatalogServiceException;
import io.github.rackimages.core.ImageCatalogServiceFaultException;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.ImageCatalogUnavailableException;
import io.github.rackimages.http.internal.Endpoints;
import io.github.rackimages.http.internal.Redaction;
import io.github.rackimages.http.internal.ResponseClassifier;
import io.github.rackimages.http.internal.StatusErrors;
import io.github.rackimages.http.internal.WaitHints;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One call to Rackspace Identity v2.0 ({@code POST {identityUrl}/tokens}): writes the request, bounds the
 * answer, maps failures to the {@code ImageCatalogException} tree, and turns a good answer into a session for
 * the chosen region. Stateless between calls; the caching lives in {@link SessionCache}, the wait hints and
 * the 413 rule in {@code WaitHints}.
 *
 * <p>Over 300 lines because the request, the bounded read and the error mapping of the one identity call are
 * kept together; the answer's parsing is {@link IdentityResponse}.
 */
final class IdentityClient {

  /** The logger's name; one DEBUG line per identity call, never a secret. */
  static final String LOGGER_NAME = "io.github.rackimages.http.auth";

  private static final System.Logger LOG = System.getLogger(LOGGER_NAME);

  private static final List<String> REQUEST_ID_HEADERS =
      List.of("X-Compute-Request-Id", "X-Openstack-Request-Id", "X-Request-Id", "X-Trans-Id");

  /**
   * Values that look like secrets in an error body: {@code "apiKey": "..."}, {@code password=...}, and the same
   * quoted inside a JSON string ({@code \\"password\\": \\"...\\"}), as fault details that echo the request do.
   */
  private static final Pattern SECRET_FIELDS = Pattern.compile(
      "(?i)((?:\\\\?\")?(?:apiKey|password|passcode|X-Auth-Token|X-Subject-Token)(?:\\\\?\")?\\s*[:=]\\s*(?:\\\\?\")?)"
          + "[^\"\\\\,}\\s&<]*");

  private static final int MAX_SERVICE_MESSAGE = 300;

  private final URI tokensUri;
  private final Credentials credentials;
  private final String tenantId;
  private final String region;
  private final URI endpointOverride;
  private final boolean allowInsecureHttp;
  private final Set<String> insecureHosts;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final long maxBodyBytes;
  private final Clock clock;
  private final JsonGeneratorFactory generators = Json.createGeneratorFactory(Map.of());
  private final JsonReaderFactory readers = Json.createReaderFactory(Map.of());
  private final JsonParserFactory parsers = Json.createParserFactory(Map.of());

  IdentityClient(
      URI tokensUri,
      Credentials credentials,
      String tenantId,
      String region,
      URI endpointOverride,
      boolean allowInsecureHttp,
      Set<String> insecureHosts,
      HttpClient http,
      Duration requestTimeout,
      long maxBodyBytes,
      Clock clock) {
    this.tokensUri = tokensUri;
    this.credentials = credentials;
    this.tenantId = tenantId;
    this.region = region;
    this.endpointOverride = endpointOverride;
    this.allowInsecureHttp = allowInsecureHttp;
    this.insecureHosts = insecureHosts;
    this.http = http;
    this.requestTimeout = requestTimeout;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
  }

  /**
   * Authenticates once.
   *
   * @throws ImageCatalogException for every failure: refused credentials, identity errors, a body that cannot be
   *     used, the network
   */
  AuthSession authenticate() {
    HttpRequest request = HttpRequest.newBuilder(tokensUri)
        .timeout(requestTimeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(requestBody()))
        .build();
    BoundedBody handler = new BoundedBody(maxBodyBytes);
    long start = System.nanoTime();
    HttpResponse<byte[]> response;
    try {
      response = exchange(request, handler);
    } catch (ImageCatalogException e) {
      HttpResponse.ResponseInfo info = handler.responseInfo();
      log(info == null ? "failed" : String.valueOf(info.statusCode()), start,
          e.getCause() == null ? "" : " (" + e.getCause().getClass().getSimpleName() + ")");
      throw e;
    }
    log(String.valueOf(response.statusCode()), start, "");
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return session(response);
    }
    throw error(status, response.headers(), response.body());
  }

  private void log(String outcome, long startNanos, String suffix) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    LOG.log(System.Logger.Level.DEBUG,
        () -> "identity POST " + tokensUri.getRawPath() + " -> " + outcome + " in " + millis + " ms" + suffix);
  }

  /** The request body, written by a JSON generator so that any character in a value is escaped. */
  byte[] requestBody() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = generators.createGenerator(out, StandardCharsets.UTF_8)) {
      g.writeStartObject();
      g.writeStartObject("auth");
      if (credentials.kind() == Credentials.Kind.API_KEY) {
        g.writeStartObject("RAX-KSKEY:apiKeyCredentials")
            .write("username", credentials.username())
            .write("apiKey", credentials.secret())
            .writeEnd();
      } else {
        g.writeStartObject("passwordCredentials")
            .write("username", credentials.username())
            .write("password", credentials.secret())
            .writeEnd();
      }
      if (tenantId != null) {
        g.write("tenantId", tenantId);
      }
      g.writeEnd();
      g.writeEnd();
    }
    return out.toByteArray();
  }

  private HttpResponse<byte[]> exchange(HttpRequest request, BoundedBody handler) {
    CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request, handler);
    try {
      // The request timeout of the JDK client stops at the headers; this bounds the body too.
      return future.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new ImageCatalogTransportException(
          "the identity service at " + tokensUri + " did not answer within " + requestTimeout.toMillis() + " ms",
          partialDetails(handler), e);
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new ImageCatalogTransportException(
          "interrupted while waiting for the identity service at " + tokensUri, partialDetails(handler), e);
    } catch (ExecutionException e) {
      throw failure(e.getCause() == null ? e : e.getCause(), handler);
    }
  }

  private ImageCatalogException failure(Throwable cause, BoundedBody handler) {
    Optional<String> broken = ResponseClassifier.protocolBroken(cause);
    if (broken.isPresent()) {
      return new ImageCatalogProtocolException(
          "the identity service at " + tokensUri + " broke the protocol: " + broken.get(), partialDetails(handler),
          cause);
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof BoundedBody.TooLargeException) {
        return new ImageCatalogProtocolException(
            "the identity service answered with a body larger than " + maxBodyBytes
                + " bytes; raise maxBodyBytes if this is expected",
            partialDetails(handler), cause);
      }
      if (t instanceof HttpTimeoutException) {
        return new ImageCatalogTransportException(
            "the identity service at " + tokensUri + " did not answer within " + requestTimeout.toMillis() + " ms",
            partialDetails(handler), cause);
      }
      if (t instanceof ConnectException) {
        return new ImageCatalogTransportException(
            "could not connect to the identity service at " + tokensUri + ": " + describe(t),
            ErrorDetails.none(), cause);
      }
    }
    // Reset connections, broken chunking, TLS failures, and whatever else the client reports.
    return new ImageCatalogTransportException(
        "the call to the identity service at " + tokensUri + " failed: " + describe(cause),
        partialDetails(handler), cause);
  }

  private static String describe(Throwable t) {
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : " " + message);
  }

  /** What is known when the body could not be read: the status and request id, if the headers arrived. */
  private static ErrorDetails partialDetails(BoundedBody handler) {
    HttpResponse.ResponseInfo info = handler.responseInfo();
    if (info == null) {
      return ErrorDetails.none();
    }
    return withRequestId(ErrorDetails.status(info.statusCode()), info.headers());
  }

  private static ErrorDetails withRequestId(ErrorDetails details, HttpHeaders headers) {
    for (String name : REQUEST_ID_HEADERS) {
      Optional<String> id = headers.firstValue(name).filter(v -> !v.isBlank());
      if (id.isPresent()) {
        return details.withRequestId(id.get().trim());
      }
    }
    return details;
  }

  private AuthSession session(HttpResponse<byte[]> response) {
    ErrorDetails details = withRequestId(ErrorDetails.status(response.statusCode()), response.headers());
    try {
      IdentityResponse access = IdentityResponse.parse(parsers, response.body());
      Instant now = clock.instant();
      if (!access.expires().isAfter(now)) {
        throw new IdentityResponse.UnusableException(
            "the identity service returned a token that expires at " + access.expires()
                + ", not after now (" + now + "): check this machine's clock");
      }
      if (tenantId != null && access.tenantId().isPresent() && !access.tenantId().get().equals(tenantId)) {
        // Keystone v2 scopes the token to the tenant asked for or refuses; anything else is a broken answer.
        throw new IdentityResponse.UnusableException(
            "the identity service scoped the token to tenant " + access.tenantId().get() + ", not to tenant "
                + tenantId + " as asked");
      }
      AccessToken token;
      try {
        token = AccessToken.of(access.tokenId(), access.expires());
      } catch (IllegalArgumentException e) {
        // AccessToken's message never quotes the token.
        throw new IdentityResponse.UnusableException("access.token.id is unusable: " + e.getMessage(), e);
      }
      URI endpoint = endpointOverride != null ? endpointOverride : catalogEndpoint(access);
      return new AuthSession(token, endpoint);
    } catch (IdentityResponse.UnusableException e) {
      // No body excerpt: a 200 body holds the token.
      throw new ImageCatalogProtocolException(e.getMessage(), details, e);
    }
  }

  private URI catalogEndpoint(IdentityResponse access) {
    IdentityResponse.Endpoint chosen = access.endpoint(region, credentials.username());
    URI uri = URI.create(chosen.publicUrl());
    if (Hosts.isRefusedCleartext(uri, insecureHosts) && !allowInsecureHttp) {
      throw new IdentityResponse.UnusableException(
          "the " + IdentityResponse.COMPUTE_SERVICE + " endpoint of region " + chosen.region() + " is plain http ("
              + Endpoints.safe(uri) + "): the token would cross the network in clear text; " + Endpoints.INSECURE_HINT);
    }
    return uri;
  }

  private ImageCatalogException error(int status, HttpHeaders headers, byte[] body) {
    ErrorDetails details = withRequestId(ErrorDetails.status(status), headers);
    Optional<Fault> fault = fault(body);
    String serviceMessage = fault.flatMap(Fault::text).map(this::serviceMessage).orElse(null);
    if (fault.isPresent()) {
      details = details.withFaultName(fault.get().name());
    }
    if (serviceMessage != null) {
      details = details.withServiceMessage(serviceMessage);
    }
    String excerpt = excerpt(body);
    if (!excerpt.isEmpty()) {
      details = details.withBody(excerpt);
    }
    String said = serviceMessage != null ? serviceMessage
        : fault.isPresent() || body.length == 0 ? "(no message)"
        : redact(StatusErrors.said(
            headers.firstValue("Content-Type").orElse(""), body, body.length, credentials.secret()));
    String user = credentials.username();
    return switch (status) {
      case 400 -> new ImageCatalogBadRequestException(
          "identity rejected the authentication request for user " + user + " as malformed: " + said, details, null);
      case 401 -> new ImageCatalogAuthenticationException(
          "identity refused the credentials for user " + user + ": " + said + mfaHint(headers), details, null);
      case 403 -> new ImageCatalogForbiddenException(
          "identity forbade user " + user + " to authenticate (a disabled user?): " + said, details, null);
      case 413, 429 -> {
        Optional<Duration> wait = retryAfter(headers, fault);
        yield new ImageCatalogThrottledException(
            "identity is rate-limiting authentication (HTTP " + status + ")"
                + wait.map(w -> "; retry after " + w.toSeconds() + " s").orElse("") + ": " + said,
            details, wait.orElse(null), WaitHints.waitingMayHelp(status, wait), null);
      }
      case 503 -> {
        Optional<Duration> wait = retryAfter(headers, fault);
        yield new ImageCatalogUnavailableException(
            "the identity service is unavailable"
                + wait.map(w -> "; retry after " + w.toSeconds() + " s").orElse("") + ": " + said,
            details, wait.orElse(null), WaitHints.waitingMayHelp(status, wait), null);
      }
      default -> status >= 500
          ? new ImageCatalogServiceFaultException(
              "the identity service failed (HTTP " + status + "): " + said, details, null)
          // A 404 here means a wrong identity URL, never a missing image: not ImageCatalogNotFoundException,
          // which ImageCatalog.find turns into an empty result.
          : new ImageCatalogServiceException(
              "the identity service answered HTTP " + status + " to POST " + tokensUri
                  + "; check the identity URL: " + said,
              details, null);
    };
  }

  private static String mfaHint(HttpHeaders headers) {
    boolean mfa = headers.allValues("WWW-Authenticate").stream().anyMatch(v -> v.contains("OS-MF"));
    return mfa
        ? "; the account requires multi-factor authentication, which this library does not support: use an API key"
        : "";
  }

  /** A Nova-style fault body: {@code {"unauthorized": {"code": 401, "message": "..."}}}. */
  private record Fault(String name, String message, String details, String retryAfter, String retryAt) {
    Optional<String> text() {
      return Optional.ofNullable(message != null ? message : details);
    }
  }

  private Optional<Fault> fault(byte[] body) {
    if (body.length == 0) {
      return Optional.empty();
    }
    try (JsonReader reader = readers.createReader(new ByteArrayInputStream(body))) {
      JsonValue root = reader.readValue();
      if (root.getValueType() != JsonValue.ValueType.OBJECT || root.asJsonObject().size() != 1) {
        return Optional.empty();
      }
      Map.Entry<String, JsonValue> only = root.asJsonObject().entrySet().iterator().next();
      if (only.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
        return Optional.empty();
      }
      JsonObject f = only.getValue().asJsonObject();
      return Optional.of(new Fault(
          only.getKey(), text(f.get("message")), text(f.get("details")), text(f.get("retryAfter")),
          text(f.get("retryAt"))));
    } catch (RuntimeException e) {
      // HTML from a proxy, truncated JSON, or nesting Parsson refuses (with a plain RuntimeException): the status
      // code alone decides.
      return Optional.empty();
    }
  }

  private static String text(JsonValue value) {
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof JsonNumber n) {
      return n.toString();
    }
    return null;
  }

  private Optional<Duration> retryAfter(HttpHeaders headers, Optional<Fault> fault) {
    return WaitHints.of(
        headers,
        fault.map(Fault::retryAfter).orElse(null),
        fault.map(Fault::retryAt).orElse(null),
        clock.instant());
  }

  private String excerpt(byte[] body) {
    if (body.length == 0) {
      return "";
    }
    // Redact the whole (capped) body before cutting it, so that no secret survives half-cut at the edge.
    return Redaction.cut(redact(new String(body, StandardCharsets.UTF_8).strip()), Redaction.MAX_EXCERPT);
  }

  /** The service's message, redacted and short enough for an exception message. */
  private String serviceMessage(String text) {
    String redacted = redact(text.strip());
    return redacted.length() > MAX_SERVICE_MESSAGE
        ? redacted.substring(0, MAX_SERVICE_MESSAGE) + "..."
        : redacted;
  }

  /** Removes the user's secret wherever it appears, and any value of a field that names a secret. */
  String redact(String text) {
    String out = text.replace(credentials.secret(), "****");
    Matcher m = SECRET_FIELDS.matcher(out);
    return m.replaceAll(r -> Matcher.quoteReplacement(r.group(1)) + "****");
  }
}
