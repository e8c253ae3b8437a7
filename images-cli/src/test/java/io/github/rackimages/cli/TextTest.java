package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table text: human sizes, cutting with an ellipsis, padding by code points. */
class TextTest {

  @ParameterizedTest(name = "{0} bytes -> {1}")
  @CsvSource({
    "0, 0B",
    "1023, 1023B",
    "1024, 1.0K",
    "1536, 1.5K",
    "10240, 10K",
    "615424000, 587M",
    "1905244160, 1.8G",
    "2231369728, 2.1G",
    "15032385536, 14G",
    "48318382080, 45G",
    "1073217536, 1.0G",
    "1099511627776, 1.0T"
  })
  void sizesReadAsLsShowsThem(long bytes, String expected) {
    assertThat(Text.bytes(bytes)).isEqualTo(expected);
    assertThat(Text.width(Text.bytes(bytes))).isLessThanOrEqualTo(5);
  }

  @ParameterizedTest(name = "{0} MB -> {1}")
  @CsvSource({"0, 0 MB", "512, 512 MB", "1024, 1 GB", "1536, 1536 MB", "30720, 30 GB"})
  void minimumRamReadsInTheLargestWholeUnit(int mb, String expected) {
    assertThat(Text.megabytes(mb)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "''{0}'' in {1} -> ''{2}''")
  @CsvSource({
    "Ubuntu 24.04 LTS, 20, Ubuntu 24.04 LTS",
    "Ubuntu 24.04 LTS (Noble Numbat), 20, Ubuntu 24.04 LTS (N\u2026",
    "abc, 3, abc",
    "abcd, 3, ab\u2026",
    "\u65e5\u672c\u8a9e\u306e\u30a4\u30e1\u30fc\u30b8, 4, \u65e5\u672c\u8a9e\u2026"
  })
  void longTextIsCutWithAnEllipsis(String text, int width, String expected) {
    assertThat(Text.cut(text, width)).isEqualTo(expected);
    assertThat(Text.width(Text.cut(text, width))).isLessThanOrEqualTo(width);
  }

  @ParameterizedTest
  @CsvSource({"\ud83d\udc27 penguin, 5"})
  void widthsCountCodePointsNotChars(String text, int cut) {
    assertThat(Text.width(text)).isEqualTo(9);
    assertThat(Text.cut(text, cut)).isEqualTo("\ud83d\udc27 pe\u2026");
    assertThat(Text.padRight("\ud83d\udc27", 3)).isEqualTo("\ud83d\udc27  ");
    assertThat(Text.padLeft("\ud83d\udc27", 3)).isEqualTo("  \ud83d\udc27");
  }

  @ParameterizedTest
  @CsvSource({"2025-06-29T03:04:17Z, 2025-06-29 03:04, 2025-06-29"})
  void timesAreShownInUtc(Instant instant, String minutes, String day) {
    assertThat(Text.minutes(instant)).isEqualTo(minutes);
    assertThat(Text.day(instant)).isEqualTo(day);
  }
}
