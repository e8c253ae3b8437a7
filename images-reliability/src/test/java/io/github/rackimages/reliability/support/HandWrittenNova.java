package io.github.rackimages.reliability.support;

import io.github.rackimages.core.AttributeValue;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.Link;
import io.github.rackimages.core.ServerReference;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Nova documents written by hand, independently of {@code images-nova-json}'s writer: its own escaping (every
 * character outside printable ASCII as {@code \\uXXXX}), its own key order (links and metadata first, the way a
 * Python dict may come out), indentation and line breaks, and times as Nova's view writes them
 * ({@code 2014-01-01T00:00:00Z}). A bug that the library's writer and reader share cannot pass through it.
 */
public final class HandWrittenNova {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private HandWrittenNova() {}

  /** {@code {"images": [...], "images_links": [...]}} of full images; {@code nextHref} null for no next link. */
  public static String detailList(List<Image> images, String nextHref) {
    StringBuilder s = new StringBuilder("{\n  \"images\": [");
    for (int i = 0; i < images.size(); i++) {
      s.append(i == 0 ? "\n    " : ",\n    ");
      image(s, images.get(i));
    }
    s.append(images.isEmpty() ? "]" : "\n  ]");
    nextLink(s, nextHref);
    return s.append("\n}\n").toString();
  }

  /** {@code {"images": [{"id", "name", "links"}...], "images_links": [...]}}. */
  public static String summaryList(List<Image> images, String nextHref) {
    StringBuilder s = new StringBuilder("{\"images\":[");
    for (int i = 0; i < images.size(); i++) {
      Image image = images.get(i);
      s.append(i == 0 ? "" : ",").append("{\"links\":");
      links(s, image.links());
      s.append(",\"name\":");
      nullableString(s, image.name().orElse(null));
      s.append(",\"id\":");
      string(s, image.id().value());
      s.append('}');
    }
    s.append(']');
    nextLink(s, nextHref);
    return s.append('}').toString();
  }

  /** {@code {"image": {...}}}. */
  public static String single(Image image) {
    StringBuilder s = new StringBuilder("{ \"image\" : ");
    image(s, image);
    return s.append(" }").toString();
  }

  private static void image(StringBuilder s, Image image) {
    s.append("{\"links\": ");
    links(s, image.links());
    s.append(", \"metadata\": {");
    attributes(s, image.metadata().values(), true);
    s.append('}');
    image.server().ifPresent(server -> server(s, server));
    image.diskConfig().ifPresent(d -> {
      s.append(", \"OS-DCF:diskConfig\": ");
      string(s, d.name());
    });
    s.append(", \"OS-EXT-IMG-SIZE:size\": ")
        .append(image.size().isPresent() ? Long.toString(image.size().getAsLong()) : "null");
    s.append(", \"minRam\": ").append(image.minRam());
    s.append(", \"minDisk\": ").append(image.minDisk());
    s.append(", \"updated\": ");
    nullableString(s, image.updated().map(HandWrittenNova::time).orElse(null));
    s.append(", \"created\": ");
    string(s, time(image.created()));
    s.append(", \"progress\": ").append(image.progress());
    s.append(", \"status\": ");
    string(s, image.rawStatus());
    s.append(", \"name\": ");
    nullableString(s, image.name().orElse(null));
    attributes(s, image.otherFields(), false);
    s.append(", \"id\": ");
    string(s, image.id().value());
    s.append('}');
  }

  private static void server(StringBuilder s, ServerReference server) {
    s.append(", \"server\": {\"links\": ");
    links(s, server.links());
    s.append(", \"id\": ");
    string(s, server.id().value());
    s.append('}');
  }

  private static void links(StringBuilder s, List<Link> links) {
    s.append('[');
    for (int i = 0; i < links.size(); i++) {
      Link link = links.get(i);
      s.append(i == 0 ? "" : ", ").append("{\"href\": ");
      string(s, link.href().toString());
      link.type().ifPresent(t -> {
        s.append(", \"type\": ");
        string(s, t);
      });
      s.append(", \"rel\": ");
      string(s, link.rel());
      s.append('}');
    }
    s.append(']');
  }

  /** Text values as strings, structured ones as the JSON text they hold. */
  private static void attributes(StringBuilder s, Map<String, AttributeValue> values, boolean first) {
    boolean needComma = !first;
    for (Map.Entry<String, AttributeValue> e : values.entrySet()) {
      s.append(needComma ? ", " : "");
      needComma = true;
      string(s, e.getKey());
      s.append(": ");
      AttributeValue v = e.getValue();
      if (v.isText()) {
        string(s, v.asString());
      } else {
        s.append(v.toJson());
      }
    }
  }

  private static void nextLink(StringBuilder s, String nextHref) {
    if (nextHref != null) {
      s.append(",\n  \"images_links\": [{\"rel\": \"next\", \"href\": ");
      string(s, nextHref);
      s.append("}]");
    }
  }

  private static String time(Instant instant) {
    return TIME.format(instant);
  }

  private static void nullableString(StringBuilder s, String value) {
    if (value == null) {
      s.append("null");
    } else {
      string(s, value);
    }
  }

  /** A JSON string; everything outside printable ASCII, and the two characters JSON requires, escaped. */
  private static void string(StringBuilder s, String value) {
    s.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        s.append('\\').append(c);
      } else if (c == '/') {
        s.append("\\/");
      } else if (c < 0x20 || c > 0x7e) {
        s.append(String.format("\\u%04x", (int) c));
      } else {
        s.append(c);
      }
    }
    s.append('"');
  }
}
