package io.github.rackimages.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.nova.json.NovaJson;
import io.github.rackimages.nova.json.WireFormatException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParseCostBreakdownTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2015-03-10T18:35:18Z",
        "2024-02-29T00:00:00Z",
        "1999-12-31T23:59:59Z",
        "2015-03-10T18:35:18.123Z",
        "2012-09-14T15:11:57.585-05:00",
        "2015-03-10T18:35:18",
        " 2015-03-10T18:35:18Z"
      })
  void theSuggestedFastPathReadsTimesAsTheLibraryDoes(String text) {
    assertThat(ParseCostBreakdown.fastInstant(text)).isEqualTo(NovaJson.parseInstant(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2015-13-10T18:35:18Z", "2023-02-29T00:00:00Z", "2015-03-10T18:35:6xZ", "yesterday"})
  void theSuggestedFastPathLeavesBadTimesToTheLibrarysError(String text) {
    assertThatThrownBy(() -> ParseCostBreakdown.fastInstant(text)).isInstanceOf(WireFormatException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://dfw.servers.api.rackspacecloud.com/v2/123456/images/6455fff1-6d80-4a08-a7c8-4a6c0d9b8c1a",
        "/relative/path?a=b&c=%20#frag",
        "http://[::1]:8080/x"
      })
  void theSuggestedCheckAcceptsWhatAUriHolds(String href) {
    assertThat(ParseCostBreakdown.uriCharacters(href)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "http://host/a b", "http://host/\u00e9t\u00e9", "http://host/<x>", "http://host/\"q\""})
  void theSuggestedCheckRefusesWhatAUriCannotHold(String href) {
    assertThat(ParseCostBreakdown.uriCharacters(href)).isFalse();
  }
}
