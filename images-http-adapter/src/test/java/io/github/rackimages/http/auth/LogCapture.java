package io.github.rackimages.http.auth;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what the library writes to its {@link System.Logger}. With {@code java.logging} in the module graph the
 * JDK's default {@code System.LoggerFinder} routes System.Logger to java.util.logging, so a handler on the logger of
 * the same name sees every line, DEBUG ones (JUL's FINE) included.
 */
final class LogCapture implements AutoCloseable {

  private final Logger logger = Logger.getLogger(IdentityClient.LOGGER_NAME);
  private final Level previous = logger.getLevel();
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final SimpleFormatter formatter = new SimpleFormatter();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      lines.add(r.getLevel() + " " + formatter.formatMessage(r) + (r.getThrown() == null ? "" : " " + r.getThrown()));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  LogCapture() {
    handler.setLevel(Level.ALL);
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  List<String> lines() {
    synchronized (lines) {
      return List.copyOf(lines);
    }
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(previous);
  }
}
