package io.github.rackimages.fake;

import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.core.ImageCatalogTransportException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The delay an {@link InMemoryImageCatalog} waits before answering each call, to simulate a remote service; zero
 * costs nothing.
 */
final class Latency {

  private final Duration delay;

  /** A delay of this non-negative duration (checked by the catalog's builder). */
  Latency(Duration delay) {
    this.delay = delay;
  }

  /**
   * Waits the delay.
   *
   * @throws ImageCatalogTransportException if the thread is interrupted while waiting (its interrupt flag is then
   *     set again)
   */
  void await() {
    if (delay.isZero()) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(delay.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ImageCatalogTransportException(
          "interrupted while waiting for the in-memory catalog's simulated latency", ErrorDetails.none(), e);
    }
  }
}
