package io.github.rackimages.emulator;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the emulator's requests: all of them, those to the images API, those to the identity service, and those
 * still being answered (so that stopping can let them finish). Thread-safe; one per emulator.
 */
final class RequestCounts {

  private final AtomicLong all = new AtomicLong();
  private final AtomicLong images = new AtomicLong();
  private final AtomicLong identity = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();

  /** A request arrived; {@link #finished()} must follow. */
  void started() {
    inFlight.incrementAndGet();
    all.incrementAndGet();
  }

  /** A request was answered (or its client went away). */
  void finished() {
    inFlight.decrementAndGet();
  }

  /** The request is one to the images API (under {@code /v2/}). */
  void countImages() {
    images.incrementAndGet();
  }

  /** The request is one to the identity service (under {@code /v2.0}). */
  void countIdentity() {
    identity.incrementAndGet();
  }

  long all() {
    return all.get();
  }

  long images() {
    return images.get();
  }

  long identity() {
    return identity.get();
  }

  int inFlight() {
    return inFlight.get();
  }

  /** Sets the three counts back to zero; requests in progress are still in progress. */
  void reset() {
    all.set(0);
    images.set(0);
    identity.set(0);
  }

  @Override
  public String toString() {
    return "RequestCounts[all=" + all + ", images=" + images + ", identity=" + identity + ", inFlight=" + inFlight
        + "]";
  }
}
