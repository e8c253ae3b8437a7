package io.github.rackimages.emulator;

import io.github.rackimages.core.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's fault switches, changeable at any time from any thread: throttle every Nth compute request, make
 * every Nth unavailable, slow every answer down. The counting of a switch restarts when it is set, so that
 * {@code throttleEvery(3)} throttles the third, sixth, ... compute request made after the call.
 */
final class FaultSwitches {

  /** What a compute request gets instead of its answer. */
  enum Injected {
    NONE,
    THROTTLE,
    UNAVAILABLE
  }

  private volatile int throttleEvery;
  private volatile int unavailableEvery;
  private volatile Duration latency = Duration.ZERO;
  private volatile Duration retryAfter;
  private volatile boolean nonAuthoritative;
  private volatile boolean retryAfterAsHttpDate;
  private final AtomicLong sinceThrottleSet = new AtomicLong();
  private final AtomicLong sinceUnavailableSet = new AtomicLong();

  FaultSwitches(int throttleEvery, int unavailableEvery, Duration latency, Duration retryAfter) {
    throttleEvery(throttleEvery);
    unavailableEvery(unavailableEvery);
    latency(latency);
    retryAfter(retryAfter);
  }

  synchronized void throttleEvery(int n) {
    this.throttleEvery = requireEvery(n, "throttleEvery");
    sinceThrottleSet.set(0);
  }

  synchronized void unavailableEvery(int n) {
    this.unavailableEvery = requireEvery(n, "unavailableEvery");
    sinceUnavailableSet.set(0);
  }

  void latency(Duration latency) {
    this.latency = requireNotNegative(latency, "latency");
  }

  void retryAfter(Duration retryAfter) {
    this.retryAfter = requireNotNegative(retryAfter, "retryAfter");
  }

  /** Whether successful compute answers are 203, as from a caching proxy. */
  void nonAuthoritative(boolean on) {
    this.nonAuthoritative = on;
  }

  boolean nonAuthoritative() {
    return nonAuthoritative;
  }

  /** Whether {@code Retry-After} is an HTTP date (Repose's form) rather than seconds. */
  void retryAfterAsHttpDate(boolean on) {
    this.retryAfterAsHttpDate = on;
  }

  boolean retryAfterAsHttpDate() {
    return retryAfterAsHttpDate;
  }

  int throttleEvery() {
    return throttleEvery;
  }

  int unavailableEvery() {
    return unavailableEvery;
  }

  Duration latency() {
    return latency;
  }

  Duration retryAfter() {
    return retryAfter;
  }

  /** Counts one compute request and says which fault, if any, it gets; throttling wins when both fall on it. */
  Injected next() {
    int t = throttleEvery;
    int u = unavailableEvery;
    boolean throttle = t > 0 && sinceThrottleSet.incrementAndGet() % t == 0;
    boolean unavailable = u > 0 && sinceUnavailableSet.incrementAndGet() % u == 0;
    if (throttle) {
      return Injected.THROTTLE;
    }
    return unavailable ? Injected.UNAVAILABLE : Injected.NONE;
  }

  static int requireEvery(int n, String what) {
    if (n < 0) {
      throw new IllegalArgumentException(what + " must be 0 (off) or positive: " + n);
    }
    return n;
  }

  static Duration requireNotNegative(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative: " + Durations.human(d));
    }
    return d;
  }

  @Override
  public String toString() {
    return "FaultSwitches[throttleEvery="
        + throttleEvery
        + ", unavailableEvery="
        + unavailableEvery
        + ", latency="
        + Durations.human(latency)
        + ", retryAfter="
        + Durations.human(retryAfter)
        + ", nonAuthoritative="
        + nonAuthoritative
        + ", retryAfterAsHttpDate="
        + retryAfterAsHttpDate
        + "]";
  }
}
