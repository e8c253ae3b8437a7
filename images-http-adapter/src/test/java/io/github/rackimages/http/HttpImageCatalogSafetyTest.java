package io.github.rackimages.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.CannedServer.CannedResponse;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpImageCatalogSafetyTest extends CatalogTestSupport {

  @ParameterizedTest
  @ValueSource(strings = {"http://compute.example.com/v2/1", "http://10.0.0.1/v2/1", "http://127.0.0.1.example.com/v2/1"})
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

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:8080/v2/1", "http://localhost/v2/1", "http://[::1]:9/v2/1", "https://x.example/v2/1"})
  void loopbackOrHttpsEndpointsAreAccepted(String endpoint) {
    assertThat(HttpImageCatalog.builder().token(TOKEN, URI.create(endpoint)).build()).isNotNull();
  }

  @Test
  void plainHttpToARemoteHostIsAcceptedWhenAllowed() {
    assertThat(
            HttpImageCatalog.builder()
                .token(TOKEN, URI.create("http://compute.example.com/v2/1"))
                .allowInsecureHttp(true)
                .build())
        .isNotNull();
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
