package io.github.rackimages.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormQueryTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "name=a+b          | a b",
        "name=a%2Bb        | a+b",
        "name=a%20b        | a b",
        "name=100%25       | 100%",
        "name=100%         | 100%",
        "name=%zz%4        | %zz%4",
        "name=%c3%a9t%C3%A9 | été",
        "name=%FF          | \uFFFD",
        "name=a=b=c        | a=b=c",
        "name=%26%3D%23    | &=#"
      })
  void valuesAreFormDecodedAsWebObDoes(String query, String expected) {
    assertThat(FormQuery.parse(query.strip()).get("name")).hasValue(expected.strip());
  }

  @Test
  void rawUtf8BytesReadAsIso88591AreDecodedAsUtf8() {
    String latin1View = new String("é📦".getBytes(java.nio.charset.StandardCharsets.UTF_8), java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThat(FormQuery.parse("name=" + latin1View).get("name")).hasValue("é📦");
  }

  @Test
  void theLastRepeatedValueWinsAndBlankPairsAreDropped() {
    FormQuery q = FormQuery.parse("a=1&&b&a=2&=orphan&c=");

    assertThat(q.values()).containsExactly(Map.entry("a", "2"), Map.entry("b", ""), Map.entry("c", ""));
  }

  @Test
  void anAbsentOrEmptyQueryHasNoParameters() {
    assertThat(FormQuery.parse(null).values()).isEmpty();
    assertThat(FormQuery.parse("").values()).isEmpty();
    assertThat(FormQuery.parse("&&").values()).isEmpty();
  }

  @Test
  void theNextQueryIsSortedEncodedAndReplacesTheMarker() {
    FormQuery q = FormQuery.parse("type=snapshot&marker=old&limit=2&name=a+b%2Bc&z%C3%A9=%F0%9F%93%A6");

    assertThat(q.nextQuery("new id/1"))
        .isEqualTo("limit=2&marker=new%20id%2F1&name=a%20b%2Bc&type=snapshot&z%C3%A9=%F0%9F%93%A6");
  }

  @Test
  void aNextQueryReadsBackToTheSameValues() {
    FormQuery q = FormQuery.parse("name=C%2B%2B+%26+%22friends%22+100%25&x=~._-");

    FormQuery back = FormQuery.parse(q.nextQuery("m"));

    assertThat(back.get("name")).hasValue("C++ & \"friends\" 100%");
    assertThat(back.get("x")).hasValue("~._-");
    assertThat(back.get("marker")).hasValue("m");
  }

  @Test
  void pathSegmentsKeepPlusAsPlus() {
    assertThat(FormQuery.decodePathSegment("a+b%20c%2Fd")).isEqualTo("a+b c/d");
  }
}
