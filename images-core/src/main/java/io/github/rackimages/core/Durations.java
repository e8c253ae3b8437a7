package io.github.rackimages.core;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * Durations as people read them in messages: {@code 250 ms}, {@code 7 s}, {@code 1.5 s}, {@code 2 min 5 s},
 * {@code 1 h 30 min}; never {@code PT7S}. Below a minute, seconds keep up to three decimals; from a minute on,
 * whole units down to the second (its decimals kept), zero parts left out. Every message of the library that names a
 * duration (a wait, a timeout, a refused argument) writes it so; adapters may too.
 *
 * @since 1.1
 */
public final class Durations {

  private Durations() {}

  /**
   * {@code d} for a message.
   *
   * @throws NullPointerException if {@code d} is null
   */
  public static String human(Duration d) {
    if (d.isNegative()) {
      return "-" + human(d.negated());
    }
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      return decimal(BigDecimal.valueOf(d.toNanos(), 6)) + " ms";
    }
    if (d.compareTo(Duration.ofMinutes(1)) < 0) {
      return decimal(BigDecimal.valueOf(d.toNanos(), 9)) + " s";
    }
    StringBuilder s = new StringBuilder();
    long hours = d.toHours();
    int minutes = d.toMinutesPart();
    BigDecimal seconds = BigDecimal.valueOf(d.toSecondsPart() * 1_000_000_000L + d.toNanosPart(), 9);
    if (hours > 0) {
      s.append(hours).append(" h");
    }
    if (minutes > 0) {
      s.append(s.length() == 0 ? "" : " ").append(minutes).append(" min");
    }
    if (seconds.signum() > 0) {
      s.append(s.length() == 0 ? "" : " ").append(decimal(seconds)).append(" s");
    }
    return s.toString();
  }

  /** At most three decimals, trailing zeros dropped. */
  private static String decimal(BigDecimal v) {
    BigDecimal r = v.setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
    return r.scale() < 0 ? r.setScale(0).toPlainString() : r.toPlainString();
  }
}
