package io.github.rackimages.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Text helpers for tables: widths in code points, cutting with an ellipsis, padding, human sizes and dates. */
final class Text {

  static final String ELLIPSIS = "\u2026";

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DAYS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String[] UNITS = {"B", "K", "M", "G", "T", "P", "E"};

  private Text() {}

  /** The width of {@code s} in a monospaced font, counting one column per code point. */
  static int width(String s) {
    return s.codePointCount(0, s.length());
  }

  /** {@code s} cut to {@code width} columns, ending in an ellipsis when it was cut. */
  static String cut(String s, int width) {
    if (width(s) <= width) {
      return s;
    }
    if (width <= 1) {
      return ELLIPSIS.substring(0, width);
    }
    return s.substring(0, s.offsetByCodePoints(0, width - 1)) + ELLIPSIS;
  }

  /** {@code s} followed by spaces up to {@code width} columns (never cut). */
  static String padRight(String s, int width) {
    int w = width(s);
    return w >= width ? s : s + " ".repeat(width - w);
  }

  /** Spaces up to {@code width} columns followed by {@code s} (never cut). */
  static String padLeft(String s, int width) {
    int w = width(s);
    return w >= width ? s : " ".repeat(width - w) + s;
  }

  /**
   * A size as {@code ls -h} shows it, in powers of 1024: {@code 512B}, {@code 2.1G}, {@code 615M}, {@code 14G}
   * (one decimal below 10, whole numbers above); at most five columns.
   */
  static String bytes(long bytes) {
    if (bytes < 1024) {
      return bytes + "B";
    }
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    if (value < 9.95) {
      return String.format(Locale.ROOT, "%.1f%s", value, UNITS[unit]);
    }
    long whole = Math.round(value);
    if (whole >= 1024 && unit < UNITS.length - 1) {
      return "1.0" + UNITS[unit + 1];
    }
    return whole + UNITS[unit];
  }

  /** A minimum RAM in MB as a person reads it: {@code 512 MB}, {@code 1 GB}, {@code 1536 MB}. */
  static String megabytes(int mb) {
    return mb >= 1024 && mb % 1024 == 0 ? (mb / 1024) + " GB" : mb + " MB";
  }

  /** A UTC time to the minute, {@code 2025-06-29 03:00}. */
  static String minutes(Instant instant) {
    return MINUTES.format(instant);
  }

  /** A UTC date, {@code 2025-06-29}. */
  static String day(Instant instant) {
    return DAYS.format(instant);
  }
}
