package io.github.rackimages.nova.json;

import io.github.rackimages.core.ImageMetadata;
import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.util.Map;

/**
 * Reads an image's {@code metadata} object into one map, in the service's order, keeping values that are not
 * strings as their JSON text; null stands for no metadata.
 *
 * <p>When the body is read from memory, the object is only checked (its grammar, event by event, no string made)
 * and kept as its raw text, decoded the first time the image's metadata is asked for
 * ({@link ImageMetadata#deferred}): metadata is most of a detailed image's bytes (Rackspace sends 19 to 32 keys),
 * and a walk that prints ids or a table never reads it. A checked object always decodes: the limits were kept on
 * its bytes as the body was read, and any well-formed object is metadata.
 */
final class MetadataReader {

  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  private MetadataReader() {}

  /** Reads the object that {@code v} starts, at field {@code field} of the object at {@code parent}. */
  static ImageMetadata read(JsonCursor c, Event v, String parent, String field) {
    if (v == Event.VALUE_NULL) {
      return ImageMetadata.empty();
    }
    if (v != Event.START_OBJECT) {
      c.expect(v, Event.START_OBJECT, JsonCursor.at(parent, field));
    }
    String raw = c.rawObject();
    if (raw == null) {
      return entries(c, parent, field);
    }
    if (raw.substring(1, raw.length() - 1).isBlank()) {
      return ImageMetadata.empty();
    }
    ReadLimits limits = c.limits();
    return ImageMetadata.deferred(() -> decode(raw, limits));
  }

  /** Decodes metadata kept as raw text by {@link #read}. */
  static ImageMetadata decode(String raw, ReadLimits limits) {
    try (JsonParser p = PARSERS.createParser(new StringReader(raw))) {
      JsonCursor c = new JsonCursor(p, limits);
      c.expect(c.next(), Event.START_OBJECT, "metadata");
      return entries(c, "$", "metadata");
    }
  }

  /** The entries of the object whose START_OBJECT was just read, up to its end. */
  private static ImageMetadata entries(JsonCursor c, String parent, String field) {
    // One map, sized by the builder for Rackspace's 19 to 32 keys, handed over without a copy.
    ImageMetadata.Builder values = ImageMetadata.builder();
    while (true) {
      Event e = c.next();
      if (e == Event.END_OBJECT) {
        return values.build();
      }
      if (e != Event.KEY_NAME) {
        c.key(e, JsonCursor.at(parent, field));
      }
      String key = c.text();
      values.put(key, c.attribute(c.next()));
    }
  }
}
