package io.github.rackimages.nova.json;

import io.github.rackimages.core.AttributeValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;

/**
 * The shared state of the shape readers: the JSON-P parser they walk, and how they report a place that is wrong.
 * A place ({@code $.images[3].created}) is a string built only when an error is thrown: building one per field of
 * every image costs a page dearly. Every failure is a {@link WireFormatException} that names the place and the
 * problem, never the value, so that a message cannot leak a body.
 *
 * <p>One cursor reads one body on one thread.
 */
final class JsonCursor {

  private final JsonParser parser;
  private final ReadLimits limits;
  // The whole body as read, when the parser reads it from memory: lets a reader keep a part as raw text.
  private final String source;

  /** A cursor over {@code parser}, whose current event is the body's START_OBJECT, with the default limits. */
  JsonCursor(JsonParser parser) {
    this(parser, ReadLimits.defaults());
  }

  /** A cursor over {@code parser}, whose current event is the body's START_OBJECT. */
  JsonCursor(JsonParser parser, ReadLimits limits) {
    this(parser, limits, null);
  }

  /**
   * A cursor over {@code parser}, whose current event is the body's START_OBJECT, reading {@code source} (the
   * whole body, so that {@link #rawObject()} can keep parts of it).
   */
  JsonCursor(JsonParser parser, ReadLimits limits, String source) {
    this.parser = parser;
    this.limits = limits;
    this.source = source;
  }

  /**
   * The text of the object whose START_OBJECT was just read, from its opening to its closing brace, after
   * checking its grammar event by event and leaving the parser past its end; or null, having read nothing, when
   * this cursor has no source text or the parser does not report where it is.
   */
  String rawObject() {
    if (source == null) {
      return null;
    }
    long start = parser.getLocation().getStreamOffset() - 1;
    if (start < 0 || start >= source.length() || source.charAt((int) start) != '{') {
      return null;
    }
    skip(Event.START_OBJECT);
    long end = parser.getLocation().getStreamOffset();
    if (end <= start || end > source.length() || source.charAt((int) end - 1) != '}') {
      throw new IllegalStateException("the parser reported an object ending at " + end + ", not at a brace");
    }
    return source.substring((int) start, (int) end);
  }

  /** The limits of the body. */
  ReadLimits limits() {
    return limits;
  }

  /** The next event. */
  Event next() {
    return parser.next();
  }

  /** The text of the current key, string or number value. */
  String text() {
    return parser.getString();
  }

  /** The parser, for the number readers. */
  JsonParser parser() {
    return parser;
  }

  /** The key of a field; {@code e} must be a key, or the object at {@code path} is malformed. */
  String key(Event e, String path) {
    if (e != Event.KEY_NAME) {
      throw new WireFormatException(path + ": expected a key, found " + describe(e));
    }
    return parser.getString();
  }

  /** Fails unless {@code actual} is {@code expected}. */
  void expect(Event actual, Event expected, String path) {
    if (actual != expected) {
      throw new WireFormatException(path + ": expected " + describe(expected) + ", found " + describe(actual));
    }
  }

  /** Skips the value that {@code v} starts. */
  void skip(Event v) {
    if (v == Event.START_OBJECT || v == Event.START_ARRAY) {
      // Not parser.skipObject()/skipArray(): Parsson's loop for ever when the body ends inside the value they skip
      // (a body cut short hung the reader at full CPU). next() fails at the end of the input instead.
      int depth = 1;
      while (depth > 0) {
        Event e = parser.next();
        if (e == Event.START_OBJECT || e == Event.START_ARRAY) {
          depth++;
        } else if (e == Event.END_OBJECT || e == Event.END_ARRAY) {
          depth--;
        }
      }
    } else if (v == Event.END_OBJECT || v == Event.END_ARRAY || v == Event.KEY_NAME) {
      throw new WireFormatException("unexpected " + describe(v));
    }
  }

  /** A string or number as its text; null for null; any other value is skipped and read as null. */
  String scalarText(Event v) {
    return switch (v) {
      case VALUE_STRING, VALUE_NUMBER -> parser.getString();
      case VALUE_NULL -> null;
      default -> {
        skip(v);
        yield null;
      }
    };
  }

  /** An id: a non-blank string, or a number taken as its text. */
  String id(Event v, String path, String field) {
    // Ids are strings on every cloud seen; a numeric id is accepted as its text rather than failing the page.
    if (v == Event.VALUE_STRING || v == Event.VALUE_NUMBER) {
      String id = parser.getString();
      if (id.isBlank()) {
        throw new WireFormatException(at(path, field) + ": blank");
      }
      return id;
    }
    throw new WireFormatException(at(path, field) + ": expected a string, found " + describe(v));
  }

  /** A string, or null. */
  String nullableString(Event v, String path, String field) {
    if (v == Event.VALUE_NULL) {
      return null;
    }
    if (v == Event.VALUE_STRING) {
      return parser.getString();
    }
    throw notA("a string", v, path, field);
  }

  /** Any JSON value as an attribute: strings as text, everything else as its JSON text. */
  AttributeValue attribute(Event v) {
    return switch (v) {
      case VALUE_STRING -> AttributeValue.text(parser.getString());
      case VALUE_NUMBER -> AttributeValue.structured(parser.getString());
      case VALUE_TRUE -> AttributeValue.structured("true");
      case VALUE_FALSE -> AttributeValue.structured("false");
      case VALUE_NULL -> AttributeValue.structured("null");
      case START_OBJECT, START_ARRAY -> AttributeValue.structured(parser.getValue().toString());
      default -> throw new WireFormatException("unexpected " + v);
    };
  }

  /** The error for a value of the wrong kind at a field. */
  static WireFormatException notA(String kind, Event found, String path, String field) {
    return new WireFormatException(at(path, field) + ": expected " + kind + ", found " + describe(found));
  }

  /** The place of a field, built only for an error message. */
  static String at(String path, String field) {
    return path + "." + field;
  }

  /** An event in words, for messages. */
  static String describe(Event e) {
    return switch (e) {
      case START_OBJECT -> "an object";
      case END_OBJECT -> "the end of an object";
      case START_ARRAY -> "an array";
      case END_ARRAY -> "the end of an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case KEY_NAME -> "a key";
    };
  }
}
