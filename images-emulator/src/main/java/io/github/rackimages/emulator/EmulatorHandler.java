package io.github.rackimages.emulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.UUID;

/**
 * Carries requests between the HTTP server and {@link EmulatorService}: counts them, gives each answer its
 * {@code X-Compute-Request-Id}, an exact {@code Content-Length} and no body for {@code HEAD}, and logs it.
 */
final class EmulatorHandler implements HttpHandler {

  private static final System.Logger LOG = System.getLogger(ImageEmulator.LOGGER_NAME);

  /** The most of an unwanted request body read before answering; a longer one gets its connection closed. */
  private static final long MAX_DRAIN = 1 << 20;

  private final EmulatorService service;
  private final RequestCounts counts;

  EmulatorHandler(EmulatorService service, RequestCounts counts) {
    this.service = service;
    this.counts = counts;
  }

  @Override
  public void handle(HttpExchange exchange) {
    counts.started();
    String requestId = "req-" + UUID.randomUUID();
    URI uri = exchange.getRequestURI();
    Incoming request =
        new Incoming(
            exchange.getRequestMethod(),
            uri.getRawPath() == null ? "" : uri.getRawPath(),
            uri.getRawQuery(),
            exchange.getRequestHeaders().getFirst("X-Auth-Token"),
            exchange.getRequestBody());
    try {
      send(exchange, request, service.answer(request, requestId), requestId);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "client went away during " + request.describe() + ": " + e);
    } finally {
      exchange.close();
      counts.finished();
    }
  }

  private void send(HttpExchange exchange, Incoming request, Reply reply, String requestId) throws IOException {
    drain(exchange);
    ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
    Reply answer = reply;
    try {
      answer.body().writeTo(body);
    } catch (RuntimeException | IOException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "could not write the answer to " + request.describe() + " (" + requestId + ")",
          e);
      answer = service.computeFault();
      body.reset();
      answer.body().writeTo(body);
    }
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", answer.contentType());
    headers.set("X-Compute-Request-Id", requestId);
    answer.headers().forEach(headers::set);
    int status = answer.status();
    LOG.log(System.Logger.Level.DEBUG, () -> request.describe() + " -> " + status + " (" + requestId + ")");
    if (request.method().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.size());
    try (OutputStream out = exchange.getResponseBody()) {
      body.writeTo(out);
    }
  }

  /**
   * Reads what is left of the request body (up to {@value #MAX_DRAIN} bytes) before answering: a client still
   * sending a body it was refused for would otherwise see its connection reset instead of the answer.
   */
  private static void drain(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    long left = MAX_DRAIN;
    byte[] skip = new byte[8192];
    int n;
    while (left > 0 && (n = in.read(skip, 0, (int) Math.min(skip.length, left))) > 0) {
      left -= n;
    }
  }
}
