package io.github.rackimages.tck;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A UTC clock that tests move by hand, for adapters and applications that take a {@link Clock} (the in-memory
 * catalog stamps deletions with it, the emulator expires tokens with it). Thread-safe.
 *
 * <pre>{@code
 * MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
 * InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().clock(clock).build();
 * clock.advance(Duration.ofHours(1));
 * }</pre>
 *
 * @since 1.0
 */
public final class MutableClock extends Clock {

  private volatile Instant now;

  /** A clock that reads {@code start} until moved. */
  public MutableClock(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /** Moves the clock forward (or back, for a negative duration). */
  public synchronized void advance(Duration duration) {
    now = now.plus(Objects.requireNonNull(duration, "duration"));
  }

  /** Sets the clock to an instant. */
  public void set(Instant instant) {
    now = Objects.requireNonNull(instant, "instant");
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  /** @throws UnsupportedOperationException always: tests of this library need UTC only */
  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("MutableClock is UTC only");
  }

  @Override
  public Instant instant() {
    return now;
  }
}
