package io.github.rackimages.nova.json;

import io.github.rackimages.core.AttributeValue;
import io.github.rackimages.core.Link;
import io.github.rackimages.core.ServerId;
import io.github.rackimages.core.ServerReference;
import jakarta.json.stream.JsonParser.Event;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the {@code server} object of a snapshot ({@code {"id": "...", "links": [...]}}); null stands for no server.
 * Other keys (a {@code name}, extensions) are kept, as an image's are.
 */
final class ServerReferenceReader {

  private ServerReferenceReader() {}

  /** Reads the object that {@code v} starts, at {@code path}. */
  static ServerReference read(JsonCursor c, Event v, String path) {
    if (v == Event.VALUE_NULL) {
      return null;
    }
    c.expect(v, Event.START_OBJECT, path);
    String id = null;
    List<Link> links = List.of();
    Map<String, AttributeValue> other = null;
    while (true) {
      Event e = c.next();
      if (e == Event.END_OBJECT) {
        break;
      }
      String key = c.key(e, path);
      Event value = c.next();
      switch (key) {
        case "id" -> id = c.id(value, path, "id");
        case "links" -> links = LinkReader.read(c, value, path, "links");
        default -> {
          if (other == null) {
            other = new LinkedHashMap<>();
          }
          other.put(key, c.attribute(value));
        }
      }
    }
    if (id == null) {
      throw new WireFormatException(path + ".id: missing");
    }
    return new ServerReference(ServerId.of(id), links, other == null ? Map.of() : other);
  }
}
