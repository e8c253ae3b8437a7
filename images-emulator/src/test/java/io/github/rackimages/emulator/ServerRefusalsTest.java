package io.github.rackimages.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.nova.json.Fault;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the server refuses before the emulator's own logic runs is still answered in Nova's fault format. */
class ServerRefusalsTest {

  private static final String REQUEST_ID = "req-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  private final ImageEmulator emulator = ImageEmulator.builder().catalog(Fixtures.smallCatalog()).start();
  private final String token = emulator.issueToken();

  @AfterEach
  void stop() {
    emulator.stop();
  }

  static Stream<String> refusedRequests() {
    String head = " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n";
    return Stream.of(
        "GARBAGE\r\n\r\n",
        "GET\r\n\r\n",
        "\u0000\u0001\u0002\r\n\r\n",
        "GET /v2/123456/images HTTP/9.9\r\nHost: x\r\n\r\n",
        "GET /v2/123456/images HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
        "GET /v2/123456/images HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "GET /v2/123456/images HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n",
        "POST /v2.0/tokens HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n",
        "GET /v2/123456/images/%zz" + head + "\r\n",
        "GET /v2/123456/images/%" + head + "\r\n",
        "GET /v2/123456/images/%E0%80%C0" + head + "\r\n",
        "GET /v2/123456/images?name=%zz%" + head + "\r\n",
        "GET /v2/123456/../../etc/passwd" + head + "\r\n",
        "GET http://[::1/v2/123456/images" + head + "\r\n",
        "GET /v2/123456/images" + head + "X-Auth-Token: " + "a".repeat(256 * 1024) + "\r\n\r\n",
        "GET /v2/123456/images?q=" + "q".repeat(100 * 1024) + head + "\r\n");
  }

  @ParameterizedTest
  @MethodSource("refusedRequests")
  void everyRefusalIsANovaFaultNamingNoJavaClass(String request) throws IOException {
    RawHttp.Answer answer = RawHttp.exchange(emulator, request);
    String what = request.substring(0, Math.min(80, request.length()));

    // A client's fault (4xx), or 505 for an HTTP version the server does not speak; never a failure of its own.
    assertThat(answer.status()).as(what + " -> " + answer.head()).isBetween(400, 505).isNotEqualTo(500);
    assertThat(answer.head().toLowerCase(Locale.ROOT))
        .as(what)
        .contains("content-type: application/json; charset=utf-8")
        .containsPattern("x-compute-request-id: " + REQUEST_ID);
    Fault fault = Wire.JSON.readFault(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)));
    assertThat(fault.code()).as(what).hasValue(answer.status());
    assertThat(fault.name()).as(what).isEqualTo(NovaFaults.faultName(answer.status()));
    assertThat(fault.message()).as(what).isPresent();
    assertThat(answer.all()).as(what).doesNotContain("java.", "Exception", "org.eclipse", "Jetty", "jetty", "\tat ");
  }

  @Test
  void aGarbageRequestLineGetsNovasBadRequest() throws IOException {
    RawHttp.Answer answer = RawHttp.exchange(emulator, "GARBAGE\r\n\r\n");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body())
        .isEqualTo(
            "{\"badRequest\":{\"code\":400,\"message\":\"The server could not comply with the request since it is"
                + " either malformed or otherwise incorrect.\"}}");
  }

  @Test
  void theServerGoesOnServingAfterEveryRefusal() throws IOException {
    for (String request : refusedRequests().toList()) {
      RawHttp.exchange(emulator, request);
    }

    RawHttp.Answer answer =
        RawHttp.exchange(
            emulator,
            "GET /v2/123456/images HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Auth-Token: " + token + "\r\n\r\n");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.head()).doesNotContainIgnoringCase("server: ");
  }
}
