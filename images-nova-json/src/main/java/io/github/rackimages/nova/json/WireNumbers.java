package io.github.rackimages.nova.json;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reads the service's numbers: whole numbers however they are written ({@code 20}, {@code 20.0}, {@code "20"},
 * {@code 1.017415075e+09}, {@code "74185822"}), refused when out of range, negative where that makes no sense, or
 * so long that {@link BigDecimal} would work for ages on them. A numeric string passes the same checks as the
 * number it spells: Nova's own samples wrote {@code OS-EXT-IMG-SIZE:size} as one for a decade.
 */
final class WireNumbers {

  private WireNumbers() {}

  /** An {@code int} field: a number, a numeric string, or null for {@code absent}. */
  static int intValue(JsonCursor c, Event v, String path, String field, int absent) {
    Integer value = optionalInt(c, v, path, field);
    return value == null ? absent : value;
  }

  /** An {@code int} field: a number or a numeric string; null for JSON null. */
  static Integer optionalInt(JsonCursor c, Event v, String path, String field) {
    if (v == Event.VALUE_NULL) {
      return null;
    }
    if (v == Event.VALUE_NUMBER) {
      return safeInt(c.parser(), path, field);
    }
    try {
      return whole(numericString(c, v, path, field), path, field).intValueExact();
    } catch (ArithmeticException ex) {
      throw outOfRange(path, field);
    }
  }

  /** The current number as an {@code int}, rounded when it has a fraction. */
  static int safeInt(JsonParser p, String path, String field) {
    if (p.isIntegralNumber()) {
      long l = p.getLong();
      if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE && p.getString().length() < 12) {
        return (int) l;
      }
      throw outOfRange(path, field);
    }
    try {
      return whole(p.getString(), path, field).intValueExact();
    } catch (ArithmeticException ex) {
      throw outOfRange(path, field);
    }
  }

  /** {@code value}, unless it is negative. */
  static int nonNegative(int value, String path, String field) {
    if (value < 0) {
      throw new WireFormatException(JsonCursor.at(path, field) + ": negative (" + value + ")");
    }
    return value;
  }

  /** A size in bytes: a non-negative whole number or numeric string, or null. */
  static Long size(JsonCursor c, Event v, String path, String field) {
    if (v == Event.VALUE_NULL) {
      return null;
    }
    long value;
    JsonParser p = c.parser();
    if (v == Event.VALUE_NUMBER && p.isIntegralNumber() && p.getString().length() < 19) {
      value = p.getLong();
    } else {
      String text = v == Event.VALUE_NUMBER ? p.getString() : numericString(c, v, path, field);
      try {
        // Sizes written as 1.017415075e+09 (seen in an SDK fixture) are whole numbers in disguise.
        value = whole(text, path, field).longValueExact();
      } catch (ArithmeticException ex) {
        throw outOfRange(path, field);
      }
    }
    if (value < 0) {
      throw new WireFormatException(JsonCursor.at(path, field) + ": negative (" + value + ")");
    }
    return value;
  }

  /** The text of a string that should spell a number; anything but a string is the wrong kind. */
  private static String numericString(JsonCursor c, Event v, String path, String field) {
    if (v != Event.VALUE_STRING) {
      throw JsonCursor.notA("a number", v, path, field);
    }
    return c.text().trim();
  }

  /** {@code text} as a whole number, rounded half up; checked before {@link BigDecimal} sees it. */
  private static BigDecimal whole(String text, String path, String field) {
    // Refuse exponents that would make BigDecimal work for ages (1e999999999).
    if (text.length() > 40) {
      throw new WireFormatException(JsonCursor.at(path, field) + ": number too long");
    }
    BigDecimal d;
    try {
      d = new BigDecimal(text);
    } catch (NumberFormatException ex) {
      // Only a string can get here: the parser has already checked the syntax of a number.
      throw new WireFormatException(JsonCursor.at(path, field) + ": expected a number, found a string that is not one");
    }
    if (Math.abs(d.scale()) > 30 || d.precision() - d.scale() > 30) {
      throw outOfRange(path, field);
    }
    return d.setScale(0, RoundingMode.HALF_UP);
  }

  private static WireFormatException outOfRange(String path, String field) {
    return new WireFormatException(JsonCursor.at(path, field) + ": out of range");
  }
}
