package io.github.rackimages.nova.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.AttributeValue;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageMetadata;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A list's metadata is checked as the page is read and decoded only when asked, with the same result as reading
 * it at once: every value kind, order, escapes, non-ASCII text, and an empty object.
 */
class DeferredMetadataTest {

  private static final NovaJson JSON = new NovaJson();

  private static String list(String metadata) {
    return "{\"images\": [{\"id\": \"a\", \"created\": \"2015-03-10T18:35:18Z\", \"metadata\": " + metadata
        + ", \"name\": \"after\"}]}";
  }

  private static Image readList(String body) {
    return JSON.readDetailList(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).items().get(0);
  }

  /** What the same object gives when read at once, from a cursor without source text. */
  private static ImageMetadata eager(String metadata) {
    try (JsonParser p = Json.createParser(new StringReader(metadata))) {
      JsonCursor c = new JsonCursor(p);
      return MetadataReader.read(c, c.next(), "$", "metadata");
    }
  }

  @Test
  void decodesAsAnEagerReadWould() {
    String metadata = "{\"z\": \"last \\\"quoted\\\" \\u00e9\", \"os_distro\": \"ubuntu\", \"n\": 42, \"t\": true,"
        + " \"nil\": null, \"nested\": {\"x\": [1, {\"y\": \"\\u20ac\"}]}, \"caf\u00e9\": \"\u20ac \u0416\"}";

    Image image = readList(list(metadata));

    assertThat(image.name()).contains("after");
    assertThat(image.metadata()).isEqualTo(eager(metadata));
    assertThat(image.metadata().values().keySet())
        .containsExactly("z", "os_distro", "n", "t", "nil", "nested", "caf\u00e9");
    assertThat(image.metadata().getString("z")).contains("last \"quoted\" \u00e9");
    assertThat(image.metadata().get("n")).contains(AttributeValue.structured("42"));
    assertThat(image.metadata().getString("caf\u00e9")).contains("\u20ac \u0416");
  }

  @Test
  void emptyObjectsAreEmptyMetadata() {
    for (String empty : List.of("{}", "{ \n\t }", "null")) {
      assertThat(readList(list(empty)).metadata()).as(empty).isSameAs(ImageMetadata.empty());
    }
  }

  @Test
  void malformedMetadataFailsThePageNotTheLaterRead() {
    for (String bad : List.of("{\"a\": }", "{\"a\" \"b\"}", "{\"a\": [1, 2}", "{1: 2}", "[\"a\"]", "\"text\"")) {
      assertThatThrownBy(() -> readList(list(bad))).as(bad).isInstanceOf(WireFormatException.class);
    }
  }
}
