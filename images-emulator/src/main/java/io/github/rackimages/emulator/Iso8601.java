package io.github.rackimages.emulator;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code changes-since} value as Glance's registry did: {@code timeutils.parse_isotime}, that is
 * {@code iso8601.parse_date} of pyiso8601 <b>0.1.10</b> (the newest release from 2014-02-27 until 0.1.11 in
 * November 2015, so what an Icehouse install with {@code iso8601>=0.1.9} got), then {@code normalize_time} to UTC.
 *
 * <p>Accepted, exactly as that release's {@code ISO8601_REGEX} (matched from the start, {@code $} at the end, which
 * also matches before one final {@code \n}):
 *
 * <ul>
 *   <li>a bare year {@code YYYY}, a year and month {@code YYYY-M[M]} (not {@code YYYYMM}), a date
 *       {@code YYYY-M[M]-D[D]} or {@code YYYYMMDD} (missing parts are 1);
 *   <li>after a date only: {@code T} or one space, then {@code hh}, optionally {@code [:]mm}, optionally
 *       {@code [:]s[s]} with an optional {@code .fraction} (any digits, truncated to microseconds);
 *   <li>after a time only: {@code Z} or {@code ±hh[[:]mm]}; no zone means UTC.
 * </ul>
 *
 * <p>Not accepted: lower-case {@code t} or {@code z}, a comma before the fraction (pyiso8601 0.1.11+), a zone
 * after a bare date. Fields out of range ({@code datetime()} refuses them: month 13, hour 24, second 60, February
 * 30, year 0) are refused too. One deliberate difference: an offset of 24 hours or more, which the regex takes and
 * Python only refuses when Glance normalises the time (a 500 there), is refused here as unreadable.
 */
final class Iso8601 {

  private static final Pattern FORM =
      Pattern.compile(
          "(?<year>[0-9]{4})"
              + "("
              + "(-(?<monthdash>[0-9]{1,2})|(?<month>[0-9]{2})(?!$))"
              + "("
              + "(-(?<daydash>[0-9]{1,2})|(?<day>[0-9]{2}))"
              + "("
              + "[ T](?<hour>[0-9]{2})"
              + "(:?(?<minute>[0-9]{2}))?"
              + "(:?(?<second>[0-9]{1,2})(\\.(?<fraction>[0-9]+))?)?"
              + "(?<timezone>Z|(?<tzsign>[-+])(?<tzhour>[0-9]{2}):?(?<tzminute>[0-9]{2})?)?"
              + ")?"
              + ")?"
              + ")?"
              + "$",
          Pattern.UNIX_LINES);

  private static final long DAY_SECONDS = 24 * 3600;

  /** The instant, or empty when pyiso8601 0.1.10 (or Python's {@code datetime}) would refuse the text. */
  static Optional<Instant> parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.lookingAt()) {
      return Optional.empty();
    }
    try {
      int year = Integer.parseInt(m.group("year"));
      if (year < 1) {
        return Optional.empty(); // datetime.MINYEAR
      }
      int month = number(m, "month", number(m, "monthdash", 1));
      int day = number(m, "day", number(m, "daydash", 1));
      int micros = 0;
      String fraction = m.group("fraction");
      if (fraction != null) {
        micros = Integer.parseInt((fraction + "000000").substring(0, 6));
      }
      LocalDateTime local =
          LocalDateTime.of(
              LocalDate.of(year, month, day),
              LocalTime.of(number(m, "hour", 0), number(m, "minute", 0), number(m, "second", 0), micros * 1000));
      long offset = 0;
      if (m.group("tzsign") != null) {
        long seconds = number(m, "tzhour", 0) * 3600L + number(m, "tzminute", 0) * 60L;
        offset = m.group("tzsign").equals("-") ? -seconds : seconds;
        if (Math.abs(offset) >= DAY_SECONDS) {
          return Optional.empty();
        }
      }
      return Optional.of(local.toInstant(ZoneOffset.UTC).minusSeconds(offset));
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static int number(Matcher m, String group, int absent) {
    String value = m.group(group);
    return value == null ? absent : Integer.parseInt(value);
  }

  private Iso8601() {}
}
