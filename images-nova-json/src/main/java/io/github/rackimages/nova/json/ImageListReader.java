package io.github.rackimages.nova.json;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a list body, {@code {"images": [...], "images_links": [{"rel": "next", "href": "..."}]}}, of detailed
 * images or of summaries: the items through the reader of their shape, and the {@code href} of the {@code next}
 * link as sent.
 */
final class ImageListReader {

  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());
  private static final String LINKS_KEY = "\"images_links\"";

  private ImageListReader() {}

  /**
   * The {@code href} of the {@code next} link of a list body, read from the body's tail alone, where Nova writes
   * {@code images_links} (after the images): a few hundred characters instead of the whole page. Null unless the
   * tail reads as the body's last member holding such a link and the link's {@code marker} is the value of an
   * {@code "id"} in the body (as the last image's id is). A hint only, for asking for the next page before this one
   * is read: the body's full read decides what the next page is.
   */
  static String nextHrefHint(String body, ReadLimits limits) {
    int at = body.lastIndexOf(LINKS_KEY);
    if (at < 0) {
      return null;
    }
    String next;
    try (JsonParser p = PARSERS.createParser(new StringReader("{" + body.substring(at)))) {
      JsonCursor c = new JsonCursor(p, limits);
      if (c.next() != Event.START_OBJECT || c.next() != Event.KEY_NAME) {
        return null;
      }
      next = readNextHref(c);
      // The links must be the body's last member, or this was not the tail of the body.
      if (next == null || c.next() != Event.END_OBJECT || p.hasNext()) {
        return null;
      }
    } catch (RuntimeException e) {
      return null;
    }
    String marker = markerOf(next);
    return marker != null && isIdValue(body, marker, at) ? next : null;
  }

  /** The {@code marker} parameter of a link, decoded; null when there is none or it cannot be read. */
  private static String markerOf(String href) {
    try {
      String query = URI.create(href).getRawQuery();
      if (query == null) {
        return null;
      }
      for (String pair : query.split("&")) {
        if (pair.startsWith("marker=")) {
          return URLDecoder.decode(pair.substring("marker=".length()), StandardCharsets.UTF_8);
        }
      }
    } catch (RuntimeException e) {
      // Not a link we can read.
    }
    return null;
  }

  /** Whether {@code "value"} stands in {@code body} before {@code end} as the value of an {@code "id"} key. */
  private static boolean isIdValue(String body, String value, int end) {
    if (value.isEmpty() || value.indexOf('"') >= 0 || value.indexOf('\\') >= 0) {
      return false;
    }
    String quoted = "\"" + value + "\"";
    int from = end;
    // The last image's id is near the end; a few tries cover the other places the same text can stand.
    for (int tries = 0; tries < 8; tries++) {
      int at = body.lastIndexOf(quoted, from);
      if (at < 0) {
        return false;
      }
      int i = at - 1;
      while (i >= 0 && Character.isWhitespace(body.charAt(i))) {
        i--;
      }
      if (i >= 0 && body.charAt(i) == ':') {
        i--;
        while (i >= 0 && Character.isWhitespace(body.charAt(i))) {
          i--;
        }
        if (i >= 3 && body.startsWith("\"id\"", i - 3)) {
          return true;
        }
      }
      from = at - 1;
    }
    return false;
  }

  /** Reads one item of a list; the cursor is past the item's START_OBJECT. */
  @FunctionalInterface
  interface ItemReader<T> {
    T read(JsonCursor c, String path);
  }

  /** Reads the body; the cursor is past its START_OBJECT. */
  static <T> WireList<T> read(JsonCursor c, ItemReader<T> items) {
    List<T> list = null;
    String next = null;
    while (true) {
      Event e = c.next();
      if (e == Event.END_OBJECT) {
        break;
      }
      String key = c.key(e, "$");
      switch (key) {
        case "images" -> list = readItems(c, items);
        case "images_links" -> next = readNextHref(c);
        default -> c.skip(c.next());
      }
    }
    if (list == null) {
      throw new WireFormatException("$.images: missing");
    }
    return new WireList<>(list, next);
  }

  private static <T> List<T> readItems(JsonCursor c, ItemReader<T> items) {
    c.expect(c.next(), Event.START_ARRAY, "$.images");
    List<T> list = new ArrayList<>();
    int index = 0;
    while (true) {
      Event e = c.next();
      if (e == Event.END_ARRAY) {
        return list;
      }
      if (index >= c.limits().maxImagesPerPage()) {
        throw c.limits().exceeded("maxImagesPerPage", c.limits().maxImagesPerPage(), "$.images has more items");
      }
      String path = "$.images[" + index + "]";
      c.expect(e, Event.START_OBJECT, path);
      list.add(items.read(c, path));
      index++;
    }
  }

  /** The href of the last {@code rel: next} link of {@code images_links}; entries of other shapes are skipped. */
  private static String readNextHref(JsonCursor c) {
    Event e = c.next();
    if (e == Event.VALUE_NULL) {
      return null;
    }
    c.expect(e, Event.START_ARRAY, "$.images_links");
    String next = null;
    int index = 0;
    while (true) {
      Event l = c.next();
      if (l == Event.END_ARRAY) {
        return next;
      }
      String path = "$.images_links[" + index++ + "]";
      if (l != Event.START_OBJECT) {
        c.skip(l);
        continue;
      }
      String rel = null;
      String href = null;
      while (true) {
        Event f = c.next();
        if (f == Event.END_OBJECT) {
          break;
        }
        String key = c.key(f, path);
        Event v = c.next();
        switch (key) {
          case "rel" -> rel = c.scalarText(v);
          case "href" -> href = c.scalarText(v);
          default -> c.skip(v);
        }
      }
      if ("next".equals(rel) && href != null) {
        next = href;
      }
    }
  }
}
