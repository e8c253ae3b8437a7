package io.github.rackimages.emulator;

import io.github.rackimages.tck.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.nova.json.Fault;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ComputeAuthenticationTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-02-01T00:00:00Z"));
  private final ImageEmulator emulator =
      ImageEmulator.builder()
          .catalog(Fixtures.smallCatalog())
          .clock(clock)
          .tokenLifetime(Duration.ofMinutes(30))
          .start();

  @AfterEach
  void stop() {
    emulator.stop();
  }

  private HttpResponse<byte[]> get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.uri() + path));
    if (token != null) {
      request.header("X-Auth-Token", token);
    }
    return Wire.send(request.build());
  }

  private void assertUnauthorized(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValue("Keystone uri=" + emulator.identityUrl());
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
    Fault fault = Wire.fault(response);
    assertThat(fault.name()).isEqualTo("unauthorized");
    assertThat(fault.code()).hasValue(401);
    assertThat(fault.message()).hasValue("The request you have made requires authentication.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2/123456/images", "/v2/123456/images/detail", "/v2/123456/images/abc", "/v2/123456/nope"})
  void everyComputePathNeedsAToken(String path) {
    assertUnauthorized(get(path, null));
  }

  @Test
  void anUnknownTokenIsRefused() {
    assertUnauthorized(get("/v2/123456/images", "0123456789abcdef0123456789abcdef"));
  }

  @Test
  void anIssuedTokenOpensTheApiUntilItExpires() {
    String token = emulator.issueToken();

    assertThat(get("/v2/123456/images", token).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMinutes(30).minusSeconds(1));
    assertThat(get("/v2/123456/images", token).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(1));
    assertUnauthorized(get("/v2/123456/images", token));
  }

  @Test
  void aTokenOfThisTenantIsRefusedForAnotherTenant() {
    String token = emulator.issueToken();

    assertUnauthorized(get("/v2/654321/images", token));
    assertThat(get("/v2/123456/images", token).statusCode()).isEqualTo(200);
  }

  @Test
  void revokedTokensAreRefused() {
    String token = emulator.issueToken();
    emulator.revokeTokens();

    assertUnauthorized(get("/v2/123456/images", token));
    assertThat(get("/v2/123456/images", emulator.issueToken()).statusCode()).isEqualTo(200);
  }

  @Test
  void unauthorizedRequestsCountAsImagesRequestsButNeverReachTheCatalog() {
    var catalog = Fixtures.smallCatalog();
    try (ImageEmulator counting = ImageEmulator.builder().catalog(catalog).start()) {
      Wire.send(HttpRequest.newBuilder(URI.create(counting.computeEndpoint() + "/images")).build());

      assertThat(counting.imagesRequestCount()).isEqualTo(1);
      assertThat(catalog.callCount()).isZero();
    }
  }
}
