package io.github.rackimages.nova.json;

import jakarta.json.stream.JsonParser.Event;

/**
 * Reads a fault body, {@code {"<faultName>": {"code": 400, "message": "...", ...}}}, keys in any order, every part
 * but the name optional.
 */
final class FaultReader {

  private FaultReader() {}

  /** Reads the body; the cursor is past its START_OBJECT. */
  static Fault read(JsonCursor c) {
    Event e = c.next();
    if (e == Event.END_OBJECT) {
      throw new WireFormatException("$: empty object, not a fault");
    }
    String name = c.key(e, "$");
    String path = "$." + name;
    if (c.next() != Event.START_OBJECT) {
      throw new WireFormatException(path + ": not an object");
    }
    Integer code = null;
    String message = null;
    String details = null;
    String retryAfter = null;
    String retryAt = null;
    while (true) {
      Event f = c.next();
      if (f == Event.END_OBJECT) {
        break;
      }
      String key = c.key(f, path);
      Event v = c.next();
      switch (key) {
        case "code" -> {
          if (v == Event.VALUE_NUMBER || v == Event.VALUE_STRING) {
            code = WireNumbers.optionalInt(c, v, path, "code");
          } else {
            // A code of another kind is ignored, as in a proxy's partial body; an object or array is skipped whole.
            c.skip(v);
            code = null;
          }
        }
        case "message" -> message = c.scalarText(v);
        case "details" -> details = details(c, v);
        case "retryAfter" -> retryAfter = c.scalarText(v);
        case "retryAt" -> retryAt = c.scalarText(v);
        default -> c.skip(v);
      }
    }
    return Fault.read(name, code, message, details, retryAfter, retryAt);
  }

  /** The details as text: a string as it is, any other value (an object, a list) as its JSON text. */
  private static String details(JsonCursor c, Event v) {
    if (v == Event.VALUE_NULL) {
      return null;
    }
    return v == Event.VALUE_STRING ? c.text() : c.attribute(v).asString();
  }
}
