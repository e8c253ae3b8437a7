package io.github.rackimages.emulator;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The server lifecycle of one emulator: listens on an address, serves with its own bounded pool of daemon threads
 * named {@code images-emulator-<port>-<n>}, and stops, letting requests in progress finish for a grace period.
 */
final class EmulatorServer {

  private static final int QUEUE = 1024;
  private static final int BACKLOG = 128;
  private static final Duration GRACE = Duration.ofSeconds(1);

  private final HttpServer server;
  private final int port;
  private ThreadPoolExecutor executor;

  private EmulatorServer(HttpServer server) {
    this.server = server;
    this.port = server.getAddress().getPort();
  }

  /**
   * Listens on this address (port 0: a free one), not yet serving.
   *
   * @throws UncheckedIOException if the address cannot be listened on
   */
  static EmulatorServer listen(InetAddress host, int port) {
    try {
      return new EmulatorServer(HttpServer.create(new InetSocketAddress(host, port), BACKLOG));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not listen on " + host.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** The port listened on. */
  int port() {
    return port;
  }

  /** Starts serving every path with this handler on at most {@code threads} threads. */
  void start(HttpHandler handler, int threads) {
    executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            new NamedDaemonThreads("images-emulator-" + port + "-"),
            new ThreadPoolExecutor.CallerRunsPolicy());
    executor.allowCoreThreadTimeOut(true);
    server.setExecutor(executor);
    server.createContext("/", handler);
    server.start();
  }

  /**
   * Stops: waits up to a second for {@code inFlight} to reach zero, closes every connection, then ends every
   * thread (interrupting those still busy after another second). Keeps the caller's interrupt status.
   */
  void stop(IntSupplier inFlight) {
    Duration grace = GRACE;
    long deadline = System.nanoTime() + grace.toNanos();
    boolean interrupted = false;
    while (executor != null && inFlight.getAsInt() > 0 && System.nanoTime() < deadline && !interrupted) {
      try {
        TimeUnit.MILLISECONDS.sleep(5);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    server.stop(0);
    if (executor != null) {
      executor.shutdown();
      try {
        if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
          // A request stuck in the latency pause or in a slow catalog: interrupt it.
          executor.shutdownNow();
          executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (InterruptedException e) {
        executor.shutdownNow();
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "EmulatorServer[port " + port + "]";
  }

  /** Daemon threads with a recognisable name, so that a forgotten emulator never keeps a JVM alive by them. */
  private static final class NamedDaemonThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    NamedDaemonThreads(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, prefix + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
