package io.github.rackimages.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code images serve} running in-process on a thread of its own, as the tests use it: started on a free port,
 * its URLs read from what it printed, stopped by interrupting it (what its shutdown hook does on Ctrl-C).
 */
final class Serving implements AutoCloseable {

  private static final Pattern IDENTITY = Pattern.compile("identity\\s+(http://\\S+)");
  private static final Pattern COMPUTE = Pattern.compile("compute\\s+(http://\\S+)");

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final Thread thread;
  private volatile int exitCode = -1;
  private final URI identity;
  private final URI compute;

  private Serving(String... args) throws InterruptedException {
    String[] all = new String[args.length + 3];
    all[0] = "serve";
    all[1] = "--port";
    all[2] = "0";
    System.arraycopy(args, 0, all, 3, args.length);
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    thread = new Thread(() -> exitCode = Cli.run(all, Map.of(), o, e), "images-serve-under-test");
    thread.setDaemon(true);
    thread.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Matcher identityLine;
    Matcher computeLine;
    while (true) {
      String printed = out.toString(StandardCharsets.UTF_8);
      identityLine = IDENTITY.matcher(printed);
      computeLine = COMPUTE.matcher(printed);
      if (identityLine.find() && computeLine.find() && printed.contains("Press Ctrl-C to stop.")) {
        break;
      }
      if (!thread.isAlive()) {
        throw new IllegalStateException("serve ended before it served: exit " + exitCode + "\n" + printed + err);
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("serve did not start within 60 s:\n" + printed + err);
      }
      Thread.sleep(10);
    }
    identity = URI.create(identityLine.group(1));
    compute = URI.create(computeLine.group(1));
  }

  /** Starts {@code images serve --port 0} with these further arguments and waits until it serves. */
  static Serving start(String... args) throws InterruptedException {
    return new Serving(args);
  }

  URI identity() {
    return identity;
  }

  URI compute() {
    return compute;
  }

  /** Stops the server as an embedding program would and returns how the command ended. */
  CliRun stop() throws InterruptedException {
    thread.interrupt();
    thread.join(TimeUnit.SECONDS.toMillis(30));
    if (thread.isAlive()) {
      throw new IllegalStateException("serve did not stop within 30 s");
    }
    return new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    if (thread.isAlive()) {
      try {
        stop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
