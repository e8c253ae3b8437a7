package io.github.rackimages.reliability.support;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a piece of client code with a hard time limit, on a worker thread, so that a hang is reported as a failure
 * of the case instead of freezing the build. Returns what the code returned or threw, and how long it took.
 */
public final class Bounded implements AutoCloseable {

  /** The prefix of the worker threads' names, for thread-leak checks. */
  public static final String THREAD_PREFIX = "bounded-case-";

  /** What one run gave. */
  public record Result<T>(T value, Throwable thrown, boolean hung, Duration elapsed) {}

  private final AtomicInteger n = new AtomicInteger();
  private final ExecutorService pool =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, THREAD_PREFIX + n.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  /** Runs {@code work}, waiting at most {@code limit} for it. */
  public <T> Result<T> run(Callable<T> work, Duration limit) {
    long start = System.nanoTime();
    Future<T> f = pool.submit(work);
    try {
      T v = f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
      return new Result<>(v, null, false, Duration.ofNanos(System.nanoTime() - start));
    } catch (ExecutionException e) {
      return new Result<>(null, e.getCause(), false, Duration.ofNanos(System.nanoTime() - start));
    } catch (TimeoutException e) {
      f.cancel(true);
      return new Result<>(null, null, true, Duration.ofNanos(System.nanoTime() - start));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
