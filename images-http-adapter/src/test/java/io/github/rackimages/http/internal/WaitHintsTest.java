package io.github.rackimages.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WaitHintsTest {

  private static final Instant NOW = Instant.parse("2015-12-02T05:00:00Z");

  @Test
  void headerSecondsAndDatesAreRead() {
    assertThat(WaitHints.fromHeader("30", NOW)).contains(Duration.ofSeconds(30));
    assertThat(WaitHints.fromHeader(" 0 ", NOW)).contains(Duration.ZERO);
    assertThat(WaitHints.fromHeader("Wed, 02 Dec 2015 05:00:28 GMT", NOW)).contains(Duration.ofSeconds(28));
    assertThat(WaitHints.fromHeader("Wed, 02 Dec 2015 04:59:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void bodyValuesMayBeSecondsOrInstants() {
    assertThat(WaitHints.fromBody("2015-12-02T05:00:28Z", NOW)).contains(Duration.ofSeconds(28));
    assertThat(WaitHints.fromBody("2015-12-02T05:00:01.500Z", NOW)).contains(Duration.ofMillis(1500));
    assertThat(WaitHints.fromBody("2015-12-01T23:00:10-06:00", NOW)).contains(Duration.ofSeconds(10));
    assertThat(WaitHints.fromBody("2.5", NOW)).contains(Duration.ofMillis(2500));
  }

  @Test
  void rackspaceUksRetryAtFormWithAUtcSuffixIsRead() {
    assertThat(WaitHints.fromBody("2015-12-02T05:00:28UTC", NOW)).contains(Duration.ofSeconds(28));
    assertThat(WaitHints.fromBody("2012-11-14T21:51:28UTC", NOW)).contains(Duration.ZERO);
  }

  @Test
  void absurdWaitsAreCappedAtADay() {
    assertThat(WaitHints.fromHeader("999999999999", NOW)).contains(Duration.ofDays(1));
    assertThat(WaitHints.fromBody("2099-01-01T00:00:00Z", NOW)).contains(Duration.ofDays(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "-5", "soon", "1e3", "Wed, 32 Dec 2015 05:00:28 GMT"})
  void unreadableValuesAreNoHint(String value) {
    assertThat(WaitHints.fromHeader(value, NOW)).isEmpty();
    assertThat(WaitHints.fromBody(value, NOW)).isEmpty();
  }

  @Test
  void absentValuesAreNoHint() {
    assertThat(WaitHints.fromHeader(null, NOW)).isEmpty();
    assertThat(WaitHints.fromBody(null, NOW)).isEmpty();
  }

  @Test
  void a413WithoutAnyWaitIsAnAbsoluteLimitWhichWaitingDoesNotLift() {
    assertThat(WaitHints.waitingMayHelp(413, java.util.Optional.empty())).isFalse();
    assertThat(WaitHints.waitingMayHelp(413, java.util.Optional.of(Duration.ofSeconds(2)))).isTrue();
    assertThat(WaitHints.waitingMayHelp(429, java.util.Optional.empty())).isTrue();
    assertThat(WaitHints.waitingMayHelp(503, java.util.Optional.empty())).isTrue();
  }

  @Test
  void theHeaderWinsOverTheBodyAndRetryAfterOverRetryAt() {
    java.net.http.HttpHeaders header = java.net.http.HttpHeaders.of(
        java.util.Map.of("Retry-After", java.util.List.of("5")), (k, v) -> true);
    java.net.http.HttpHeaders none = java.net.http.HttpHeaders.of(java.util.Map.of(), (k, v) -> true);

    assertThat(WaitHints.of(header, "7", "2015-12-02T05:00:09Z", NOW)).contains(Duration.ofSeconds(5));
    assertThat(WaitHints.of(none, "7", "2015-12-02T05:00:09Z", NOW)).contains(Duration.ofSeconds(7));
    assertThat(WaitHints.of(none, null, "2015-12-02T05:00:09Z", NOW)).contains(Duration.ofSeconds(9));
    assertThat(WaitHints.of(none, null, null, NOW)).isEmpty();
  }
}
