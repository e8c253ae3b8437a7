package io.github.rackimages.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

/**
 * The server lifecycle of one emulator, on Jetty 12: listens on an address, serves with its own pool of daemon
 * threads named {@code images-emulator-<port>-...}, and stops, letting requests in progress finish for a second.
 *
 * <p>Jetty reads and parses request heads without a thread per connection (one selector thread watches them all),
 * so clients that never finish their request cannot starve the others; the idle timeout closes connections silent
 * for too long and the {@link HeaderTimeout} those whose request head takes too long. Request heads (request line
 * and headers) are limited to {@value #MAX_HEAD} bytes: larger ones get 431 (or 414 for the request line).
 */
final class EmulatorServer {

  /** The largest request head accepted: a 64 KiB query still passes, as it did on the JDK's server. */
  static final int MAX_HEAD = 80 * 1024;

  private static final int BACKLOG = 1024;
  private static final Duration GRACE = Duration.ofSeconds(1);

  private final ServerSocketChannel channel;
  private final String where;
  private final int port;
  private Server server;

  private EmulatorServer(ServerSocketChannel channel, String where) throws IOException {
    this.channel = channel;
    this.where = where;
    this.port = ((InetSocketAddress) channel.getLocalAddress()).getPort();
  }

  /**
   * Listens on this address (port 0: a free one), not yet serving.
   *
   * @throws UncheckedIOException if the address cannot be listened on
   */
  static EmulatorServer listen(InetAddress host, int port) {
    String where = host.getHostAddress() + ":" + port;
    ServerSocketChannel channel = null;
    try {
      channel = ServerSocketChannel.open();
      channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      channel.bind(new InetSocketAddress(host, port), BACKLOG);
      return new EmulatorServer(channel, where);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException("could not listen on " + where + ": " + e.getMessage(), e);
    }
  }

  /** The port listened on. */
  int port() {
    return port;
  }

  /**
   * Starts serving these parts: {@link EmulatorHandler} answers every request on at most {@code settings.threads}
   * threads (the pool has two more, one accepting connections and one watching them), {@link NovaErrorHandler}
   * writes Jetty's own refusals.
   */
  void start(EmulatorParts parts, EmulatorSettings settings) {
    Handler handler = new EmulatorHandler(parts.service(), parts.counts(), parts.urls().base());
    int threads = settings.threads;
    String name = "images-emulator-" + port;
    QueuedThreadPool pool = new QueuedThreadPool(threads + 2, Math.min(threads + 2, 4));
    pool.setName(name);
    pool.setDaemon(true);
    pool.setReservedThreads(0);
    pool.setStopTimeout(GRACE.toMillis());
    Server jetty = new Server(pool, new ScheduledExecutorScheduler(name + "-scheduler", true), null);
    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendXPoweredBy(false);
    config.setRequestHeaderSize(MAX_HEAD);
    // Image ids are decoded from the raw path by the emulator itself, %2F included, as Nova does.
    config.setUriCompliance(UriCompliance.LEGACY);
    ServerConnector connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(config));
    connector.setIdleTimeout(settings.idleTimeout.toMillis());
    HeaderTimeout heads = new HeaderTimeout(handler, settings.headerTimeout);
    connector.addEventListener(heads);
    jetty.addConnector(connector);
    jetty.setHandler(heads);
    jetty.setErrorHandler(new NovaErrorHandler(parts.service()));
    // The grace for requests in progress is ours (stop() waits for them); Jetty's own graceful stop would also wait
    // out every idle keep-alive connection, a second per emulator.
    jetty.setStopTimeout(0);
    server = jetty;
    try {
      connector.open(channel);
      jetty.start();
    } catch (Exception e) {
      stop(() -> 0);
      throw new IllegalStateException("could not start the emulator's server on " + where + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stops: waits up to a second for {@code inFlight} to reach zero, closes every connection, then ends every
   * thread (interrupting those still busy after another second). Keeps the caller's interrupt status.
   */
  void stop(IntSupplier inFlight) {
    long deadline = System.nanoTime() + GRACE.toNanos();
    boolean interrupted = false;
    while (server != null && inFlight.getAsInt() > 0 && System.nanoTime() < deadline && !interrupted) {
      try {
        TimeUnit.MILLISECONDS.sleep(5);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (server != null) {
      try {
        server.stop();
      } catch (Exception e) {
        System.getLogger(ImageEmulator.LOGGER_NAME)
            .log(System.Logger.Level.WARNING, "could not stop the emulator's server on " + where, e);
      }
    }
    closeQuietly(channel);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(ServerSocketChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // Nothing more to release.
      }
    }
  }

  @Override
  public String toString() {
    return "EmulatorServer[" + where + " -> port " + port + "]";
  }
}
