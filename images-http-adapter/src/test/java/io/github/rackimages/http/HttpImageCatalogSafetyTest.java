package io.github.rackimages.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.CannedServer.CannedResponse;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import io.github.rackimages.http.auth.Credentials;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpImageCatalogSafetyTest extends CatalogTestSupport {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://compute.example.com/v2/1", "http://10.0.0.1/v2/1", "http://127.0.0.1.example.com/v2/1",
        "http://compute.localhost/v2/1"
      })
  void aPlainHttpEndpointToARemoteHostIsRefused(String endpoint) {
    assertThatThrownBy(() -> HttpImageCatalog.builder().token(TOKEN, URI.create(endpoint)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refusing plain http")
        .hasMessageNotContaining(TOKEN);
    assertThatThrownBy(
            () ->
                HttpImageCatalog.builder()
                    .token(TOKEN, URI.create("https://compute.example.com/v2/1"))
                    .endpoint(URI.create(endpoint))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refusing plain http");
  }

  @Test
  void aLoopbackPlainHttpEndpointIsAcceptedAndReceivesTheToken() {
    server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of("a"), null)));

    HttpImageCatalog catalog = HttpImageCatalog.builder().token(TOKEN, server.endpoint()).build();

    assertThat(server.endpoint().getScheme()).isEqualTo("http");
    assertThat(catalog.list(ImageFilter.all(), PageRequest.first(5)).items()).hasSize(1);
    assertThat(server.takeRequest().header("X-Auth-Token")).contains(TOKEN);
  }

  /** Accepted means sent: the call reaches the network (a port nobody listens on) instead of being refused. */
  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:%d/v2/1", "http://[::1]:%d/v2/1", "https://127.0.0.1:%d/v2/1"})
  void loopbackOrHttpsEndpointsAreAccepted(String endpoint) throws IOException {
    URI uri = URI.create(String.format(endpoint, closedPort()));

    assertTriedToSend(HttpImageCatalog.builder().token(TOKEN, uri));
  }

  @Test
  void plainHttpToARemoteHostIsAcceptedWhenAllowed() throws IOException {
    // 192.0.2.0/24 is TEST-NET-1: never routed, so the attempt fails on the network, not in the catalog.
    URI remote = URI.create("http://192.0.2.1:" + closedPort() + "/v2/1");

    assertTriedToSend(HttpImageCatalog.builder().token(TOKEN, remote).allowInsecureHttp(true));
  }

  @Test
  void plainHttpToAListedHostIsAcceptedAndOnlyToIt() throws IOException {
    URI listed = URI.create("http://192.0.2.1:" + closedPort() + "/v2/1");

    assertTriedToSend(HttpImageCatalog.builder().token(TOKEN, listed).insecureHttpHosts(Set.of("192.0.2.1")));
    assertThatThrownBy(
            () ->
                HttpImageCatalog.builder()
                    .token(TOKEN, URI.create("http://192.0.2.2/v2/1"))
                    .insecureHttpHosts(Set.of("192.0.2.1"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("insecureHttpHosts");
  }

  @Test
  void credentialsFollowTheSameRuleAsTokens() {
    assertThatThrownBy(
            () ->
                HttpImageCatalog.builder()
                    .credentials(Credentials.apiKey("jdoe", "k3y-0f-the-test"))
                    .identityUrl(URI.create("http://identity.localhost/v2.0"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http")
        .hasMessageNotContaining("k3y-0f-the-test");
    assertThat(
            HttpImageCatalog.builder()
                .credentials(Credentials.apiKey("jdoe", "k3y-0f-the-test"))
                .identityUrl(URI.create("http://identity.test/v2.0"))
                .insecureHttpHosts(Set.of("identity.test"))
                .build())
        .isNotNull();
  }

  private static void assertTriedToSend(HttpCatalogConfig.Builder<HttpImageCatalog> builder) {
    HttpImageCatalog catalog =
        builder
            .connectTimeout(Duration.ofSeconds(1))
            .requestTimeout(Duration.ofSeconds(2))
            .retryPolicy(RetryPolicy.none())
            .build();

    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.first(1)))
        .isInstanceOf(ImageCatalogTransportException.class)
        .hasMessageNotContaining("refusing")
        .hasMessageNotContaining(TOKEN);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aBuilderWithoutAuthenticationIsRefused() {
    assertThatThrownBy(() -> HttpImageCatalog.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no authentication");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://x/v2", "/v2/1", "https://u:p@x.example/v2", "https://x.example/v2?q=1"})
  void malformedEndpointsAreRefused(String endpoint) {
    assertThatThrownBy(() -> HttpImageCatalog.builder().token(TOKEN, URI.create(endpoint)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(":p@");
  }

  @Test
  void aCallerSuppliedClientIsUsed() throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    AtomicInteger tasks = new AtomicInteger();
    try {
      HttpClient client =
          HttpClient.newBuilder()
              .executor(
                  r -> {
                    tasks.incrementAndGet();
                    pool.execute(r);
                  })
              .build();
      server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of("a"), null)));

      assertThat(builder().httpClient(client).build().list(ImageFilter.all(), PageRequest.first(5)).items())
          .hasSize(1);
      assertThat(tasks.get()).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aClientThatFollowsRedirectsIsRefused() {
    HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    assertThatThrownBy(() -> builder().httpClient(following))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not follow redirects");
  }

  @Test
  void eachRequestIsLoggedOnceAtDebugWithoutTheToken() {
    server.enqueue(
        CannedResponse.status(503).header("X-Compute-Request-Id", "req-1"),
        CannedResponse.json(200, NovaBodies.detailPage(List.of("a"), null)).header("X-Compute-Request-Id", "req-2"));
    HttpImageCatalog catalog =
        builder().retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(10)).jitter(0).build()).build();

    catalog.list(ImageFilter.builder().name("web").build(), PageRequest.first(5));

    assertThat(logger.levels()).containsOnly(Level.DEBUG);
    assertThat(logger.lines()).hasSize(2);
    assertThat(logger.lines().get(0))
        .matches(
            "GET /v2/123456/images/detail\\?name=web&limit=5 -> 503 in \\d+ ms \\(request req-1, attempt 1\\)");
    assertThat(logger.lines().get(1))
        .matches(
            "GET /v2/123456/images/detail\\?name=web&limit=5 -> 200 in \\d+ ms \\(request req-2, attempt 2\\)");
    assertThat(logger.lines()).noneMatch(l -> l.contains(TOKEN));
  }

  @Test
  void aNetworkFailureIsLoggedToo() {
    HttpImageCatalog catalog = builder().token(TOKEN, URI.create("http://127.0.0.1:1/v2/1")).build();

    assertThatThrownBy(() -> catalog.find(ImageId.of("x"))).isInstanceOf(ImageCatalogException.class);

    assertThat(logger.lines()).singleElement().asString()
        .startsWith("GET /v2/1/images/x -> failed (")
        .contains("attempt 1")
        .doesNotContain(TOKEN);
  }

  @Test
  void toStringNamesTheEndpointButNeverTheToken() {
    assertThat(catalog().toString()).contains("127.0.0.1").doesNotContain(TOKEN);
  }

  @Test
  void theTokenIsSentOnlyToTheEndpointsOrigin() {
    try (CannedServer elsewhere = CannedServer.start()) {
      server.enqueue(
          CannedResponse.status(307).header("Location", elsewhere.url("/v2/123456/images/detail?limit=5")),
          CannedResponse.json(
              200,
              NovaBodies.detailPage(List.of("a"), elsewhere.url("/v2/123456/images/detail?limit=1&marker=a"))),
          CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));
      HttpImageCatalog catalog = catalog();

      assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.first(5)))
          .isInstanceOf(ImageCatalogException.class);
      assertThat(catalog.stream(ImageFilter.all(), PageRequest.first(1)).count()).isEqualTo(1);

      assertThat(elsewhere.pendingRequestCount()).isZero();
      assertThat(server.drainRequests()).hasSize(3);
    }
  }
}
