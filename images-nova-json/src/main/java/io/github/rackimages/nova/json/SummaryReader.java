package io.github.rackimages.nova.json;

import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Link;
import jakarta.json.stream.JsonParser.Event;
import java.util.List;

/** Reads an image summary of {@code GET /images}: {@code {"id": "...", "name": "...", "links": [...]}}. */
final class SummaryReader {

  private SummaryReader() {}

  /** Reads the object at {@code path}; the cursor is past its START_OBJECT. */
  static ImageSummary read(JsonCursor c, String path) {
    String id = null;
    String name = null;
    List<Link> links = List.of();
    while (true) {
      Event e = c.next();
      if (e == Event.END_OBJECT) {
        break;
      }
      String key = c.key(e, path);
      Event v = c.next();
      switch (key) {
        case "id" -> id = c.id(v, path, "id");
        case "name" -> name = c.nullableString(v, path, "name");
        case "links" -> links = LinkReader.read(c, v, path, "links");
        default -> c.skip(v);
      }
    }
    if (id == null) {
      throw new WireFormatException(path + ".id: missing");
    }
    return ImageSummary.of(ImageId.of(id), name, links);
  }
}
