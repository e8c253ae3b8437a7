package io.github.rackimages.nova.json;

import io.github.rackimages.core.AttributeValue;
import io.github.rackimages.core.DiskConfig;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.core.Link;
import io.github.rackimages.core.ServerReference;
import jakarta.json.stream.JsonParser.Event;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one detailed image, alone ({@code {"image": {...}}}) or as an item of a detail list: tolerant where the
 * service is loose (null name, updated and size; missing optional keys; unknown keys kept; unknown status kept
 * raw; sizes written as floating point; metadata values that are not strings kept) and strict where a value
 * cannot be trusted (a missing id or created time, a wrong type).
 */
final class ImageReader {

  private ImageReader() {}

  /** Reads {@code {"image": {...}}}; the cursor is past the body's START_OBJECT. */
  static Image readBody(JsonCursor c) {
    Image image = null;
    while (true) {
      Event e = c.next();
      if (e == Event.END_OBJECT) {
        break;
      }
      String key = c.key(e, "$");
      if (key.equals("image")) {
        c.expect(c.next(), Event.START_OBJECT, "$.image");
        image = read(c, "$.image");
      } else {
        c.skip(c.next());
      }
    }
    if (image == null) {
      throw new WireFormatException("$.image: missing");
    }
    return image;
  }

  /** Reads the image object at {@code path}; the cursor is past its START_OBJECT. */
  static Image read(JsonCursor c, String path) {
    String id = null;
    String name = null;
    String status = "UNKNOWN";
    int progress = 0;
    Instant created = null;
    Instant updated = null;
    int minDisk = 0;
    int minRam = 0;
    Long size = null;
    DiskConfig diskConfig = null;
    ServerReference server = null;
    List<Link> links = List.of();
    ImageMetadata metadata = ImageMetadata.empty();
    Map<String, AttributeValue> other = null;
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
        case "status" -> {
          String s = c.nullableString(v, path, "status");
          status = s == null ? "UNKNOWN" : s;
        }
        case "progress" -> progress = Math.max(0, Math.min(100, WireNumbers.intValue(c, v, path, "progress", 0)));
        case "created" -> created = instant(c, v, path, "created");
        case "updated" -> updated = instant(c, v, path, "updated");
        case "minDisk" -> minDisk = WireNumbers.nonNegative(WireNumbers.intValue(c, v, path, key, 0), path, key);
        case "minRam" -> minRam = WireNumbers.nonNegative(WireNumbers.intValue(c, v, path, key, 0), path, key);
        case "OS-EXT-IMG-SIZE:size" -> size = WireNumbers.size(c, v, path, key);
        case "OS-DCF:diskConfig" -> {
          String text = c.nullableString(v, path, key);
          diskConfig = text == null ? null : DiskConfig.fromValue(text).orElse(null);
          if (text != null && diskConfig == null) {
            // An unknown value is kept, not dropped, so that writing the image back loses nothing.
            other = put(other, key, AttributeValue.text(text));
          }
        }
        case "server" -> server = ServerReferenceReader.read(c, v, path + ".server");
        case "links" -> links = LinkReader.read(c, v, path, "links");
        case "metadata" -> metadata = MetadataReader.read(c, v, path, "metadata");
        default -> other = put(other, key, c.attribute(v));
      }
    }
    if (id == null) {
      throw new WireFormatException(path + ".id: missing");
    }
    if (created == null) {
      throw new WireFormatException(path + ".created: missing");
    }
    return Image.builder(ImageId.of(id), created)
        .name(name)
        .rawStatus(status)
        .progress(progress)
        .updated(updated)
        .minDisk(minDisk)
        .minRam(minRam)
        .size(size)
        .diskConfig(diskConfig)
        .server(server)
        .links(links)
        .metadata(metadata)
        .otherFields(other == null ? Map.of() : other)
        .build();
  }

  private static Instant instant(JsonCursor c, Event v, String path, String field) {
    String text = c.nullableString(v, path, field);
    return text == null ? null : WireTimes.parse(text, JsonCursor.at(path, field));
  }

  private static Map<String, AttributeValue> put(Map<String, AttributeValue> map, String key, AttributeValue value) {
    Map<String, AttributeValue> m = map == null ? new LinkedHashMap<>() : map;
    m.put(key, value);
    return m;
  }
}
