package io.github.rackimages.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code changes-since} read as pyiso8601 0.1.10's {@code parse_date}, normalised to UTC as Glance does. */
class Iso8601Test {

  @ParameterizedTest
  @CsvSource({
    "2015, 2015-01-01T00:00:00Z",
    "2015-03, 2015-03-01T00:00:00Z",
    "2015-3, 2015-03-01T00:00:00Z",
    "2015-03-10, 2015-03-10T00:00:00Z",
    "20150310, 2015-03-10T00:00:00Z",
    "2015-3-7, 2015-03-07T00:00:00Z",
    "2015-03-10T18, 2015-03-10T18:00:00Z",
    "2015-03-10T1835, 2015-03-10T18:35:00Z",
    "2015-03-10T18:35Z, 2015-03-10T18:35:00Z",
    "2015-03-10T18:35:18Z, 2015-03-10T18:35:18Z",
    "2015-03-10T18:35:18, 2015-03-10T18:35:18Z",
    "2015-03-10 18:35:18, 2015-03-10T18:35:18Z",
    "2015-03-10T18:35:8, 2015-03-10T18:35:08Z",
    "2015-03-10T18:5, 2015-03-10T18:00:05Z",
    "2015-03-10T18:35:18.5Z, 2015-03-10T18:35:18.500Z",
    "2015-03-10T18:35:18.1234567891234Z, 2015-03-10T18:35:18.123456Z",
    "2015-03-10T13:35:18-05:00, 2015-03-10T18:35:18Z",
    "2015-03-10T20:35:18+0200, 2015-03-10T18:35:18Z",
    "2015-03-10T20:35:18+02, 2015-03-10T18:35:18Z",
    "2015-03-10T18:35:18+05:99, 2015-03-10T11:56:18Z"
  })
  void readsEveryFormOfPyiso8601(String text, Instant expected) {
    assertThat(Iso8601.parse(text)).hasValue(expected);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2015-03-10T18:35:18Z\n", "2015-03-10\n",
      })
  void likePythonsDollarAcceptsOneFinalNewline(String text) {
    assertThat(Iso8601.parse(text)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "now",
        "201503",
        "2015-03-10t18:35:18Z",
        "2015-03-10T18:35:18z",
        "2015-03-10T18:35:18,25Z",
        "2015-03-10Z",
        "2015-03-10+01:00",
        "2015-13-01",
        "2015-02-29",
        "0000-01-01",
        "2015-03-10T24:00:00Z",
        "2015-03-10T18:60Z",
        "2015-03-10T18:35:60Z",
        "2015-03-10T18:35:18+24:00",
        "2015-03-10T18:35:18 01:00",
        " 2015-03-10",
        "2015-03-10 ",
        "2015-03-10T18:35:18Z\n\n",
        "10/03/2015",
        "1426012518"
      })
  void refusesWhatPyiso8601OrDatetimeRefuses(String text) {
    assertThat(Iso8601.parse(text)).isEmpty();
  }
}
