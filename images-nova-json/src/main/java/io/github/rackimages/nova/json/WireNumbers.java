package io.github.rackimages.nova.json;

import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Reads the service's numbers: whole numbers however they are written ({@code 20}, {@code 20.0}, {@code "20"},
 * {@code 1.017415075e+09}), refused when out of range, negative where that makes no sense, or so long that
 * {@link BigDecimal} would work for ages on them.
 */
final class WireNumbers {

  private WireNumbers() {}

  /** An {@code int} field: a number, a numeric string, or null for {@code absent}. */
  static int intValue(JsonCursor c, Event v, String path, String field, int absent) {
    if (v == Event.VALUE_NULL) {
      return absent;
    }
    if (v == Event.VALUE_NUMBER) {
      return safeInt(c.parser(), path, field);
    }
    if (v == Event.VALUE_STRING) {
      try {
        return new BigDecimal(c.text().trim()).setScale(0, RoundingMode.HALF_UP).intValueExact();
      } catch (NumberFormatException | ArithmeticException ex) {
        throw new WireFormatException(JsonCursor.at(path, field) + ": not an integer");
      }
    }
    throw JsonCursor.notA("a number", v, path, field);
  }

  /** The current number as an {@code int}, rounded when it has a fraction. */
  static int safeInt(JsonParser p, String path, String field) {
    if (p.isIntegralNumber()) {
      long l = p.getLong();
      if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE && p.getString().length() < 12) {
        return (int) l;
      }
      throw new WireFormatException(JsonCursor.at(path, field) + ": out of range");
    }
    try {
      return checkedDecimal(p, path, field).setScale(0, RoundingMode.HALF_UP).intValueExact();
    } catch (ArithmeticException ex) {
      throw new WireFormatException(JsonCursor.at(path, field) + ": out of range");
    }
  }

  /** {@code value}, unless it is negative. */
  static int nonNegative(int value, String path, String field) {
    if (value < 0) {
      throw new WireFormatException(JsonCursor.at(path, field) + ": negative (" + value + ")");
    }
    return value;
  }

  /** A size in bytes: a non-negative whole number, or null. */
  static Long size(JsonCursor c, Event v, String path, String field) {
    if (v == Event.VALUE_NULL) {
      return null;
    }
    if (v != Event.VALUE_NUMBER) {
      throw JsonCursor.notA("a number", v, path, field);
    }
    JsonParser p = c.parser();
    long value;
    if (p.isIntegralNumber() && p.getString().length() < 19) {
      value = p.getLong();
    } else {
      try {
        // Sizes written as 1.017415075e+09 (seen in an SDK fixture) are whole numbers in disguise.
        value = checkedDecimal(p, path, field).setScale(0, RoundingMode.HALF_UP).longValueExact();
      } catch (ArithmeticException ex) {
        throw new WireFormatException(JsonCursor.at(path, field) + ": out of range");
      }
    }
    if (value < 0) {
      throw new WireFormatException(JsonCursor.at(path, field) + ": negative (" + value + ")");
    }
    return value;
  }

  private static BigDecimal checkedDecimal(JsonParser p, String path, String field) {
    String text = p.getString();
    // Refuse exponents that would make BigDecimal work for ages (1e999999999).
    if (text.length() > 40) {
      throw new WireFormatException(JsonCursor.at(path, field) + ": number too long");
    }
    BigDecimal d = new BigDecimal(text);
    if (Math.abs(d.scale()) > 30 || d.precision() - d.scale() > 30) {
      throw new WireFormatException(JsonCursor.at(path, field) + ": out of range");
    }
    return d;
  }
}
