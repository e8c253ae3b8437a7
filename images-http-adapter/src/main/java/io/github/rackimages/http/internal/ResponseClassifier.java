package io.github.rackimages.http.internal;

import io.github.rackimages.core.Durations;
import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.http.internal.Failure.Kind;
import io.github.rackimages.nova.json.NovaJson;
import io.github.rackimages.nova.json.WireFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.SocketException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * Turns one attempt's response, or the exception the client threw instead, into an {@link Outcome}: the value
 * read from a 200/203 body (as a capped stream, within the request timeout), a refused token to renew, or a typed
 * {@link Failure} (by status, never by message text; see {@link StatusErrors}). Reads and closes the body; never
 * sees the token but to cut it out of what it keeps.
 */
public final class ResponseClassifier {

  /** The most bytes of an error body read, for its fault and excerpt. */
  static final int ERROR_BODY_BYTES = 64 * 1024;

  private final StatusErrors errors;
  private final Duration requestTimeout;
  private final long maxBodyBytes;
  private final Clock clock;

  ResponseClassifier(NovaJson json, Duration requestTimeout, long maxBodyBytes, Clock clock) {
    this.errors = new StatusErrors(json);
    this.requestTimeout = requestTimeout;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
  }

  /** The outcome of a response whose headers are already redacted ({@link SecretFreeResponse}). */
  <T> Outcome<T> classify(CallState<T> st, HttpRequest request, HttpResponse<InputStream> response) {
    int status = response.statusCode();
    InputStream raw = response.body();
    // The attempt's timeout, which the call's apiCallTimeout may have cut short, bounds the body too.
    BodyWatch watch = BodyWatch.start(raw, request.timeout().orElse(requestTimeout));
    try {
      if (status == 200 || status == 203) {
        return success(st, request, response, raw, watch);
      }
      if (status == 404 && st.call.onNotFound() != null) {
        return new Outcome.Success<>(st.call.onNotFound().get());
      }
      if (status >= 300 && status < 400) {
        String location =
            response.headers().firstValue("Location").map(ResponseClassifier::safeLocation).orElse("nowhere");
        return failed(Kind.PROTOCOL, request, ": the service redirected to " + location
            + "; redirects are not followed, so that the token goes nowhere else: configure the endpoint it points to",
            response, null);
      }
      if (status < 300) {
        return failed(Kind.PROTOCOL, request, ": unexpected success status " + status + " (expected 200 or 203)",
            response, null);
      }
      byte[] body = new byte[(int) Math.min(ERROR_BODY_BYTES, maxBodyBytes)];
      int length = readPrefix(raw, body);
      if (watch.expired()) {
        return new Outcome.Failed<>(bodyTimeout(request, response, null));
      }
      Failure failure =
          errors.map(status, response.headers(), RequestFactory.describe(request), st.call.isList(), body, length,
              st.secret(), clock.instant());
      if (status == 401) {
        if (!st.renewed) {
          return new Outcome.Reauthenticate<>(failure);
        }
        failure = failure.withMessage(
            RequestFactory.describe(request) + ": the token was refused again after it was renewed");
      }
      return new Outcome.Failed<>(failure);
    } finally {
      watch.stop();
      closeQuietly(raw);
    }
  }

  /**
   * The outcome of an attempt that got no response: an {@link IOException} is a network failure (retryable), an
   * unchecked exception a response the client could not read (a protocol failure).
   */
  <T> Outcome<T> thrown(HttpRequest request, Exception error) {
    Optional<String> broken = protocolBroken(error);
    if (broken.isPresent()) {
      return new Outcome.Failed<>(Failure.of(
          Kind.PROTOCOL, RequestFactory.describe(request) + ": " + broken.get(), ErrorDetails.none(), error));
    }
    if (error instanceof IOException io) {
      return new Outcome.Failed<>(Failure.of(
          Kind.TRANSPORT, RequestFactory.describe(request) + ": " + ioText(io), ErrorDetails.none(), io));
    }
    // The JDK client throws IllegalArgumentException for a response head it cannot read (a Content-Length of
    // letters or past 2^63): the service's fault, so a typed failure, not an escaped JDK exception.
    String m = error.getMessage();
    return new Outcome.Failed<>(Failure.of(
        Kind.PROTOCOL,
        RequestFactory.describe(request) + ": the response could not be read ("
            + error.getClass().getSimpleName() + (m == null ? "" : ": " + Redaction.message(m, null)) + ")",
        ErrorDetails.none(),
        error));
  }

  /**
   * What the server did, when a failure is the server breaking the protocol rather than the network failing: an
   * answer that is not HTTP/1.1 (the JDK's {@link ProtocolException}; also what a TLS server's alert looks like to a
   * plain-http client), or a TLS handshake that failed (also what a plain-http server looks like to an https
   * client). Not retried: the same server breaks the same rule again. Empty for anything else.
   */
  public static Optional<String> protocolBroken(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ProtocolException p) {
        return Optional.of("the server did not answer in HTTP/1.1 (" + Redaction.message(String.valueOf(p.getMessage()),
            null) + "); a server speaking TLS on this port answers so to plain http: if so, use an https endpoint");
      }
      if (t instanceof IOException io && !(io instanceof SSLException) && badChunkSize(io)) {
        return Optional.of("the server broke HTTP/1.1's chunked encoding (" + Redaction.message(io.getMessage(), null)
            + "): a chunk size that is not a hexadecimal number");
      }
      if (t instanceof SSLException ssl && !(ssl.getCause() instanceof SocketException)) {
        return Optional.of("the TLS handshake failed (" + ssl.getClass().getSimpleName() + ": "
            + Redaction.message(String.valueOf(ssl.getMessage()), null) + "); a server speaking plain http on this"
            + " port answers so to https, and so does one whose certificate is not trusted");
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the JDK client refused a chunk-size line. It has no exception type of its own for that, only this
   * message (jdk.internal.net.http.ResponseContent); a body cut mid-chunk reads differently ("chunked transfer
   * encoding, state: ...") and stays a network failure, since a cut connection looks just the same.
   */
  private static boolean badChunkSize(IOException io) {
    String m = io.getMessage();
    return m != null && m.startsWith("Illegal character in chunk size");
  }

  private <T> Outcome<T> success(
      CallState<T> st, HttpRequest request, HttpResponse<InputStream> response, InputStream raw, BodyWatch watch) {
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (!contentType.isEmpty() && !StatusErrors.isJson(contentType)) {
      byte[] prefix = new byte[512];
      int length = readPrefix(raw, prefix);
      ErrorDetails details = base(response);
      String excerpt = Redaction.excerpt(prefix, length, st.secret());
      if (!excerpt.isEmpty()) {
        details = details.withBody(excerpt);
      }
      return new Outcome.Failed<>(Failure.of(
          Kind.PROTOCOL,
          RequestFactory.describe(request) + ": expected a JSON body but got Content-Type '"
              + Redaction.message(contentType, null) + "'",
          details,
          null));
    }
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > maxBodyBytes) {
      return new Outcome.Failed<>(tooLarge(request, response));
    }
    try {
      return new Outcome.Success<>(st.call.reader().read(new CappedInputStream(raw, maxBodyBytes), st.collection));
    } catch (WireFormatException | UncheckedIOException e) {
      if (watch.expired()) {
        return new Outcome.Failed<>(bodyTimeout(request, response, e));
      }
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof CappedInputStream.BodyTooLargeException) {
          return new Outcome.Failed<>(tooLarge(request, response).withCause(e));
        }
        Optional<String> broken = protocolBroken(t);
        if (broken.isPresent()) {
          return failed(Kind.PROTOCOL, request, ": " + broken.get(), response, e);
        }
        if (t instanceof IOException io) {
          return failed(Kind.TRANSPORT, request,
              ": the connection failed while reading the body (" + ioText(io) + ")", response, e);
        }
      }
      return failed(Kind.PROTOCOL, request, ": malformed body: " + Redaction.message(e.getMessage(), null),
          response, e);
    }
  }

  private static <T> Outcome<T> failed(
      Kind kind, HttpRequest request, String what, HttpResponse<?> response, Throwable cause) {
    return new Outcome.Failed<>(Failure.of(kind, RequestFactory.describe(request) + what, base(response), cause));
  }

  private static ErrorDetails base(HttpResponse<?> response) {
    return StatusErrors.base(response.statusCode(), response.headers());
  }

  private Failure bodyTimeout(HttpRequest request, HttpResponse<?> response, Throwable cause) {
    return Failure.of(
        Kind.TRANSPORT,
        RequestFactory.describe(request) + ": the body did not arrive within the request timeout of "
            + Durations.human(requestTimeout),
        base(response),
        cause);
  }

  private Failure tooLarge(HttpRequest request, HttpResponse<?> response) {
    return Failure.of(
        Kind.PROTOCOL,
        RequestFactory.describe(request) + ": the body is larger than the limit of " + maxBodyBytes
            + " bytes (maxBodyBytes); ask for smaller pages or raise the limit",
        base(response),
        null);
  }

  private String ioText(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "could not connect in time";
    }
    if (e instanceof HttpTimeoutException) {
      return "no response within the request timeout of " + Durations.human(requestTimeout);
    }
    if (e instanceof ConnectException) {
      return "could not connect (" + (e.getMessage() == null ? "connection refused" : e.getMessage()) + ")";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + Redaction.message(m, null));
  }

  private static String safeLocation(String location) {
    try {
      return Endpoints.safe(new java.net.URI(location.trim()));
    } catch (java.net.URISyntaxException e) {
      return "an unreadable location";
    }
  }

  private static int readPrefix(InputStream in, byte[] into) {
    int n = 0;
    try {
      while (n < into.length) {
        int r = in.read(into, n, into.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    } catch (IOException e) {
      // Keep what arrived: the status alone still tells what failed.
    }
    return n;
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // The body was read as far as needed; a failure to release the connection changes nothing for the call.
    }
  }
}
