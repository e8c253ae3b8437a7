package io.github.rackimages.nova.json;

import io.github.rackimages.core.ImageMetadata;
import jakarta.json.stream.JsonParser.Event;

/**
 * Reads an image's {@code metadata} object into one map, in the service's order, keeping values that are not
 * strings as their JSON text; null stands for no metadata.
 */
final class MetadataReader {

  private MetadataReader() {}

  /** Reads the object that {@code v} starts, at field {@code field} of the object at {@code parent}. */
  static ImageMetadata read(JsonCursor c, Event v, String parent, String field) {
    if (v == Event.VALUE_NULL) {
      return ImageMetadata.empty();
    }
    if (v != Event.START_OBJECT) {
      c.expect(v, Event.START_OBJECT, JsonCursor.at(parent, field));
    }
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
