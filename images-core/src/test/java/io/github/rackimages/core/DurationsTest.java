package io.github.rackimages.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest
  @CsvSource({
    "PT0S, 0 ms",
    "PT0.25S, 250 ms",
    "PT0.0005S, 0.5 ms",
    "PT0.999S, 999 ms",
    "PT1S, 1 s",
    "PT1.5S, 1.5 s",
    "PT7S, 7 s",
    "PT1.2345S, 1.235 s",
    "PT59.9S, 59.9 s",
    "PT1M, 1 min",
    "PT2M5S, 2 min 5 s",
    "PT2M5.5S, 2 min 5.5 s",
    "PT1H, 1 h",
    "PT1H30M, 1 h 30 min",
    "PT24H0.5S, 24 h 0.5 s",
    "PT-7S, -7 s",
  })
  void printsDurationsAsPeopleReadThem(String iso, String expected) {
    assertThat(Durations.human(Duration.parse(iso))).isEqualTo(expected);
  }
}
