package io.github.rackimages.http.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * How the catalog waits between attempts. The real one sleeps; tests give one that records the waits asked for
 * and returns at once, so that retry tests neither take long nor depend on the wall clock.
 */
public interface Sleeper {

  /** The real thing: {@link Thread#sleep} and {@link CompletableFuture#delayedExecutor}. */
  Sleeper SYSTEM =
      new Sleeper() {
        @Override
        public void sleep(Duration wait) throws InterruptedException {
          long nanos = wait.toNanos();
          if (nanos > 0) {
            TimeUnit.NANOSECONDS.sleep(nanos);
          }
        }

        @Override
        public CompletableFuture<Void> delay(Duration wait, Executor executor) {
          return CompletableFuture.runAsync(
              () -> {}, CompletableFuture.delayedExecutor(wait.toNanos(), TimeUnit.NANOSECONDS, executor));
        }
      };

  /** Blocks the calling thread for {@code wait}. */
  void sleep(Duration wait) throws InterruptedException;

  /** A future that completes (on {@code executor}) once {@code wait} has passed; blocks no thread meanwhile. */
  CompletableFuture<Void> delay(Duration wait, Executor executor);
}
