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
import java.util.OptionalInt;

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
    // Numbers not sent stay null, so that the image tells them from a 0 and writes them back absent.
    Integer progress = null;
    Instant created = null;
    Instant updated = null;
    Integer minDisk = null;
    Integer minRam = null;
    Long size = null;
    boolean sizeReported = false;
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
        case "progress" -> {
          Integer p = WireNumbers.optionalInt(c, v, path, "progress");
          progress = p == null ? null : Math.max(0, Math.min(100, p));
        }
        case "created" -> created = instant(c, v, path, "created");
        case "updated" -> updated = instant(c, v, path, "updated");
        case "minDisk" -> minDisk = count(c, v, path, key);
        case "minRam" -> minRam = count(c, v, path, key);
        case "OS-EXT-IMG-SIZE:size" -> {
          size = WireNumbers.size(c, v, path, key);
          sizeReported = true;
        }
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
    Image.Builder b = Image.builder(ImageId.of(id), created)
        .name(name)
        .rawStatus(status)
        .progress(optional(progress))
        .updated(updated)
        .minDisk(optional(minDisk))
        .minRam(optional(minRam));
    if (sizeReported) {
      b.size(size);
    } else {
      b.unreportedSize();
    }
    return b
        .diskConfig(diskConfig)
        .server(server)
        .links(links)
        .metadata(metadata)
        .otherFields(other == null ? Map.of() : other)
        .build();
  }

  private static Integer count(JsonCursor c, Event v, String path, String field) {
    Integer value = WireNumbers.optionalInt(c, v, path, field);
    return value == null ? null : WireNumbers.nonNegative(value, path, field);
  }

  private static OptionalInt optional(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
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
