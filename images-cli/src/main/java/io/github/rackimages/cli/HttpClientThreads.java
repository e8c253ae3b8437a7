package io.github.rackimages.cli;

/**
 * Ends the selector threads of the JDK's HTTP client before the command exits. Each client has one, waiting in
 * native code ({@code epoll}) for the whole life of the JVM; HotSpot's exit waits up to 300 ms for every thread in
 * native code to leave it, so a command that made one HTTP request would take 0.3 s longer to end than to finish.
 * Java 17's {@code HttpClient} has no {@code close()} (Java 21 adds one); interrupting the selector thread is the
 * way it ends its loop and closes its idle connections. Called when the command's work is done and its output
 * flushed; a JDK whose threads are named otherwise is simply left as it is.
 */
final class HttpClientThreads {

  private HttpClientThreads() {}

  /** Interrupts every live JDK HTTP client selector thread; returns how many it interrupted. */
  static int endSelectors() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 16];
    int n = root.enumerate(threads, true);
    int ended = 0;
    for (int i = 0; i < n; i++) {
      Thread t = threads[i];
      String name = t.getName();
      if (t.isDaemon() && name.startsWith("HttpClient-") && name.endsWith("-SelectorManager")) {
        t.interrupt();
        ended++;
      }
    }
    return ended;
  }
}
