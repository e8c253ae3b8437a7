package io.github.rackimages.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bounds the time a response body may take to arrive. The JDK client's request timeout ends when the headers
 * arrive; a server that then stalls mid-body would block the reading thread for ever. The watch closes the body
 * when time is up, which makes the blocked read fail. It uses the JDK's shared delay scheduler
 * ({@link CompletableFuture#orTimeout}), so the catalog owns no thread, and stopping it cancels the timer.
 */
final class BodyWatch {

  private final CompletableFuture<Void> guard;
  private volatile boolean expired;

  private BodyWatch(InputStream body, Duration timeout) {
    this.guard = new CompletableFuture<Void>().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    guard.whenComplete(
        (v, error) -> {
          if (error instanceof TimeoutException) {
            expired = true;
            try {
              body.close();
            } catch (IOException e) {
              // The reader fails either way; there is nobody else to tell.
            }
          }
        });
  }

  /** Starts watching {@code body}. */
  static BodyWatch start(InputStream body, Duration timeout) {
    return new BodyWatch(body, timeout);
  }

  /** Stops the watch (the body was read, or abandoned). */
  void stop() {
    guard.complete(null);
  }

  /** Whether time ran out and the body was closed under the reader. */
  boolean expired() {
    return expired;
  }
}
