package io.github.rackimages.emulator;

import io.github.rackimages.tck.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.nova.json.Fault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultSwitchesTest {

  private static final Instant NOW = Instant.parse("2026-04-01T12:00:00.250Z");

  private final InMemoryImageCatalog catalog = Fixtures.smallCatalog();
  private final ImageEmulator emulator =
      ImageEmulator.builder().catalog(catalog).clock(new MutableClock(NOW)).start();
  private final Wire wire = new Wire(emulator);

  @AfterEach
  void stop() {
    emulator.stop();
  }

  private List<Integer> statuses(int requests) {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      statuses.add(wire.get("/images").statusCode());
    }
    return statuses;
  }

  @Test
  void throttleEveryThirdAnswersTheThirdAndSixthWith413() {
    emulator.throttleEvery(3);

    assertThat(statuses(7)).containsExactly(200, 200, 413, 200, 200, 413, 200);
  }

  @Test
  void aThrottledAnswerIsReposesOverLimit() {
    emulator.throttleEvery(1).retryAfter(Duration.ofSeconds(30));

    HttpResponse<byte[]> response = wire.get("/images/detail");

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Retry-After")).hasValue("30");
    Fault fault = Wire.fault(response);
    assertThat(fault.name()).isEqualTo("overLimit");
    assertThat(fault.code()).hasValue(413);
    assertThat(fault.message()).hasValue("This request was rate-limited.");
    assertThat(fault.details()).hasValueSatisfying(d -> assertThat(d).contains("1st"));
    assertThat(fault.retryAfter()).hasValue("2026-04-01T12:00:30Z");
  }

  @Test
  void throttledAndUnavailableRequestsNeverReachTheCatalogButAreCounted() {
    emulator.throttleEvery(2).unavailableEvery(3);

    statuses(6);

    assertThat(emulator.imagesRequestCount()).isEqualTo(6);
    // Requests 2, 3, 4 and 6 are refused (throttle wins on 6); 1 and 5 reach the catalog.
    assertThat(catalog.callCount()).isEqualTo(2);
  }

  @Test
  void unavailableEverySecondAnswers503WithRetryAfter() {
    emulator.unavailableEvery(2).retryAfter(Duration.ofMillis(1500));

    assertThat(statuses(4)).containsExactly(200, 503, 200, 503);
    HttpResponse<byte[]> response = wire.get("/images");
    HttpResponse<byte[]> unavailable = wire.get("/images");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(Wire.fault(unavailable).name()).isEqualTo("serviceUnavailable");
    assertThat(Wire.fault(unavailable).message()).hasValue("The service is unavailable at this time.");
  }

  @Test
  void whenBothFallOnARequestThrottlingWins() {
    emulator.throttleEvery(2).unavailableEvery(2);

    assertThat(statuses(4)).containsExactly(200, 413, 200, 413);
  }

  @Test
  void settingASwitchRestartsItsCountAndZeroTurnsItOff() {
    emulator.throttleEvery(3);
    statuses(2);
    emulator.throttleEvery(2);

    assertThat(statuses(2)).containsExactly(200, 413);
    emulator.throttleEvery(0);
    assertThat(statuses(5)).containsOnly(200);
    assertThat(emulator.throttleEvery()).isZero();
  }

  @Test
  void identityRequestsAreNeverThrottled() {
    emulator.throttleEvery(1);

    for (int i = 0; i < 3; i++) {
      HttpResponse<byte[]> response =
          Wire.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(emulator.identityUrl() + "/tokens"))
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "{\"auth\":{\"RAX-KSKEY:apiKeyCredentials\":{\"username\":\"demo\",\"apiKey\":\"demo-api-key\"}}}"))
                  .build());
      assertThat(response.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void latencySlowsEveryAnswerUntilTurnedOff() {
    emulator.latency(Duration.ofMillis(300));

    long start = System.nanoTime();
    assertThat(wire.get("/images").statusCode()).isEqualTo(200);
    long slow = System.nanoTime() - start;
    emulator.latency(Duration.ZERO);

    assertThat(Duration.ofNanos(slow)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    assertThat(emulator.latency()).isZero();
  }

  @Test
  void switchesCanBeSetOnTheBuilder() {
    try (ImageEmulator configured =
        ImageEmulator.builder()
            .catalog(catalog)
            .throttleEvery(2)
            .unavailableEvery(5)
            .retryAfter(Duration.ofSeconds(9))
            .latency(Duration.ofMillis(1))
            .start()) {
      Wire w = new Wire(configured);

      assertThat(w.get("/images").statusCode()).isEqualTo(200);
      HttpResponse<byte[]> throttled = w.get("/images");
      assertThat(throttled.statusCode()).isEqualTo(413);
      assertThat(throttled.headers().firstValue("Retry-After")).hasValue("9");
      assertThat(configured.unavailableEvery()).isEqualTo(5);
      assertThat(configured.retryAfter()).isEqualTo(Duration.ofSeconds(9));
    }
  }

  @Test
  void invalidSwitchValuesAreRefused() {
    assertThatThrownBy(() -> emulator.throttleEvery(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1");
    assertThatThrownBy(() -> emulator.unavailableEvery(-2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> emulator.latency(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> emulator.retryAfter(null)).isInstanceOf(NullPointerException.class);
  }
}
