package io.github.rackimages.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.fake.Faults;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.tck.MutableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What a proxy in front of the service changes: 203 from a caching proxy, Repose's HTTP-date Retry-After. */
class ProxySwitchesTest {

  private static final Instant NOW = Instant.parse("2026-04-01T12:00:00.250Z");

  private final InMemoryImageCatalog catalog = Fixtures.smallCatalog();
  private final ImageEmulator plain = ImageEmulator.builder().catalog(catalog).start();
  private final ImageEmulator proxied =
      ImageEmulator.builder()
          .catalog(catalog)
          .clock(new MutableClock(NOW))
          .nonAuthoritative(true)
          .retryAfterAsHttpDate(true)
          .start();
  private final Wire plainWire = new Wire(plain);
  private final Wire wire = new Wire(proxied);

  @AfterEach
  void stop() {
    plain.stop();
    proxied.stop();
  }

  @Test
  void everySuccessfulImagesAnswerIs203WithTheSameBody() {
    assertThat(proxied.nonAuthoritative()).isTrue();
    assertThat(plain.nonAuthoritative()).isFalse();
    for (String path : new String[] {"/images", "/images/detail?limit=2", "/images/" + Fixtures.UBUNTU.id()}) {
      HttpResponse<byte[]> cached = wire.get(path);
      HttpResponse<byte[]> direct = plainWire.get(path);

      assertThat(cached.statusCode()).as(path).isEqualTo(203);
      assertThat(direct.statusCode()).isEqualTo(200);
      assertThat(Wire.text(cached).replace(":" + proxied.port() + "/", ":PORT/"))
          .isEqualTo(Wire.text(direct).replace(":" + plain.port() + "/", ":PORT/"));
    }
    assertThat(wire.get("/images/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void theSwitchesChangeAtRunTime() {
    proxied.nonAuthoritative(false).retryAfterAsHttpDate(false).throttleEvery(1).retryAfter(Duration.ofSeconds(5));

    assertThat(proxied.throttleEvery(0).nonAuthoritative()).isFalse();
    assertThat(wire.get("/images").statusCode()).isEqualTo(200);
    proxied.throttleEvery(1);
    assertThat(wire.get("/images").headers().firstValue("Retry-After")).hasValue("5");
    plain.nonAuthoritative(true);
    assertThat(plainWire.get("/images").statusCode()).isEqualTo(203);
  }

  @Test
  void retryAfterIsAnHttpDateOnThrottledAndUnavailableAnswers() {
    assertThat(proxied.retryAfterAsHttpDate()).isTrue();
    proxied.retryAfter(Duration.ofSeconds(30)).throttleEvery(1);
    HttpResponse<byte[]> throttled = wire.get("/images");
    proxied.throttleEvery(0).unavailableEvery(1);
    HttpResponse<byte[]> unavailable = wire.get("/images");
    proxied.unavailableEvery(0);
    catalog.failNext(1, Faults.throttled(Duration.ofSeconds(7)));
    HttpResponse<byte[]> fromCatalog = wire.get("/images");

    assertThat(throttled.statusCode()).isEqualTo(413);
    assertThat(throttled.headers().firstValue("Retry-After")).hasValue("Wed, 01 Apr 2026 12:00:30 GMT");
    assertThat(Wire.fault(throttled).retryAfter()).hasValue("2026-04-01T12:00:30Z");
    assertThat(unavailable.statusCode()).isEqualTo(503);
    assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("Wed, 01 Apr 2026 12:00:30 GMT");
    assertThat(fromCatalog.headers().firstValue("Retry-After")).hasValue("Wed, 01 Apr 2026 12:00:07 GMT");
  }
}
