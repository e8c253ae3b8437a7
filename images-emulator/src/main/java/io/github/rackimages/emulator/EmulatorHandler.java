package io.github.rackimages.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Carries requests between Jetty and {@link EmulatorService}: counts them, gives each answer its
 * {@code X-Compute-Request-Id}, an exact {@code Content-Length} and no body for {@code HEAD}, and logs it. Blocking:
 * it runs on a thread of the emulator's pool, which the catalog and the latency switch may hold.
 */
final class EmulatorHandler extends Handler.Abstract {

  /** The header naming each answer, as Nova's does. */
  static final String REQUEST_ID = "X-Compute-Request-Id";

  private static final System.Logger LOG = System.getLogger(ImageEmulator.LOGGER_NAME);

  /** The most of an unwanted request body read before answering; Jetty closes the connection after a longer one. */
  private static final long MAX_DRAIN = 1 << 20;

  private final EmulatorService service;
  private final RequestCounts counts;
  private final String listeningBase;

  /**
   * @param listeningBase the base URL of the address the emulator listens on, for a request whose {@code Host} cannot
   *     be written into a URL
   */
  EmulatorHandler(EmulatorService service, RequestCounts counts, String listeningBase) {
    super(InvocationType.BLOCKING);
    this.service = service;
    this.counts = counts;
    this.listeningBase = listeningBase;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    counts.started();
    Callback done = Callback.from(callback, counts::finished);
    String requestId = "req-" + UUID.randomUUID();
    HttpURI uri = request.getHttpURI();
    InputStream body = Content.Source.asInputStream(request);
    Incoming incoming =
        new Incoming(
            request.getMethod(),
            uri.getPath() == null ? "" : uri.getPath(),
            uri.getQuery(),
            request.getHeaders().get("X-Auth-Token"),
            base(request),
            request.getHeaders().get(HttpHeader.ACCEPT),
            request.getHeaders().get(HttpHeader.CONTENT_TYPE),
            body);
    try {
      Reply reply = service.answer(incoming, requestId);
      drain(body);
      send(response, incoming, reply, requestId, done);
    } catch (RuntimeException | Error e) {
      counts.finished();
      throw e;
    }
    return true;
  }

  private void send(Response response, Incoming request, Reply reply, String requestId, Callback done) {
    Reply answer = reply;
    byte[] body;
    try {
      body = answer.render();
    } catch (RuntimeException | IOException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "could not write the answer to " + request.describe() + " (" + requestId + ")",
          e);
      answer = service.computeFault();
      body = service.computeFaultBytes();
    }
    response.setStatus(answer.status());
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, answer.contentType());
    if (answer.carriesRequestId()) {
      headers.put(REQUEST_ID, requestId);
    }
    answer.headers().forEach(headers::put);
    int status = answer.status();
    LOG.log(System.Logger.Level.DEBUG, () -> request.describe() + " -> " + status + " (" + requestId + ")");
    if (request.method().equals("HEAD")) {
      response.write(true, null, done);
      return;
    }
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    // Head and body in one write: with Nagle's algorithm and the client's delayed ACK, two would cost ~40 ms.
    response.write(true, ByteBuffer.wrap(body), done);
  }

  /**
   * {@code scheme://host[:port]} as the client addressed the emulator, as WebOb's {@code host_url} gives Nova's
   * {@code application_url}: the {@code Host} header (Jetty checked its syntax; without one, the address connected
   * to), the port left out when it is the scheme's default. A host that cannot be written into a URL falls back to
   * the listening address.
   */
  private String base(Request request) {
    String scheme = request.getHttpURI().getScheme();
    if (scheme == null) {
      scheme = "http";
    }
    String host = Request.getServerName(request);
    int port = Request.getServerPort(request);
    if (host == null || host.isEmpty()) {
      return listeningBase;
    }
    if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    boolean defaultPort = port <= 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    String base = scheme + "://" + host + (defaultPort ? "" : ":" + port);
    try {
      URI uri = new URI(base);
      return uri.getHost() != null && uri.getRawPath().isEmpty() ? base : listeningBase;
    } catch (URISyntaxException e) {
      return listeningBase;
    }
  }

  /**
   * Reads what is left of the request body (up to {@value #MAX_DRAIN} bytes) before answering: a client still
   * sending a body it was refused for would otherwise see its connection reset instead of the answer.
   */
  private static void drain(InputStream in) {
    long left = MAX_DRAIN;
    byte[] skip = new byte[8192];
    try {
      int n;
      while (left > 0 && (n = in.read(skip, 0, (int) Math.min(skip.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // A broken or abandoned body: the answer is still sent, and Jetty closes the connection.
    }
  }
}
