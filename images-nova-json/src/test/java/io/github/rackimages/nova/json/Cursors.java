package io.github.rackimages.nova.json;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;

/** Cursors over small JSON texts, for the tests of single shape readers. */
final class Cursors {

  private Cursors() {}

  /** A cursor whose parser has read the opening START_OBJECT of {@code json}. */
  static JsonCursor atObject(String json) {
    JsonParser parser = Json.createParser(new StringReader(json));
    assertThat(parser.next()).isEqualTo(JsonParser.Event.START_OBJECT);
    return new JsonCursor(parser);
  }

  /** A cursor at {@code {"v": <value>}}, with the value's first event returned by {@link #value}. */
  static JsonCursor atValueOf(String valueJson) {
    JsonCursor c = atObject("{\"v\": " + valueJson + "}");
    assertThat(c.next()).isEqualTo(JsonParser.Event.KEY_NAME);
    return c;
  }
}
