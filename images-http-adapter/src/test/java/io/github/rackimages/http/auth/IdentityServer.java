package io.github.rackimages.http.auth;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real identity stub on 127.0.0.1 (an ephemeral port): answers from a queue of replies (then a default one),
 * and records every request it received, body included, for the tests to check what was sent.
 */
final class IdentityServer implements AutoCloseable {

  /** A request as the server received it. */
  record Recorded(String method, String path, Headers headers, byte[] body) {
    String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    /** The body parsed by a JSON parser independent of the code under test's generator. */
    JsonObject json() {
      try (JsonReader r = Json.createReader(new ByteArrayInputStream(body))) {
        return r.readObject();
      }
    }
  }

  /** What to answer. */
  record Reply(int status, Map<String, String> headers, byte[] body, boolean chunked, Duration delay,
      CountDownLatch gate, CountDownLatch midBody) {

    static Reply json(int status, String body) {
      return new Reply(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8),
          false, Duration.ZERO, null, null);
    }

    static Reply of(int status, String contentType, String body) {
      return new Reply(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8),
          false, Duration.ZERO, null, null);
    }

    static Reply empty(int status) {
      return new Reply(status, Map.of(), new byte[0], false, Duration.ZERO, null, null);
    }

    Reply withHeader(String name, String value) {
      Map<String, String> h = new LinkedHashMap<>(headers);
      h.put(name, value);
      return new Reply(status, h, body, chunked, delay, gate, midBody);
    }

    /** Sent without a Content-Length (chunked), so only the streamed length can reveal its size. */
    Reply streamed() {
      return new Reply(status, headers, body, true, delay, gate, midBody);
    }

    Reply delayedBy(Duration d) {
      return new Reply(status, headers, body, chunked, d, gate, midBody);
    }

    /** Held until the latch opens. */
    Reply heldBy(CountDownLatch latch) {
      return new Reply(status, headers, body, chunked, delay, latch, midBody);
    }

    /** Headers and half the body at once (chunked), the rest only when the latch opens. */
    Reply stalledMidBodyBy(CountDownLatch latch) {
      return new Reply(status, headers, body, true, delay, gate, latch);
    }
  }

  /** One client for every test, as the adapter shares one; it never follows redirects. */
  static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .build();

  private final HttpServer server;
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final Deque<Reply> queue = new ConcurrentLinkedDeque<>();
  private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
  private volatile Reply fallback = Reply.json(500, "{\"identityFault\": {\"code\": 500, \"message\": \"no reply scripted\"}}");

  private IdentityServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(pool);
    server.start();
  }

  static IdentityServer start() {
    try {
      return new IdentityServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:<port>/v2.0}: the identity URL to configure. */
  URI identityUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v2.0");
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Answers the next requests with these, in order. */
  IdentityServer enqueue(Reply... replies) {
    queue.addAll(List.of(replies));
    return this;
  }

  /** Answers every request not served from the queue with this. */
  IdentityServer always(Reply reply) {
    fallback = reply;
    return this;
  }

  List<Recorded> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  int requestCount() {
    return requests.size();
  }

  Recorded lastRequest() {
    List<Recorded> all = requests();
    return all.get(all.size() - 1);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
          exchange.getRequestHeaders(), body));
      Reply reply = queue.poll();
      if (reply == null) {
        reply = fallback;
      }
      if (reply.gate() != null && !reply.gate().await(10, TimeUnit.SECONDS)) {
        return;
      }
      if (!reply.delay().isZero()) {
        Thread.sleep(reply.delay().toMillis());
      }
      reply.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
      long length = reply.chunked() ? 0 : reply.body().length == 0 ? -1 : reply.body().length;
      exchange.sendResponseHeaders(reply.status(), length);
      if (reply.body().length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          if (reply.midBody() != null) {
            int half = reply.body().length / 2;
            out.write(reply.body(), 0, half);
            out.flush();
            reply.midBody().await(10, TimeUnit.SECONDS);
            out.write(reply.body(), half, reply.body().length - half);
          } else {
            out.write(reply.body());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client went away (a timeout or a refused body): nothing to answer.
    }
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
