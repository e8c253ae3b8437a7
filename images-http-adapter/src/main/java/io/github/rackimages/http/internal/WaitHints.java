package io.github.rackimages.http.internal;

import io.github.rackimages.nova.json.NovaJson;
import io.github.rackimages.nova.json.WireFormatException;
import java.math.BigDecimal;
import java.time.Duration;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The one place that reads how long the service asked to wait, and decides whether waiting can help: the
 * {@code Retry-After} header (seconds or an HTTP date; Repose sends a date) and the fault body's
 * {@code retryAfter}/{@code retryAt} (seconds or an ISO-8601 instant; Repose sends an instant, and Rackspace UK
 * writes it with a {@code UTC} suffix instead of an offset, {@code 2012-11-14T21:51:28UTC}), for the compute
 * and the identity service alike. A time in the past means "now". A value that cannot be read counts as no hint
 * at all. The Rackspace rule lives here too: a 413 without any wait is an absolute limit, which no wait lifts.
 */
public final class WaitHints {

  /** Longer waits than this are read as this: nobody waits a day for an image list, and it bounds the arithmetic. */
  static final Duration LONGEST = Duration.ofDays(1);

  private WaitHints() {}

  /**
   * The wait a failed response asked for: its {@code Retry-After} header, else the fault body's
   * {@code retryAfter}, else its {@code retryAt}.
   *
   * @param bodyRetryAfter the body's {@code retryAfter}, or {@code null}
   * @param bodyRetryAt the body's {@code retryAt}, or {@code null}
   */
  public static Optional<Duration> of(HttpHeaders headers, String bodyRetryAfter, String bodyRetryAt, Instant now) {
    return fromHeader(headers.firstValue("Retry-After").orElse(null), now)
        .or(() -> fromBody(bodyRetryAfter, now))
        .or(() -> fromBody(bodyRetryAt, now));
  }

  /**
   * Whether a throttled (413, 429) or unavailable (503) answer may pass if the call is made again: always, except
   * a 413 that gave no wait, since Rackspace also answers 413 for an absolute limit, which no wait lifts.
   */
  public static boolean waitingMayHelp(int status, Optional<Duration> wait) {
    return wait.isPresent() || status != 413;
  }

  /** The {@code Retry-After} header value: delta-seconds or an IMF-fixdate/RFC 1123 date. */
  public static Optional<Duration> fromHeader(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    Optional<Duration> seconds = seconds(v);
    if (seconds.isPresent()) {
      return seconds;
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(until(at, now));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A {@code retryAfter} or {@code retryAt} value of a fault body: seconds or an ISO-8601 instant, also with a
   * {@code UTC} suffix in place of the offset.
   */
  public static Optional<Duration> fromBody(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    Optional<Duration> seconds = seconds(v);
    if (seconds.isPresent()) {
      return seconds;
    }
    if (v.regionMatches(true, Math.max(0, v.length() - 3), "UTC", 0, 3)) {
      // Rackspace UK's form: 2012-11-14T21:51:28UTC.
      v = v.substring(0, v.length() - 3).strip() + "Z";
    }
    try {
      return Optional.of(until(NovaJson.parseInstant(v), now));
    } catch (WireFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Duration> seconds(String v) {
    if (!v.matches("\\d{1,12}(\\.\\d{1,9})?")) {
      return Optional.empty();
    }
    BigDecimal s = new BigDecimal(v);
    if (s.compareTo(BigDecimal.valueOf(LONGEST.getSeconds())) > 0) {
      return Optional.of(LONGEST);
    }
    return Optional.of(Duration.ofNanos(s.movePointRight(9).longValue()));
  }

  private static Duration until(Instant at, Instant now) {
    if (!at.isAfter(now)) {
      return Duration.ZERO;
    }
    Duration d = Duration.between(now, at);
    return d.compareTo(LONGEST) > 0 ? LONGEST : d;
  }
}
