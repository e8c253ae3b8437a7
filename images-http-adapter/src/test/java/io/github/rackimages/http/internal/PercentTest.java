package io.github.rackimages.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a b|a%20b",
        "a+b|a%2Bb",
        "a&b=c|a%26b%3Dc",
        "#?/%|%23%3F%2F%25",
        "ü€|%C3%BC%E2%82%AC",
        "AZaz09-._~|AZaz09-._~",
        "2015-03-10T18:35:18+01:00|2015-03-10T18:35:18%2B01:00"
      })
  void queryValuesAreEncodedPerRfc3986(String raw, String encoded) {
    assertThat(Percent.encodeQueryValue(raw)).isEqualTo(encoded);
    assertThat(Percent.decode(encoded)).isEqualTo(raw);
  }

  @Test
  void pathSegmentsEncodeColonsAndDotSegments() {
    assertThat(Percent.encodePathSegment("a:b")).isEqualTo("a%3Ab");
    assertThat(Percent.encodePathSegment(".")).isEqualTo("%2E");
    assertThat(Percent.encodePathSegment("..")).isEqualTo("%2E%2E");
    assertThat(Percent.encodePathSegment("a..b")).isEqualTo("a..b");
  }

  @Test
  void decodingKeepsAPlusAsAPlus() {
    assertThat(Percent.decode("a+b")).isEqualTo("a+b");
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "%4", "%zz", "a%C3", "ü"})
  void malformedEscapesAreRefused(String text) {
    assertThatThrownBy(() -> Percent.decode(text)).isInstanceOf(IllegalArgumentException.class);
  }
}
