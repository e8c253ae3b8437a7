package io.github.rackimages.nova.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WireNumbersTest {

  private static int intOf(String valueJson) {
    JsonCursor c = Cursors.atValueOf(valueJson);
    return WireNumbers.intValue(c, c.next(), "$.image", "minDisk", -7);
  }

  private static Long sizeOf(String valueJson) {
    JsonCursor c = Cursors.atValueOf(valueJson);
    return WireNumbers.size(c, c.next(), "$.image", "OS-EXT-IMG-SIZE:size");
  }

  @ParameterizedTest
  @CsvSource({"20, 20", "20.0, 20", "19.5, 20", "'\"20\"', 20", "'\" 40 \"', 40", "null, -7", "-3, -3"})
  void readsWholeNumbersHoweverTheyAreWritten(String json, int expected) {
    assertThat(intOf(json)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2147483648", "1e999999999", "\"many\"", "true", "{}", "12345678901234567890123456789012345678901"})
  void refusesWhatIsNotAnIntInRange(String json) {
    assertThatThrownBy(() -> intOf(json))
        .isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("$.image.minDisk: ");
  }

  @Test
  void sizesWrittenAsFloatingPointAreWholeNumbers() {
    assertThat(sizeOf("1.017415075e+09")).isEqualTo(1_017_415_075L);
    assertThat(sizeOf("1017415075")).isEqualTo(1_017_415_075L);
    assertThat(sizeOf("null")).isNull();
  }

  @Test
  void sizesWrittenAsStringsAreNumbers() {
    // Nova's own api_samples carried the size as a string from 2013.1 through 31.x (nova-rules.md, rule 10).
    assertThat(sizeOf("\"74185822\"")).isEqualTo(74_185_822L);
    assertThat(sizeOf("\" 17687633829 \"")).isEqualTo(17_687_633_829L);
    assertThat(sizeOf("\"1.017415075e+09\"")).isEqualTo(1_017_415_075L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"1e999999999\"", "\"1e-999999999\"", "\"12345678901234567890123456789012345678901\""})
  void numericStringsHaveTheSameRangeChecksAsNumbers(String json) {
    // A string of digits must not make BigDecimal work for ages, any more than the number would.
    assertThatThrownBy(() -> intOf(json)).isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("$.image.minDisk: ");
    assertThatThrownBy(() -> sizeOf(json)).isInstanceOf(WireFormatException.class)
        .hasMessageStartingWith("$.image.OS-EXT-IMG-SIZE:size: ");
  }

  @Test
  void aStringThatIsNotANumberIsNamedByItsField() {
    assertThatThrownBy(() -> sizeOf("\"74 MB\""))
        .hasMessage("$.image.OS-EXT-IMG-SIZE:size: expected a number, found a string that is not one");
    assertThatThrownBy(() -> intOf("\"\""))
        .hasMessage("$.image.minDisk: expected a number, found a string that is not one");
  }

  @ParameterizedTest
  @CsvSource({"-1, negative (-1)", "'\"-1\"', negative (-1)", "true, 'expected a number, found a boolean'",
      "1e40, out of range", "'\"1e40\"', out of range"})
  void refusesSizesThatAreNotCounts(String json, String problem) {
    assertThatThrownBy(() -> sizeOf(json)).hasMessage("$.image.OS-EXT-IMG-SIZE:size: " + problem);
  }

  @Test
  void negativeCountsAreRefusedWhereTheyMakeNoSense() {
    assertThat(WireNumbers.nonNegative(0, "$.image", "minRam")).isZero();
    assertThatThrownBy(() -> WireNumbers.nonNegative(-2, "$.image", "minRam"))
        .hasMessage("$.image.minRam: negative (-2)");
  }
}
