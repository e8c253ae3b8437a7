package io.github.rackimages.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.rackimages.core.Durations;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.nova.json.NovaJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal Compute v2 server on loopback that answers {@code GET /v2/123456/images/detail?limit=N[&marker=M]}
 * in the service's shape from pages rendered once, at start, into bytes keyed by marker ({@link #preRendered}): a
 * request costs the server one write of those bytes, so that clients can be measured without the cost of a real
 * server (such as the emulator, which renders every page it serves) hiding theirs. The bytes are kept on the heap,
 * or off it, so that a heap probe in the same JVM sees only the client.
 *
 * <p>The {@code X-Auth-Token} must be {@link #TOKEN}; a next link ({@code rel: next}) is written exactly when the
 * page is full, carrying the limit and the marker, as the service writes it. Only the default listing is served:
 * any other query parameter is refused with 400.
 */
public final class LoopbackImagesServer implements AutoCloseable {

  /** The token clients must send; fixed, because these servers only ever listen on loopback. */
  public static final String TOKEN = "benchmark-token-not-a-secret";

  /** The tenant in the endpoint's path. */
  public static final String TENANT = "123456";

  private static final String DETAIL = "/images/detail";
  private static final String REQUEST_ID = "req-00000000-0000-4000-8000-000000000000";

  private final HttpServer server;
  private final URI endpoint;
  private final String detailPath;
  private final AtomicLong pagesServed = new AtomicLong();
  // Set once by the factory before the server starts, so the dispatcher thread sees them.
  private Responder responder;
  private long pageBytes;
  private int pageCount;
  // Nanoseconds each page waits before it is answered; read by the handler threads.
  private volatile long latencyNanos;

  @FunctionalInterface
  private interface Responder {
    /** The page for a listing request, or null if there is no such page. */
    Answer find(int limit, String marker);
  }

  /** A page ready to be written: its length and how to write it. */
  private interface Answer {
    long length();

    void writeTo(OutputStream body) throws IOException;
  }

  private LoopbackImagesServer() {
    // The JDK server otherwise leaves Nagle on, and the last packet of each page waits for a delayed ACK (~40 ms).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on loopback", e);
    }
    InetSocketAddress address = server.getAddress();
    endpoint =
        URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + "/v2/" + TENANT);
    detailPath = endpoint.getPath() + DETAIL;
    server.createContext("/", this::handle);
    // Requests are answered concurrently, as a network would carry them: a client that asks for the next page
    // while it reads this one must not wait for this one's answer to be written first.
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "loopback-images");
      t.setDaemon(true);
      return t;
    }));
  }

  /**
   * Answers every later page after waiting {@code latency} (a WAN round trip), the way the emulator's
   * {@code --latency} does; pages asked for at once wait at once. Zero, the default, answers at once.
   *
   * @return this server
   * @throws IllegalArgumentException if {@code latency} is negative
   */
  public LoopbackImagesServer latency(Duration latency) {
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + Durations.human(latency));
    }
    latencyNanos = latency.toNanos();
    return this;
  }

  /**
   * Renders every page of {@code images} (in service order) for page size {@code limit}, then starts serving them.
   * A list of exactly N * limit images ends with an empty page, as on the service.
   *
   * @param offHeap whether the rendered bytes are kept in direct buffers, outside the Java heap
   * @throws IllegalArgumentException if {@code limit} is not within 1..1000
   */
  public static LoopbackImagesServer preRendered(List<Image> images, int limit, boolean offHeap) {
    Objects.requireNonNull(images, "images");
    PageRequest.first(limit);
    LoopbackImagesServer s = new LoopbackImagesServer();
    Map<String, ByteBuffer> pages = new HashMap<>();
    try (NovaJson json = new NovaJson()) {
      String marker = "";
      int from = 0;
      while (true) {
        List<Image> items = images.subList(from, Math.min(images.size(), from + limit));
        String next = items.size() == limit ? items.get(items.size() - 1).id().value() : null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(items.size() * 2300 + 256);
        json.writeDetailList(items, next == null ? null : s.nextHref(limit, next), out);
        byte[] bytes = out.toByteArray();
        ByteBuffer page = offHeap ? ByteBuffer.allocateDirect(bytes.length).put(bytes).flip() : ByteBuffer.wrap(bytes);
        pages.put(marker, page);
        if (next == null) {
          break;
        }
        marker = next;
        from += limit;
      }
    }
    Map<String, ByteBuffer> rendered = Map.copyOf(pages);
    s.responder =
        (requestedLimit, requestedMarker) -> {
          ByteBuffer page = requestedLimit == limit ? rendered.get(requestedMarker) : null;
          return page == null ? null : new Answer() {
            @Override
            public long length() {
              return page.remaining();
            }

            @Override
            public void writeTo(OutputStream body) throws IOException {
              writeAll(page, body);
            }
          };
        };
    s.pageBytes = rendered.values().stream().mapToLong(ByteBuffer::remaining).sum();
    s.pageCount = rendered.size();
    s.server.start();
    return s;
  }

  /** The compute endpoint, {@code http://127.0.0.1:<port>/v2/123456}, to give a client with {@link #TOKEN}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The bytes of all pre-rendered pages. */
  public long pageBytes() {
    return pageBytes;
  }

  /** The number of pre-rendered pages, the final (short or empty) one included. */
  public int pageCount() {
    return pageCount;
  }

  /** The number of pages answered so far. */
  public long pagesServed() {
    return pagesServed.get();
  }

  /** Stops listening at once. */
  @Override
  public void close() {
    server.stop(0);
  }

  private String nextHref(int limit, String marker) {
    return endpoint + DETAIL + "?limit=" + limit + "&marker=" + marker;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
      exchange.getResponseHeaders().set("X-Compute-Request-Id", REQUEST_ID);
      if (!"GET".equals(exchange.getRequestMethod()) || !detailPath.equals(exchange.getRequestURI().getPath())) {
        fault(exchange, 404, "itemNotFound", "The resource could not be found.");
        return;
      }
      if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("X-Auth-Token"))) {
        fault(exchange, 401, "unauthorized", "This server could not verify that you are authorized.");
        return;
      }
      Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
      Optional<Integer> limit = parseLimit(query.remove("limit"));
      String marker = Optional.ofNullable(query.remove("marker")).orElse("");
      if (!query.isEmpty() || limit.isEmpty()) {
        fault(exchange, 400, "badRequest", "only limit and marker are served here");
        return;
      }
      Answer answer = responder.find(limit.get(), marker);
      if (answer == null) {
        fault(exchange, 400, "badRequest", "marker [" + marker + "] not found");
        return;
      }
      long wait = latencyNanos;
      if (wait > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(wait);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      // Counted before the client can see the page, so that a client that just finished reads the full count.
      pagesServed.incrementAndGet();
      exchange.sendResponseHeaders(200, answer.length());
      try (OutputStream body = exchange.getResponseBody()) {
        answer.writeTo(body);
      }
    }
  }

  private static Optional<Integer> parseLimit(String text) {
    try {
      return Optional.of(text == null ? PageRequest.MAX_LIMIT : Math.min(Integer.parseInt(text), 1000))
          .filter(l -> l > 0);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> params = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return params;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(
          URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
    }
    return params;
  }

  private static void fault(HttpExchange exchange, int status, String name, String message) throws IOException {
    byte[] body =
        ("{\"" + name + "\": {\"code\": " + status + ", \"message\": \"" + message.replace("\"", "'") + "\"}}")
            .getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private static void writeAll(ByteBuffer page, OutputStream out) throws IOException {
    if (page.hasArray()) {
      out.write(page.array(), page.arrayOffset() + page.position(), page.remaining());
      return;
    }
    ByteBuffer source = page.duplicate();
    byte[] chunk = new byte[64 * 1024];
    while (source.hasRemaining()) {
      int n = Math.min(chunk.length, source.remaining());
      source.get(chunk, 0, n);
      out.write(chunk, 0, n);
    }
  }
}
