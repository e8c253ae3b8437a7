package io.github.rackimages.emulator;

import io.github.rackimages.tck.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleTest {

  @Test
  void theDefaultsServeTheSampleAccountToTheDemoUserOnLoopback() {
    try (ImageEmulator emulator = ImageEmulator.builder().start()) {
      HttpResponse<byte[]> auth =
          Wire.send(
              HttpRequest.newBuilder(URI.create(emulator.identityUrl() + "/tokens"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"auth\":{\"RAX-KSKEY:apiKeyCredentials\":{\"username\":\"demo\",\"apiKey\":\"demo-api-key\"}}}"))
                  .build());
      Wire wire = new Wire(emulator);

      assertThat(auth.statusCode()).isEqualTo(200);
      assertThat(Wire.text(auth)).contains("\"RAX-AUTH:defaultRegion\":\"DFW\"");
      assertThat(emulator.uri()).isEqualTo(URI.create("http://127.0.0.1:" + emulator.port()));
      assertThat(emulator.identityUrl()).isEqualTo(URI.create("http://127.0.0.1:" + emulator.port() + "/v2.0"));
      assertThat(emulator.computeEndpoint())
          .isEqualTo(URI.create("http://127.0.0.1:" + emulator.port() + "/v2/123456"));
      assertThat(emulator.tenantId()).isEqualTo("123456");
      assertThat(emulator.catalog()).isInstanceOf(InMemoryImageCatalog.class);
      long listedByDefault = SampleCatalogs.rackspace().stream().filter(i -> i.status().listedByDefault()).count();
      assertThat(wire.details("").items()).hasSize((int) listedByDefault);
      assertThat(wire.details("?changes-since=2000-01-01T00:00:00Z").items())
          .hasSize(SampleCatalogs.rackspace().size());
    }
  }

  @Test
  void toStringIsOneLineSayingWhereItListensAndNeverACredential() {
    ImageEmulator emulator = ImageEmulator.builder().catalog(InMemoryImageCatalog.empty()).start();
    String token = emulator.issueToken();
    String running = emulator.toString();
    emulator.stop();

    assertThat(running)
        .isEqualTo(
            "ImageEmulator[listening on "
                + emulator.uri()
                + ", identity "
                + emulator.identityUrl()
                + ", compute "
                + emulator.computeEndpoint()
                + "]")
        .doesNotContain(token, "demo-api-key", "demo-password")
        .doesNotContain("\n");
    assertThat(emulator.toString()).startsWith("ImageEmulator[stopped, was on " + emulator.uri());
  }

  @Test
  void stopClosesThePortEndsEveryThreadAndCanBeRepeated() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    ImageEmulator emulator = ImageEmulator.builder().catalog(InMemoryImageCatalog.empty()).start();
    Wire wire = new Wire(emulator);
    for (int i = 0; i < 20; i++) {
      wire.get("/images");
    }
    Set<Thread> started =
        Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t)).collect(Collectors.toSet());

    emulator.stop();
    emulator.stop();
    emulator.close();

    assertThat(emulator.isRunning()).isFalse();
    assertThat(started).extracting(Thread::getName).anyMatch(name -> name.startsWith("images-emulator-"));
    for (Thread t : started) {
      // Every thread the emulator started ends (the test's own HTTP client keeps its threads).
      if (!t.getName().startsWith("HttpClient-") && !t.getName().startsWith("ForkJoinPool")) {
        t.join(5000);
        assertThat(t.isAlive()).as(t.getName()).isFalse();
      }
    }
    assertThatThrownBy(
            () ->
                Wire.HTTP.send(
                    HttpRequest.newBuilder(URI.create(emulator.computeEndpoint() + "/images"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray()))
        .isInstanceOf(ConnectException.class);
    // The port is free again.
    try (ImageEmulator again =
        ImageEmulator.builder().catalog(InMemoryImageCatalog.empty()).port(emulator.port()).start()) {
      assertThat(again.port()).isEqualTo(emulator.port());
    }
  }

  @Test
  void aGivenPortIsUsedAndATakenOneIsReported() throws IOException {
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = probe.getLocalPort();
    }
    try (ImageEmulator emulator = ImageEmulator.builder().catalog(InMemoryImageCatalog.empty()).port(port).start()) {
      assertThat(emulator.port()).isEqualTo(port);
      assertThat(emulator.uri().getPort()).isEqualTo(port);

      assertThatThrownBy(() -> ImageEmulator.builder().port(port).start())
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining("could not listen on 127.0.0.1:" + port);
    }
  }

  @Test
  void aWildcardAddressIsAdvertisedAsLoopback() {
    try (ImageEmulator emulator =
        ImageEmulator.builder()
            .catalog(InMemoryImageCatalog.empty())
            .host(new java.net.InetSocketAddress(0).getAddress())
            .start()) {
      assertThat(emulator.uri().getHost()).isEqualTo("127.0.0.1");
      assertThat(new Wire(emulator).get("/images").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anotherTenantIsServedAtItsOwnPath() {
    try (ImageEmulator emulator =
        ImageEmulator.builder().catalog(Fixtures.smallCatalog()).tenantId("MossoCloud_42").start()) {
      assertThat(emulator.computeEndpoint().getPath()).isEqualTo("/v2/MossoCloud_42");
      assertThat(new Wire(emulator).summaries("").items()).hasSize(6);
    }
  }

  @Test
  void aTokenIssuedForTestsHasTheConfiguredLifetime() {
    MutableClock clock = new MutableClock(java.time.Instant.parse("2026-05-01T00:00:00Z"));
    try (ImageEmulator emulator =
        ImageEmulator.builder()
            .catalog(InMemoryImageCatalog.empty())
            .clock(clock)
            .tokenLifetime(Duration.ofSeconds(10))
            .start()) {
      Wire wire = new Wire(emulator);
      clock.advance(Duration.ofSeconds(10));

      assertThat(wire.get("/images").statusCode()).isEqualTo(401);
    }
  }

  @Test
  void requestCountsCountEveryKindAndCanBeReset() {
    try (ImageEmulator emulator = ImageEmulator.builder().catalog(InMemoryImageCatalog.empty()).start()) {
      Wire wire = new Wire(emulator);
      wire.get("/images");
      wire.get("/images/detail?limit=x");
      Wire.send(HttpRequest.newBuilder(URI.create(emulator.uri() + "/elsewhere")).build());
      Wire.send(HttpRequest.newBuilder(URI.create(emulator.identityUrl() + "/tokens")).build());

      assertThat(emulator.imagesRequestCount()).isEqualTo(2);
      assertThat(emulator.identityRequestCount()).isEqualTo(1);
      assertThat(emulator.requestCount()).isEqualTo(4);
      emulator.resetRequestCounts();
      assertThat(emulator.requestCount()).isZero();
      assertThat(emulator.imagesRequestCount()).isZero();
      assertThat(emulator.identityRequestCount()).isZero();
    }
  }

  static Stream<Arguments> invalidSettings() {
    return Stream.of(
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.port(-1), IllegalArgumentException.class, "-1"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.port(65536), IllegalArgumentException.class, "65536"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.tenantId(""), IllegalArgumentException.class, "''"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.tenantId("a/b"), IllegalArgumentException.class, "a/b"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.tenantId("12 3"), IllegalArgumentException.class, "12 3"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.tenantId(null), NullPointerException.class, "tenantId"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.user(" ", "k", "p"), IllegalArgumentException.class, "username"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.user("u", "", "p"), IllegalArgumentException.class, "apiKey"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.user("u", "k", null), NullPointerException.class, "password"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.user("u", "k", "p", ""), IllegalArgumentException.class, "defaultRegion"),
        Arguments.of(
            (Consumer<ImageEmulator.Builder>) b -> b.user("u", "k", "p").user("u", "k2", "p2"),
            IllegalArgumentException.class,
            "'u'"),
        Arguments.of(
            (Consumer<ImageEmulator.Builder>) b -> b.tokenLifetime(Duration.ZERO), IllegalArgumentException.class, "0 ms"),
        Arguments.of(
            (Consumer<ImageEmulator.Builder>) b -> b.tokenLifetime(Duration.ofSeconds(-1)),
            IllegalArgumentException.class,
            "-1 s"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.maxLimit(0), IllegalArgumentException.class, "0"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.maxLimit(1001), IllegalArgumentException.class, "1001"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.threads(0), IllegalArgumentException.class, "0"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.threads(257), IllegalArgumentException.class, "257"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.throttleEvery(-3), IllegalArgumentException.class, "-3"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.unavailableEvery(-1), IllegalArgumentException.class, "-1"),
        Arguments.of(
            (Consumer<ImageEmulator.Builder>) b -> b.latency(Duration.ofMillis(-5)), IllegalArgumentException.class, "-5 ms"),
        Arguments.of(
            (Consumer<ImageEmulator.Builder>) b -> b.retryAfter(Duration.ofSeconds(-2)), IllegalArgumentException.class, "-2 s"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.catalog(null), NullPointerException.class, "catalog"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.host(null), NullPointerException.class, "host"),
        Arguments.of((Consumer<ImageEmulator.Builder>) b -> b.clock(null), NullPointerException.class, "clock"));
  }

  @ParameterizedTest
  @MethodSource("invalidSettings")
  void invalidSettingsAreRefusedAtOnceNamingTheValue(
      Consumer<ImageEmulator.Builder> setting, Class<? extends Throwable> type, String named) {
    assertThatThrownBy(() -> setting.accept(ImageEmulator.builder())).isInstanceOf(type).hasMessageContaining(named);
  }

  @Test
  void credentialsNeverAppearInMessages() {
    assertThatThrownBy(() -> ImageEmulator.builder().user("u", "secret-key", " "))
        .hasMessageNotContaining("secret-key");
  }

  @Test
  void aBuilderCanStartSeveralIndependentEmulators() {
    ImageEmulator.Builder builder = ImageEmulator.builder().catalog(Fixtures.smallCatalog());
    try (ImageEmulator first = builder.start();
        ImageEmulator second = builder.start()) {
      ImageCatalog shared = first.catalog();

      assertThat(second.catalog()).isSameAs(shared);
      assertThat(first.port()).isNotEqualTo(second.port());
      String firstToken = first.issueToken();
      HttpResponse<byte[]> crossed =
          Wire.send(
              HttpRequest.newBuilder(URI.create(second.computeEndpoint() + "/images"))
                  .header("X-Auth-Token", firstToken)
                  .build());
      assertThat(crossed.statusCode()).isEqualTo(401);
    }
  }
}
