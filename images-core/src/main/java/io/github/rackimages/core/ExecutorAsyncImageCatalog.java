package io.github.rackimages.core;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The blocking catalog's calls run on an executor ({@link AsyncImageCatalog#of}): each call is a task that
 * completes its future, and cancelling the future interrupts the task's thread while the call runs, or keeps it
 * from starting.
 */
final class ExecutorAsyncImageCatalog implements AsyncImageCatalog {

  private final ImageCatalog catalog;
  private final Executor executor;

  /** {@code executor} null: a new daemon thread per call. */
  ExecutorAsyncImageCatalog(ImageCatalog catalog, Executor executor) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.executor = executor != null ? executor : new ThreadPerCall();
  }

  @Override
  public CompletableFuture<Page<Image>> list(ImageFilter filter, PageRequest page) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(page, "page");
    return submit(() -> catalog.list(filter, page));
  }

  @Override
  public CompletableFuture<Page<ImageSummary>> listSummaries(ImageFilter filter, PageRequest page) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(page, "page");
    return submit(() -> catalog.listSummaries(filter, page));
  }

  @Override
  public CompletableFuture<Optional<Image>> find(ImageId id) {
    Objects.requireNonNull(id, "id");
    return submit(() -> catalog.find(id));
  }

  private <T> CompletableFuture<T> submit(Supplier<T> call) {
    CompletableFuture<T> future = new CompletableFuture<>();
    Task<T> task = new Task<>(future, call);
    // Completed by anyone but the task (cancel, complete, obtrude...): the call is abandoned.
    future.whenComplete((value, failure) -> task.abandon());
    try {
      executor.execute(task);
    } catch (RuntimeException e) { // RejectedExecutionException, or a broken executor.
      future.completeExceptionally(e);
    }
    return future;
  }

  @Override
  public String toString() {
    return "AsyncImageCatalog[" + catalog + " on " + executor + "]";
  }

  /** One blocking call, which its future's cancellation interrupts (and only while it runs). */
  private static final class Task<T> implements Runnable {
    private final CompletableFuture<T> future;
    private final Supplier<T> call;
    // Guarded by this. The runner is interrupted only between the two synchronized blocks of run(), so an
    // interrupt never leaks into whatever the thread does next.
    private Thread runner;
    private boolean finished;
    private boolean interrupted;

    Task(CompletableFuture<T> future, Supplier<T> call) {
      this.future = future;
      this.call = call;
    }

    @Override
    public void run() {
      synchronized (this) {
        if (finished || future.isDone()) {
          finished = true;
          return;
        }
        runner = Thread.currentThread();
      }
      T value = null;
      Throwable failure = null;
      try {
        value = call.get();
      } catch (Throwable t) { // Every outcome goes to the future, as in FutureTask.
        failure = t;
      }
      synchronized (this) {
        finished = true;
        runner = null;
        if (interrupted) {
          Thread.interrupted(); // Ours, not the thread owner's: clear it.
        }
      }
      if (failure == null) {
        future.complete(value);
      } else {
        future.completeExceptionally(failure);
      }
    }

    synchronized void abandon() {
      if (runner != null && !finished) {
        interrupted = true;
        runner.interrupt();
      }
      finished = true;
    }
  }

  /** The default executor: a new daemon thread per call, ended with it. No pool, nothing to shut down. */
  private static final class ThreadPerCall implements Executor {
    private final AtomicLong started = new AtomicLong();

    @Override
    public void execute(Runnable task) {
      Thread thread = new Thread(task, "images-async-" + started.incrementAndGet());
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public String toString() {
      return "a daemon thread per call";
    }
  }
}
