package io.github.rackimages.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactionTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"token\": {\"id\": \"x\"}, \"apiKey\": \"SECRETVALUE\"}",
        "{\"password\":\"SECRETVALUE\"}",
        "X-Auth-Token: SECRETVALUE",
        "api_key=SECRETVALUE&x=1",
        "{\"details\": \"{\\\"apiKey\\\": \\\"SECRETVALUE\\\"}\"}"
      })
  void valuesOfSecretKeysAreMasked(String body) {
    assertThat(Redaction.excerpt(body, null, 512)).doesNotContain("SECRETVALUE").contains("****");
  }

  @Test
  void theTokenSentIsMaskedWhereverItIsEchoed() {
    assertThat(Redaction.excerpt("refused abcdef0123456789 for you", "abcdef0123456789", 512))
        .isEqualTo("refused **** for you");
  }

  @Test
  void aTokenCutAtTheEndOfTheExcerptIsMaskedToo() {
    byte[] body = "refused abcdef0123456789".getBytes(StandardCharsets.UTF_8);

    assertThat(Redaction.excerpt(body, body.length - 6, "abcdef0123456789", 512)).isEqualTo("refused ****");
  }

  @Test
  void excerptsAreOneShortLine() {
    String excerpt = Redaction.excerpt("a\n\tb\r\n" + "x".repeat(1000), null, 20);

    assertThat(excerpt).isEqualTo("a b " + "x".repeat(16) + "...");
  }

  @Test
  void aUtf8SequenceCutShortBecomesAReplacementCharacter() {
    byte[] body = "é".getBytes(StandardCharsets.UTF_8);

    assertThat(Redaction.excerpt(body, 1, null, 10)).isEqualTo("\uFFFD");
  }

  @Test
  void aTextUpToTheMaximumIsKeptWhole() {
    String text = "x".repeat(Redaction.MAX_EXCERPT);

    assertThat(Redaction.cut(text, Redaction.MAX_EXCERPT)).isEqualTo(text);
  }

  @Test
  void aLongerTextIsCutAtTheMaximumAndMarked() {
    String text = "a".repeat(Redaction.MAX_EXCERPT) + "SECRET-TAIL";

    assertThat(Redaction.cut(text, Redaction.MAX_EXCERPT))
        .isEqualTo("a".repeat(Redaction.MAX_EXCERPT) + "...")
        .doesNotContain("SECRET");
  }

  @Test
  void theCutNeverSplitsASurrogatePair() {
    String text = "a".repeat(Redaction.MAX_EXCERPT - 1) + "\uD83D\uDE00" + "tail";

    String cut = Redaction.cut(text, Redaction.MAX_EXCERPT);

    assertThat(cut).isEqualTo("a".repeat(Redaction.MAX_EXCERPT - 1) + "...");
  }
}
