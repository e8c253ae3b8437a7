package io.github.rackimages.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.auth.RackspaceIdentityAuthenticator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens that stop working while the catalog is in use, against a loopback identity service and a compute
 * service that accepts only the newest token: the real {@link RackspaceIdentityAuthenticator} behind a real
 * {@link HttpImageCatalog}.
 */
class HttpImageCatalogTokenLifecycleTest {

  private static final int IMAGES = 6;

  private HttpServer server;
  private final AtomicInteger identityCalls = new AtomicInteger();
  private final AtomicInteger computeCalls = new AtomicInteger();
  private final AtomicInteger unauthorizedAnswers = new AtomicInteger();
  /** The only token compute accepts; null until identity issued one. */
  private volatile String validToken;
  /** Compute answers 401 to this many more requests' tokens by revoking them after a page (mid-walk expiry). */
  private volatile int revokeAfterComputeCall = -1;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/v2.0/tokens", this::identity);
    server.createContext("/v2/123456/images", this::compute);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }

  private URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private HttpImageCatalog catalog() {
    return HttpImageCatalog.builder()
        .authenticator(
            RackspaceIdentityAuthenticator.builder()
                .identityUrl(base().resolve("/v2.0"))
                .apiKey("demo", "demo-api-key")
                .build())
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  /** A token that expires in the middle of a walk is renewed once and the walk lists every image once. */
  @Test
  void aTokenExpiringMidWalkIsRenewedAndTheWalkCompletes() {
    revokeAfterComputeCall = 2; // the token dies after the second page was served

    List<String> ids = catalog().stream(ImageFilter.all(), PageRequest.first(2)).map(i -> i.id().value()).toList();

    assertThat(ids).containsExactlyElementsOf(expectedIds()).doesNotHaveDuplicates();
    assertThat(identityCalls).hasValue(2);
    assertThat(unauthorizedAnswers).hasValue(1);
  }

  /** Sixteen threads that hit the same 401 at once cause exactly one identity call between them. */
  @Test
  void sixteenThreadsHittingA401AtOnceRenewTheTokenOnce() throws Exception {
    HttpImageCatalog catalog = catalog();
    catalog.list(ImageFilter.all(), PageRequest.first(1)); // authenticates once
    assertThat(identityCalls).hasValue(1);
    validToken = "revoked-everywhere"; // the cached token is now refused by compute

    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<List<Image>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        results.add(pool.submit(() -> {
          go.await();
          return catalog.list(ImageFilter.all(), PageRequest.first(IMAGES)).items();
        }));
      }
      go.countDown();
      for (Future<List<Image>> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).hasSize(IMAGES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(identityCalls).as("one initial call and one renewal").hasValue(2);
    assertThat(unauthorizedAnswers).hasValueGreaterThanOrEqualTo(1);
  }

  private static List<String> expectedIds() {
    return IntStream.range(0, IMAGES).mapToObj(HttpImageCatalogTokenLifecycleTest::id).collect(Collectors.toList());
  }

  private static String id(int index) {
    return String.format("00000000-0000-4000-8000-%012d", IMAGES - index);
  }

  private void identity(HttpExchange exchange) throws IOException {
    int call = identityCalls.incrementAndGet();
    String token = "token-" + call;
    validToken = token;
    String endpoint = base() + "/v2/123456";
    String body = "{\"access\": {\"token\": {\"id\": \"" + token + "\", \"expires\": \"2099-01-01T00:00:00.000Z\","
        + " \"tenant\": {\"id\": \"123456\", \"name\": \"123456\"}},"
        + " \"serviceCatalog\": [{\"name\": \"cloudServersOpenStack\", \"type\": \"compute\", \"endpoints\": ["
        + "{\"region\": \"DFW\", \"tenantId\": \"123456\", \"publicURL\": \"" + endpoint + "\"}]}],"
        + " \"user\": {\"id\": \"1\", \"name\": \"demo\", \"RAX-AUTH:defaultRegion\": \"DFW\"}}}";
    exchange.getRequestBody().readAllBytes();
    send(exchange, 200, body);
  }

  private void compute(HttpExchange exchange) throws IOException {
    int call = computeCalls.incrementAndGet();
    String token = exchange.getRequestHeaders().getFirst("X-Auth-Token");
    if (token == null || !token.equals(validToken)) {
      unauthorizedAnswers.incrementAndGet();
      send(exchange, 401, "{\"unauthorized\": {\"code\": 401, \"message\": \"Token expired\"}}");
      return;
    }
    String query = exchange.getRequestURI().getRawQuery();
    int limit = Integer.parseInt(param(query, "limit", String.valueOf(IMAGES)));
    String marker = param(query, "marker", null);
    int start = marker == null ? 0 : IMAGES - Integer.parseInt(marker.substring(marker.length() - 12)) + 1;
    List<String> page = new ArrayList<>();
    for (int i = start; i < Math.min(IMAGES, start + limit); i++) {
      page.add(id(i));
    }
    String next = page.size() == limit ? base() + "/v2/123456/images/detail?limit=" + limit + "&marker=" + page.get(page.size() - 1) : null;
    if (call == revokeAfterComputeCall) {
      validToken = "expired-" + call;
    }
    send(exchange, 200, NovaBodies.detailPage(page, next));
  }

  private static String param(String query, String name, String absent) {
    if (query != null) {
      for (String pair : query.split("&")) {
        if (pair.startsWith(name + "=")) {
          return pair.substring(name.length() + 1);
        }
      }
    }
    return absent;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
