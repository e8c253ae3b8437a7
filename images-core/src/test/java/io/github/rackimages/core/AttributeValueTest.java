package io.github.rackimages.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AttributeValueTest {

  @Test
  void aTextValueIsItsOwnStringView() {
    AttributeValue value = AttributeValue.text("base");

    assertThat(value.isText()).isTrue();
    assertThat(value.asString()).isEqualTo("base");
    assertThat(value.toJson()).isEqualTo("\"base\"");
    assertThat(value).hasToString("\"base\"");
  }

  @Test
  void anEmptyTextValueIsAllowed() {
    assertThat(AttributeValue.text("").toJson()).isEqualTo("\"\"");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"42", "true", "null", "1.5e3", "[{\"device_name\":\"vda\"}]", "{\"a\":1}"})
  void aStructuredValueIsKeptAsItsJsonText(String json) {
    AttributeValue value = AttributeValue.structured(json);

    assertThat(value.isText()).isFalse();
    assertThat(value.asString()).isEqualTo(json);
    assertThat(value.toJson()).isEqualTo(json);
  }

  @Test
  void textAndStructuredValuesWithTheSameTextDiffer() {
    assertThat(AttributeValue.text("42")).isNotEqualTo(AttributeValue.structured("42"));
    assertThat(AttributeValue.text("42").toJson()).isEqualTo("\"42\"");
    assertThat(AttributeValue.text("42")).isEqualTo(AttributeValue.text("42"));
    assertThat(AttributeValue.text("42").hashCode()).isEqualTo(AttributeValue.text("42").hashCode());
    assertThat(AttributeValue.structured("42")).isEqualTo(AttributeValue.structured("42"));
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", " ", "\n\t"})
  void aBlankStructuredValueIsRejected(String json) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AttributeValue.structured(json))
        .withMessageContaining("'" + json + "'");
  }

  @Test
  void nullValuesAreRejected() {
    assertThatNullPointerException().isThrownBy(() -> AttributeValue.text(null)).withMessage("attribute value");
    assertThatNullPointerException().isThrownBy(() -> AttributeValue.structured(null)).withMessage("attribute json");
  }

  @ParameterizedTest(name = "{2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "say \"hi\"|\"say \\\"hi\\\"\"|quotes",
        "C:\\temp|\"C:\\\\temp\"|backslash",
        "a/b|\"a/b\"|slash is not escaped",
        "é ü 名前|\"é ü 名前\"|non-ASCII kept"
      })
  void textIsEscapedAsJson(String text, String json, String what) {
    assertThat(AttributeValue.text(text).toJson()).isEqualTo(json);
  }

  @Test
  void controlCharactersAreEscapedAsJson() {
    assertThat(AttributeValue.text("a\nb\rc\td\be\ff").toJson()).isEqualTo("\"a\\nb\\rc\\td\\be\\ff\"");
    assertThat(AttributeValue.text("\u0000\u0001\u001f").toJson()).isEqualTo("\"\\u0000\\u0001\\u001f\"");
    // 0x7f and above are legal in JSON strings and are kept as they are.
    assertThat(AttributeValue.text("\u007f \u2028").toJson()).isEqualTo("\"\u007f \u2028\"");
  }

  @Test
  void everyControlCharacterIsEscaped() {
    for (char c = 0; c < 0x20; c++) {
      String json = AttributeValue.text(String.valueOf(c)).toJson();
      assertThat(json).as("char %d", (int) c).startsWith("\"\\").hasSizeBetween(4, 8);
      assertThat(json.chars().skip(1).limit(json.length() - 2L)).allMatch(ch -> ch >= 0x20);
    }
  }
}
