package io.github.rackimages.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogProtocolException;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.RetryPolicy;
import io.github.rackimages.http.auth.RackspaceIdentityAuthenticator;
import io.github.rackimages.reliability.support.LoopbackServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One test per defect the reliability suites found in the HTTP adapter, each written before its fix, so that the
 * defect stays fixed even if the corpus that found it changes. See {@code docs/RELIABILITY.md}.
 */
class DefectRegressionTest {

  private static final String TOKEN = "canary-token-regression";

  private LoopbackServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpImageCatalog catalogAnswering(int status, String contentType, String body) {
    server =
        LoopbackServer.start(
            "regression",
            (request, reply) ->
                reply.send(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8)));
    return catalog();
  }

  private HttpImageCatalog catalogAnsweringRaw(String response) {
    server =
        LoopbackServer.start(
            "regression", (request, reply) -> reply.raw(response.getBytes(StandardCharsets.UTF_8)));
    return catalog();
  }

  private HttpImageCatalog catalog() {
    return HttpImageCatalog.builder()
        .token(TOKEN, URI.create(server.origin() + "/v2/123456"))
        .requestTimeout(Duration.ofSeconds(2))
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  /**
   * Defect 1: Parsson's {@code skipObject()}/{@code skipArray()} loop for ever when the input ends inside the
   * value they skip, so a body cut inside a member the reader skips (an unknown member, a fault's structured
   * message, a link's extra member) hung the calling thread at full CPU.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"images\": [], \"unknown\": {\"a\": [1, 2",
        "{\"images\": [], \"unknown\": [[[",
        "{\"images\": [], \"images_links\": [[",
        "{\"images\": [{\"id\": \"a\", \"created\": \"2015-01-01T00:00:00Z\", \"server\": {\"id\": \"s\", \"x\": {",
        "{\"images\": [{\"id\": \"a\", \"created\": \"2015-01-01T00:00:00Z\", \"links\": [{\"rel\": \"a\", \"x\": ["
      })
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aBodyCutInsideASkippedValueFailsInsteadOfSpinning(String body) {
    HttpImageCatalog catalog = catalogAnswering(200, "application/json", body);

    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.first(10)))
        .isInstanceOf(ImageCatalogProtocolException.class)
        .hasMessageContaining("malformed body");
  }

  /** Defect 1, on the error path: a 413 whose fault is cut inside a structured value. */
  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aFaultCutInsideASkippedValueIsStillReportedByItsStatus() {
    HttpImageCatalog catalog =
        catalogAnswering(413, "application/json", "{\"overLimit\": {\"message\": [[[[{\"a\": [");

    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.first(10)))
        .isInstanceOf(ImageCatalogThrottledException.class);
  }

  /**
   * Defect 2: the JDK client throws {@link NumberFormatException} (an {@code IllegalArgumentException}) for a
   * {@code Content-Length} it cannot read, and the adapter let it escape from {@code list}, breaking the port's
   * promise that every failure of the service is an {@link ImageCatalogException}.
   */
  @ParameterizedTest
  @ValueSource(strings = {"ten", "99999999999999999999", "1 2", "0x10"})
  void anUnreadableContentLengthIsATypedFailure(String length) {
    HttpImageCatalog catalog =
        catalogAnsweringRaw(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n{\"images\": []}");

    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.first(10)))
        .isInstanceOf(ImageCatalogException.class)
        .hasMessageContaining("/images/detail");
  }

  /** Defect 2, asynchronously: the future fails with the typed exception, not the JDK's. */
  @Test
  void anUnreadableContentLengthFailsTheFutureWithATypedFailure() {
    HttpImageCatalog catalog =
        catalogAnsweringRaw(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ten\r\n\r\n{\"images\": []}");

    Throwable failure =
        catalog
            .listAsync(ImageFilter.all(), PageRequest.first(10))
            .handle((page, error) -> error)
            .join();

    assertThat(failure instanceof CompletionException ? failure.getCause() : failure)
        .isInstanceOf(ImageCatalogException.class);
  }

  private RackspaceIdentityAuthenticator identityAnswering(int status, String body) {
    server =
        LoopbackServer.start(
            "regression-identity",
            (request, reply) ->
                reply.send(status, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8)));
    return RackspaceIdentityAuthenticator.builder()
        .identityUrl(URI.create(server.origin() + "/v2.0"))
        .apiKey("demo", "canary-api-key-regression")
        .requestTimeout(Duration.ofSeconds(2))
        .build();
  }

  /**
   * Defect 3: Parsson refuses JSON nested deeper than 1000 levels with a plain {@link RuntimeException}, which the
   * identity client did not catch: a deeply nested identity answer (success or fault) escaped
   * {@code session()} as an undeclared exception.
   */
  @ParameterizedTest
  @ValueSource(ints = {200, 401, 500, 503})
  void aDeeplyNestedIdentityAnswerIsATypedFailure(int status) {
    String deep = "[".repeat(5_000) + "]".repeat(5_000);
    RackspaceIdentityAuthenticator auth =
        identityAnswering(status, status == 200 ? "{\"access\": {\"x\": " + deep + "}}" : "{\"identityFault\": {\"message\": " + deep + "}}");

    assertThatThrownBy(auth::session).isInstanceOf(ImageCatalogException.class);
  }

  /**
   * Defect 4: the identity client masked secret-named fields ({@code "password": "..."}) in error excerpts, but not
   * when the body quotes them inside a JSON string ({@code \"password\": \"...\"}), as fault details that echo the
   * request do.
   */
  @Test
  void identityErrorExcerptsMaskSecretFieldsQuotedInsideAString() {
    String echoed = "{\\\"auth\\\": {\\\"passwordCredentials\\\": {\\\"username\\\": \\\"demo\\\", \\\"password\\\": \\\"hunter2-canary\\\"}}}";
    RackspaceIdentityAuthenticator auth =
        identityAnswering(400, "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid json request body\", \"details\": \"" + echoed + "\"}}");

    assertThatThrownBy(auth::session)
        .isInstanceOfSatisfying(
            ImageCatalogException.class,
            e -> {
              assertThat(e.getMessage()).doesNotContain("hunter2-canary");
              assertThat(e.details().bodyExcerpt()).hasValueSatisfying(x -> assertThat(x).doesNotContain("hunter2-canary").contains("****"));
              assertThat(e.details().serviceMessage().orElse("")).doesNotContain("hunter2-canary");
            });
  }

  /**
   * Defect 6: the emulator's identity endpoint read the request body with Parsson and caught its
   * {@code JsonException}s, but not the plain {@link RuntimeException} Parsson throws past 1000 levels of
   * nesting: a deeply nested authentication request got a 500 computeFault instead of a 400 badRequest.
   */
  @ParameterizedTest
  @ValueSource(strings = {"arrays", "objects"})
  void theEmulatorAnswersADeeplyNestedAuthenticationRequestWithA400(String kind) throws Exception {
    String deep = kind.equals("arrays") ? "[".repeat(5_000) + "]".repeat(5_000) : "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000);
    try (io.github.rackimages.emulator.ImageEmulator emulator = io.github.rackimages.emulator.ImageEmulator.builder().start()) {
      java.net.http.HttpResponse<String> r =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(URI.create(emulator.identityUrl() + "/tokens"))
                      .header("Content-Type", "application/json")
                      .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"auth\": " + deep + "}"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("badRequest");
    }
  }

  /**
   * Defect 7: text the service controls outside the body reached exception messages and the debug log without the
   * token cut out: a request id header ({@code X-Compute-Request-Id}) or a redirect's {@code Location} path that
   * echoes the token showed it in full.
   */
  @ParameterizedTest
  @ValueSource(strings = {"request-id", "location-path", "location-query"})
  void aTokenEchoedOutsideTheBodyIsCutFromTheException(String where) {
    server =
        LoopbackServer.start(
            "regression-echo",
            (request, reply) -> {
              switch (where) {
                case "request-id" -> reply.send(503, Map.of("Content-Type", "application/json", "X-Compute-Request-Id", "req-" + TOKEN),
                    "{\"serviceUnavailable\": {\"code\": 503}}".getBytes(StandardCharsets.UTF_8));
                case "location-path" -> reply.send(302, Map.of("Location", "/v2/" + TOKEN + "/images"), new byte[0]);
                default -> reply.send(302, Map.of("Location", "/v2/1/images?token=" + TOKEN), new byte[0]);
              }
            });
    HttpImageCatalog catalog = catalog();

    assertThatThrownBy(() -> catalog.find(io.github.rackimages.core.ImageId.of("x")))
        .isInstanceOfSatisfying(
            ImageCatalogException.class,
            e -> {
              assertThat(e.getMessage()).doesNotContain(TOKEN);
              assertThat(e.requestId().orElse("")).doesNotContain(TOKEN);
              assertThat(e.details().toString()).doesNotContain(TOKEN);
            });
  }
}
