package io.github.rackimages.nova.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WireTimesTest {

  @ParameterizedTest
  @CsvSource({
      "2015-03-10T18:35:18Z, 2015-03-10T18:35:18Z",
      "2016-02-29T23:59:59Z, 2016-02-29T23:59:59Z",
      "2012-09-14T15:11:57.585-05:00, 2012-09-14T20:11:57.585Z",
      "2015-03-10T18:35:18.123456Z, 2015-03-10T18:35:18.123456Z",
      "2015-03-10T18:35:18, 2015-03-10T18:35:18Z",
      "' 2015-03-10T18:35:18Z ', 2015-03-10T18:35:18Z"
  })
  void readsEveryFormTheServiceWrites(String text, String expected) {
    assertThat(WireTimes.parse(text, "$.created")).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest
  @ValueSource(strings = {"yesterday", "2015-02-30T00:00:00Z", "2015-13-10T18:35:18Z", "2015-03-10T24:00:00Z", ""})
  void refusesWhatIsNotADateTimeNamingThePlace(String text) {
    assertThatThrownBy(() -> WireTimes.parse(text, "$.images[2].created"))
        .isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("$.images[2].created: not a date-time");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2015-03-10T18:35:18Z", "2012-09-14T20:11:57.585Z"})
  void formatsInTheServiceFormAndReadsItBack(String text) {
    Instant instant = Instant.parse(text);
    assertThat(WireTimes.format(instant)).isEqualTo(text);
    assertThat(WireTimes.parse(WireTimes.format(instant), "x")).isEqualTo(instant);
  }

  @org.junit.jupiter.api.Test
  void aLongBadValueIsShortenedInTheMessage() {
    assertThatThrownBy(() -> WireTimes.parse("x".repeat(500), "$.updated"))
        .hasMessage("$.updated: not a date-time: '" + "x".repeat(40) + "...'");
  }
}
