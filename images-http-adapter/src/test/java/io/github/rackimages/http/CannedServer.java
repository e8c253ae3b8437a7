package io.github.rackimages.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on {@code 127.0.0.1} (an ephemeral port) that answers with responses queued in advance and
 * records every request, in the manner of OkHttp's MockWebServer: {@link #enqueue}, then {@link #takeRequest}.
 * A request that finds the queue empty gets a 418 with a body saying so (not retryable, so a test that sends one
 * request too many fails loudly instead of hanging or retrying).
 */
final class CannedServer implements AutoCloseable {

  /** The path every test endpoint has, like a Rackspace {@code publicURL}. */
  static final String TENANT_PATH = "/v2/123456";

  private final HttpServer server;
  private final ExecutorService pool;
  private final ConcurrentLinkedQueue<CannedResponse> responses = new ConcurrentLinkedQueue<>();
  private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();

  private CannedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pool = Executors.newFixedThreadPool(4);
    server.setExecutor(pool);
    server.createContext("/", this::serve);
    server.start();
  }

  /** A started server. */
  static CannedServer start() {
    try {
      return new CannedServer();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a loopback server", e);
    }
  }

  /** {@code http://127.0.0.1:<port>}. */
  URI origin() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The compute endpoint: origin plus {@link #TENANT_PATH}. */
  URI endpoint() {
    return URI.create(origin() + TENANT_PATH);
  }

  /** An absolute URL on this server. */
  String url(String pathAndQuery) {
    return origin() + pathAndQuery;
  }

  void enqueue(CannedResponse... rs) {
    responses.addAll(List.of(rs));
  }

  /** The next recorded request, waiting up to 5 s for it. */
  RecordedRequest takeRequest() {
    try {
      RecordedRequest r = requests.poll(5, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("no request arrived within 5 s");
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The next recorded request if one arrives within {@code wait}: to show that none comes. */
  Optional<RecordedRequest> pollRequest(Duration wait) {
    try {
      return Optional.ofNullable(requests.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Every request recorded and not yet taken, in order; removes them. */
  List<RecordedRequest> drainRequests() {
    List<RecordedRequest> all = new ArrayList<>();
    requests.drainTo(all);
    return all;
  }

  /** How many requests were recorded and not yet taken. */
  int pendingRequestCount() {
    return requests.size();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      in.readAllBytes();
    }
    URI uri = exchange.getRequestURI();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    requests.add(
        new RecordedRequest(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), headers));
    CannedResponse r = responses.poll();
    if (r == null) {
      r = CannedResponse.status(418).body("text/plain", "no canned response left");
    }
    try {
      r.writeTo(exchange);
    } catch (IOException e) {
      // The client went away (a timeout test): nothing to answer.
    } finally {
      exchange.close();
    }
  }

  /** A request as received: method, raw path, raw query and headers (names in lower case). */
  record RecordedRequest(String method, String path, String rawQuery, Map<String, List<String>> headers) {

    /** The first value of a header, any case. */
    Optional<String> header(String name) {
      List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
      return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** Path and query, as on the request line. */
    String target() {
      return rawQuery == null ? path : path + "?" + rawQuery;
    }
  }

  /** A response to serve: status, headers, body, and ways to misbehave. */
  static final class CannedResponse {
    private final int status;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private byte[] body = new byte[0];
    private Duration delay = Duration.ZERO;
    private long declaredLength = -2;
    private boolean chunked;

    private CannedResponse(int status) {
      this.status = status;
    }

    static CannedResponse status(int status) {
      return new CannedResponse(status);
    }

    /** A JSON answer, {@code application/json}. */
    static CannedResponse json(int status, String json) {
      return status(status).body("application/json", json);
    }

    /** A Nova fault, {@code application/json; charset=UTF-8}, with a request id. */
    static CannedResponse fault(int status, String name, String message) {
      return status(status)
          .body(
              "application/json; charset=UTF-8",
              "{\"" + name + "\": {\"message\": \"" + message + "\", \"code\": " + status + "}}")
          .header("X-Compute-Request-Id", "req-" + status);
    }

    CannedResponse body(String contentType, String text) {
      return body(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    CannedResponse body(String contentType, byte[] bytes) {
      if (contentType != null) {
        header("Content-Type", contentType);
      }
      this.body = bytes.clone();
      return this;
    }

    CannedResponse header(String name, String value) {
      headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      return this;
    }

    /** Waits this long before answering. */
    CannedResponse delay(Duration delay) {
      this.delay = delay;
      return this;
    }

    /** Declares this Content-Length but sends the body as it is, then closes: a body cut off mid-way. */
    CannedResponse declaredLength(long length) {
      this.declaredLength = length;
      return this;
    }

    /** Sends the body chunked, without a Content-Length. */
    CannedResponse chunked() {
      this.chunked = true;
      return this;
    }

    void writeTo(HttpExchange exchange) throws IOException {
      if (!delay.isZero()) {
        try {
          Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      headers.forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
      long length;
      if (declaredLength != -2) {
        length = declaredLength;
      } else if (chunked) {
        length = 0;
      } else {
        length = body.length == 0 ? -1 : body.length;
      }
      exchange.sendResponseHeaders(status, length);
      if (length != -1) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
          out.flush();
        }
      }
    }
  }
}
