package io.github.rackimages.nova.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReadLimitsTest {

  private static final String IMAGE = "{\"id\": \"a\", \"created\": \"2015-03-10T18:35:18Z\", \"name\": \"%s\"}";

  private static InputStream bytes(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  /** {"images": [{"id": "a", ..., "name": "xxxx... for ever: a body that never ends, counting what was read. */
  private static final class EndlessName extends InputStream {
    private final byte[] head = "{\"images\": [{\"id\": \"a\", \"name\": \"".getBytes(StandardCharsets.UTF_8);
    long served;

    @Override
    public int read() {
      return served < head.length ? head[(int) served++] : (served++ >= 0 ? 'x' : -1);
    }

    @Override
    public int read(byte[] b, int off, int len) {
      for (int i = 0; i < len; i++) {
        b[off + i] = (byte) read();
      }
      return len;
    }
  }

  @Test
  void aStringPastTheLimitFailsNamingTheLimitAndItsValue() {
    try (NovaJson json = new NovaJson(ReadLimits.defaults().withMaxStringChars(300))) {
      assertThat(json.readDetailList(bytes("{\"images\": [" + IMAGE.formatted("x".repeat(300)) + "]}")).items())
          .hasSize(1);
      assertThatThrownBy(() -> json.readDetailList(bytes("{\"images\": [" + IMAGE.formatted("x".repeat(301)) + "]}")))
          .isInstanceOf(WireFormatException.class)
          .hasMessageContaining("read limit maxStringChars = 300")
          .hasMessageContaining("HttpCatalogConfig.Builder.readLimits");
    }
  }

  @Test
  void anEndlessStringFailsBeforeTheReaderHoldsIt() {
    EndlessName body = new EndlessName();
    try (NovaJson json = new NovaJson()) {
      assertThatThrownBy(() -> json.readDetailList(body)).hasMessageContaining("maxStringChars = 65536");
    }
    // What was read is the limit plus the parser's read-ahead, not the gigabytes a name may claim.
    assertThat(body.served).isLessThan(ReadLimits.DEFAULT_MAX_STRING_CHARS + 64 * 1024);
  }

  @Test
  void aNumberPastTheLimitFailsToo() {
    try (NovaJson json = new NovaJson(ReadLimits.defaults().withMaxStringChars(256))) {
      assertThatThrownBy(() -> json.readDetailList(bytes("{\"images\": [], \"x\": " + "1".repeat(400) + "}")))
          .hasMessageContaining("maxStringChars = 256");
    }
  }

  @Test
  void moreImagesThanTheLimitFailNamingIt() {
    String three = "{\"images\": [" + String.join(",", IMAGE.formatted("a"), IMAGE.formatted("b"), IMAGE.formatted("c"))
        + "]}";
    try (NovaJson json = new NovaJson(ReadLimits.defaults().withMaxImagesPerPage(2))) {
      assertThatThrownBy(() -> json.readDetailList(bytes(three)))
          .hasMessageContaining("read limit maxImagesPerPage = 2")
          .hasMessageContaining("$.images has more items");
      assertThatThrownBy(() -> json.readSummaryList(bytes(three))).hasMessageContaining("maxImagesPerPage = 2");
    }
  }

  @Test
  void aBodyPastTheCharacterLimitFailsNamingIt() {
    try (NovaJson json = new NovaJson(ReadLimits.defaults().withMaxPageChars(100))) {
      assertThatThrownBy(() -> json.readDetailList(bytes("{\"images\": [" + IMAGE.formatted("y".repeat(80)) + "]}")))
          .hasMessageContaining("read limit maxPageChars = 100");
    }
  }

  @Test
  void escapesAndMultiByteCharactersCountAsWritten() {
    // "é" is two UTF-8 bytes but one character; "\u00e9" is six characters as written.
    try (NovaJson json = new NovaJson(ReadLimits.defaults().withMaxStringChars(256))) {
      assertThat(json.readDetailList(bytes("{\"images\": [" + IMAGE.formatted("é".repeat(256)) + "]}")).items())
          .hasSize(1);
      assertThatThrownBy(() -> json.readDetailList(bytes("{\"images\": [" + IMAGE.formatted("\\u00e9".repeat(43)) + "]}")))
          .hasMessageContaining("maxStringChars");
    }
  }

  @Test
  void limitsAreCheckedWhenMade() {
    assertThatIllegalArgumentException().isThrownBy(() -> ReadLimits.defaults().withMaxStringChars(255))
        .withMessage("maxStringChars must be >= 256: 255");
    assertThatIllegalArgumentException().isThrownBy(() -> ReadLimits.defaults().withMaxImagesPerPage(0))
        .withMessage("maxImagesPerPage must be >= 1: 0");
    assertThatIllegalArgumentException().isThrownBy(() -> ReadLimits.defaults().withMaxPageChars(0))
        .withMessage("maxPageChars must be >= 1: 0");
    assertThat(ReadLimits.defaults()).isEqualTo(new ReadLimits(65_536, 10_000, 64L * 1024 * 1024));
  }
}
