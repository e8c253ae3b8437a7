package io.github.rackimages.nova.json;

import io.github.rackimages.core.Link;
import jakarta.json.stream.JsonParser.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@code links} array ({@code [{"rel": "self", "href": "...", "type": "..."}]}) of an image, a summary or
 * a server. A link needs {@code rel} and an {@code href} that is a URI reference; null stands for no links.
 */
final class LinkReader {

  private LinkReader() {}

  /** Reads the array that {@code v} starts, at field {@code field} of the object at {@code parent}. */
  static List<Link> read(JsonCursor c, Event v, String parent, String field) {
    // One method on purpose, as the reader had it before: split in two, the loop became small enough for C2 to
    // inline into ImageReader.read, whose node budget then ran out before the number readers (-XX:+PrintInlining).
    if (v == Event.VALUE_NULL) {
      return List.of();
    }
    if (v != Event.START_ARRAY) {
      c.expect(v, Event.START_ARRAY, JsonCursor.at(parent, field));
    }
    List<Link> links = new ArrayList<>(3);
    int index = 0;
    while (true) {
      Event e = c.next();
      if (e == Event.END_ARRAY) {
        return links;
      }
      int at = index++;
      // The place of a link is named only when something is wrong: building it for every link costs a page dearly.
      if (e != Event.START_OBJECT) {
        c.expect(e, Event.START_OBJECT, place(parent, field, at));
      }
      String rel = null;
      String href = null;
      String type = null;
      while (true) {
        Event f = c.next();
        if (f == Event.END_OBJECT) {
          break;
        }
        if (f != Event.KEY_NAME) {
          c.key(f, place(parent, field, at));
        }
        String key = c.text();
        Event fv = c.next();
        switch (key) {
          case "rel" -> rel = string(c, fv, parent, field, at, "rel");
          case "href" -> href = string(c, fv, parent, field, at, "href");
          case "type" -> type = string(c, fv, parent, field, at, "type");
          default -> c.skip(fv);
        }
      }
      if (rel == null || href == null) {
        throw new WireFormatException(place(parent, field, at) + ": a link needs rel and href");
      }
      try {
        links.add(type == null ? Link.of(rel, href) : Link.of(rel, href, type));
      } catch (IllegalArgumentException ex) {
        throw new WireFormatException(place(parent, field, at) + ".href: not a URI");
      }
    }
  }

  private static String string(JsonCursor c, Event v, String parent, String links, int index, String field) {
    if (v == Event.VALUE_STRING) {
      return c.text();
    }
    return c.nullableString(v, place(parent, links, index), field);
  }

  private static String place(String parent, String field, int index) {
    return JsonCursor.at(parent, field) + "[" + index + "]";
  }
}
