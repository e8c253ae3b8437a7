package io.github.rackimages.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.fake.Faults;
import io.github.rackimages.fake.InMemoryImageCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoutesAndHeadersTest {

  private static final String REQUEST_ID = "req-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  private final InMemoryImageCatalog catalog = Fixtures.smallCatalog();
  private final ImageEmulator emulator = ImageEmulator.builder().catalog(catalog).start();
  private final Wire wire = new Wire(emulator);

  @AfterEach
  void stop() {
    emulator.stop();
  }

  private HttpResponse<byte[]> raw(String method, String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(emulator.uri() + path))
            .method(method, HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      b.header("X-Auth-Token", token);
    }
    return Wire.send(b.build());
  }

  @Test
  void everyKindOfAnswerCarriesTheServiceHeaders() {
    emulator.throttleEvery(0);
    Map<String, HttpResponse<byte[]>> answers = new LinkedHashMap<>();
    answers.put("summaries", wire.get("/images"));
    answers.put("details", wire.get("/images/detail"));
    answers.put("show", wire.get("/images/" + Fixtures.UBUNTU.id()));
    answers.put(
        "identity",
        Wire.send(
            HttpRequest.newBuilder(URI.create(emulator.identityUrl() + "/tokens"))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"auth\":{\"passwordCredentials\":{\"username\":\"demo\",\"password\":\"demo-password\"}}}"))
                .build()));
    answers.put("400", wire.get("/images?limit=x"));
    answers.put("401", raw("GET", "/v2/123456/images", null));
    answers.put("404 no action", wire.get("/images/new"));
    answers.put("404 outside", raw("GET", "/", null));
    answers.put("404 image", wire.get("/images/nope"));
    answers.put("403", raw("DELETE", "/v2/123456/images/" + Fixtures.UBUNTU.id(), wire.token()));
    answers.put("405", raw("POST", "/v2/123456/images", wire.token()));
    catalog.failNext(1, Faults.serviceFault());
    answers.put("500", wire.get("/images"));
    catalog.failNext(1, Faults.serviceUnavailable());
    answers.put("503", wire.get("/images"));
    emulator.throttleEvery(1);
    answers.put("413", wire.get("/images"));

    Set<String> requestIds = new HashSet<>();
    answers.forEach(
        (what, response) -> {
          String expectedType = response.statusCode() == 200 ? "application/json" : "application/json; charset=UTF-8";
          assertThat(response.headers().firstValue("Content-Type")).as(what).hasValue(expectedType);
          assertThat(response.headers().firstValue("X-Compute-Request-Id")).as(what).hasValueSatisfying(
              id -> assertThat(id).matches(REQUEST_ID));
          assertThat(response.headers().firstValueAsLong("Content-Length")).as(what).hasValue(response.body().length);
          assertThat(response.body()).as(what).isNotEmpty();
          requestIds.add(response.headers().firstValue("X-Compute-Request-Id").orElseThrow());
        });
    assertThat(requestIds).hasSize(answers.size());
    assertThat(answers.get("413").statusCode()).isEqualTo(413);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/v1.0/123456/images", "/v2", "/favicon.ico", "/v3/auth/tokens"})
  void pathsOutsideTheApiAre404ItemNotFound(String path) {
    HttpResponse<byte[]> response = raw("GET", path, null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Wire.fault(response).name()).isEqualTo("itemNotFound");
  }

  @Test
  void imageIdsArePercentDecodedFromThePathWherePlusStaysAPlus() {
    io.github.rackimages.core.Image odd =
        io.github.rackimages.core.Image.builder(io.github.rackimages.core.ImageId.of("odd id+1/x"), Fixtures.T0)
            .name("odd")
            .build();
    catalog.add(odd);

    assertThat(wire.get("/images/odd%20id%2B1%2Fx").statusCode()).isEqualTo(200);
    assertThat(wire.get("/images/odd%20id+1%2Fx").statusCode()).isEqualTo(200);
    assertThat(wire.get("/images/odd+id+1%2Fx").statusCode()).isEqualTo(404);
    assertThat(wire.get("/images/" + Fixtures.UBUNTU.id().value().replace("-", "%2D")).statusCode()).isEqualTo(200);
  }

  @Test
  void garbageRequestsAreRefusedAndTheServerGoesOn() throws IOException {
    for (String garbage :
        List.of(
            "GARBAGE\r\n\r\n",
            "GET\r\n\r\n",
            "GET /v2/123456/images?name=a|b HTTP/1.1\r\nHost: x\r\n\r\n",
            "\u0000\u0001\u0002\r\n\r\n",
            "GET /v2/123456/images HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n")) {
      String answer = exchange(garbage);
      // The server refuses these before the emulator's logic sees them, as Nova faults (see ServerRefusalsTest).
      assertThat(answer.isEmpty() || answer.startsWith("HTTP/1.1 4")).as(answer).isTrue();
      assertThat(answer).as(garbage).doesNotContain("\tat ", "java.");
    }

    assertThat(wire.get("/images").statusCode()).isEqualTo(200);
  }

  @Test
  void hugeHeadersAreRefusedOrAnsweredAndTheServerGoesOn() throws IOException {
    String hugeToken = "GET /v2/123456/images HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Auth-Token: " + "a".repeat(256 * 1024) + "\r\n\r\n";
    StringBuilder manyHeaders = new StringBuilder("GET /v2/123456/images HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
    for (int i = 0; i < 1000; i++) {
      manyHeaders.append("X-Filler-").append(i).append(": ").append("b".repeat(100)).append("\r\n");
    }
    manyHeaders.append("\r\n");

    String enormous =
        "GET /v2/123456/images HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: " + "d".repeat(4 << 20) + "\r\n\r\n";

    assertThat(exchange(hugeToken)).startsWith("HTTP/1.1 4");
    String refused = exchange(enormous);
    assertThat(refused.isEmpty() || refused.startsWith("HTTP/1.1 4")).as(refused).isTrue();
    String many = exchange(manyHeaders.toString());
    assertThat(many.isEmpty() || many.startsWith("HTTP/1.1 4")).as(many).isTrue();
    assertThat(wire.get("/images").statusCode()).isEqualTo(200);
  }

  @Test
  void aHugeQueryIsAnsweredAndTheServerGoesOn() {
    HttpResponse<byte[]> response = wire.get("/images?unknown=" + "c".repeat(64 * 1024) + "&limit=2");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(wire.get("/images").statusCode()).isEqualTo(200);
  }

  /** Writes raw bytes on a fresh connection and returns whatever comes back before the server closes it. */
  private String exchange(String request) throws IOException {
    RawHttp.Answer answer = RawHttp.exchange(emulator, request);
    return answer.head().isEmpty() && answer.body().isEmpty() ? "" : answer.all();
  }
}
