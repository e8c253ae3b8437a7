package io.github.rackimages.emulator;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose request head does not arrive in full within the header timeout, counted from when a
 * sweep first sees its bytes (so up to a quarter of the timeout, at most a second, late). Jetty's idle timeout alone lets a client that sends one byte now and then hold a connection for ever; this
 * bounds the whole head. It watches connections (a {@link Connection.Listener} on the connector) and the requests
 * that reach the handler it wraps; a connection that is being answered, or that sent nothing new since its last
 * answer, is left to the idle timeout. A sweep on Jetty's scheduler checks every connection a few times per timeout;
 * no thread is held per connection.
 */
final class HeaderTimeout extends Handler.Wrapper implements Connection.Listener {

  /** What is known of one connection; its fields are written by its request's thread and read by the sweep. */
  private static final class Watch {
    volatile boolean answering;
    volatile long bytesAfterLastAnswer;
    volatile long stalledSince;
  }

  private final long timeoutNanos;
  private final long sweepMillis;
  private final Map<Connection, Watch> watched = new ConcurrentHashMap<>();
  private volatile Scheduler.Task sweep;

  HeaderTimeout(Handler handler, Duration timeout) {
    super(handler);
    this.timeoutNanos = timeout.toNanos();
    this.sweepMillis = Math.max(50, Math.min(1000, timeout.toMillis() / 4));
  }

  @Override
  public void onOpened(Connection connection) {
    watched.put(connection, new Watch());
  }

  @Override
  public void onClosed(Connection connection) {
    watched.remove(connection);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    Connection connection = request.getConnectionMetaData().getConnection();
    Watch watch = watched.get(connection);
    if (watch == null) {
      return super.handle(request, response, callback);
    }
    watch.answering = true;
    Runnable answered =
        () -> {
          watch.bytesAfterLastAnswer = connection.getBytesIn();
          watch.stalledSince = 0;
          watch.answering = false;
        };
    boolean handled = false;
    try {
      handled = super.handle(request, response, Callback.from(answered, callback));
      return handled;
    } finally {
      if (!handled) {
        answered.run();
      }
    }
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    schedule();
  }

  @Override
  protected void doStop() throws Exception {
    Scheduler.Task task = sweep;
    if (task != null) {
      task.cancel();
    }
    super.doStop();
  }

  private void schedule() {
    if (isRunning() || isStarting()) {
      sweep = getServer().getScheduler().schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
    }
  }

  /** Closes the connections whose new request head has been arriving for longer than the timeout. */
  private void sweep() {
    try {
      long now = System.nanoTime();
      watched.forEach(
          (connection, watch) -> {
            if (watch.answering || connection.getBytesIn() <= watch.bytesAfterLastAnswer) {
              watch.stalledSince = 0;
            } else if (watch.stalledSince == 0) {
              watch.stalledSince = now;
            } else if (now - watch.stalledSince >= timeoutNanos) {
              watched.remove(connection);
              connection.getEndPoint().close();
            }
          });
    } finally {
      schedule();
    }
  }

  @Override
  public String toString() {
    return "HeaderTimeout[" + Duration.ofNanos(timeoutNanos) + ", " + watched.size() + " connections]";
  }
}
