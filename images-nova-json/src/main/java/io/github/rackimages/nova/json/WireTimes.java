package io.github.rackimages.nova.json;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Reads and writes the service's times: {@code 2015-03-10T18:35:18Z}, with fractions, with an offset
 * ({@code 2012-09-14T15:11:57.585-05:00}), or without a zone (UTC, as the service documents). The service's own
 * form is read digit by digit: the general parser costs about 30 times as much and a page holds 2000 times.
 */
final class WireTimes {

  private WireTimes() {}

  /**
   * Parses a time in any of the service's forms.
   *
   * @param place names the value in the error message
   * @throws WireFormatException if {@code text} is not a date-time
   */
  static Instant parse(String text, String place) {
    Instant fast = serviceForm(text);
    if (fast != null) {
      return fast;
    }
    String t = text.trim();
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(t, OffsetDateTime::from, LocalDateTime::from);
      if (parsed instanceof OffsetDateTime odt) {
        return odt.toInstant();
      }
      return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ex) {
      throw new WireFormatException(place + ": not a date-time: '" + shorten(t) + "'");
    }
  }

  /** The service's time format: {@code 2015-03-10T18:35:18Z}, with a fraction only when there is one. */
  static String format(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant);
  }

  /**
   * The service's own form, {@code yyyy-MM-ddTHH:mm:ssZ}; null for any other form (or an invalid date), which then
   * goes through the general parser and its error message.
   */
  private static Instant serviceForm(String t) {
    if (t.length() != 20
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':'
        || t.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second);
  }

  /** The number written with {@code count} ASCII digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
