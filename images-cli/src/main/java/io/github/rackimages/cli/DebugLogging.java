package io.github.rackimages.cli;

import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * {@code --debug}: sends the library's {@link System.Logger} output at {@code DEBUG} and above (the JDK maps it to
 * {@code java.util.logging}'s {@code FINE}) to this invocation's stderr, one redacted line per record, and undoes
 * it when closed, so that in-process runs (the tests) leave the logging configuration as they found it.
 */
final class DebugLogging implements AutoCloseable {

  /** The parent of every logger of the library (the HTTP adapter, identity, the emulator). */
  static final String LIBRARY_LOGGER = "io.github.rackimages";

  // A strong reference: java.util.logging keeps loggers weakly, and a collected logger would lose its level.
  private final Logger logger;
  private final Handler handler;
  private final Level previousLevel;
  private final boolean previousUseParent;

  private DebugLogging(Logger logger, Handler handler) {
    this.logger = logger;
    this.handler = handler;
    this.previousLevel = logger.getLevel();
    this.previousUseParent = logger.getUseParentHandlers();
    logger.setLevel(Level.FINE);
    logger.setUseParentHandlers(false);
    logger.addHandler(handler);
  }

  /** Turns debug output on until {@link #close()}. */
  static DebugLogging enable(PrintStream err, Redactor redactor) {
    SimpleFormatter messages = new SimpleFormatter();
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            if (!isLoggable(record)) {
              return;
            }
            StringBuilder line =
                new StringBuilder("debug: ")
                    .append(record.getLoggerName())
                    .append(": ")
                    .append(messages.formatMessage(record));
            if (record.getThrown() != null) {
              line.append(" (").append(record.getThrown()).append(')');
            }
            String text = redactor.redact(line.toString()).replace('\n', ' ').replace('\r', ' ');
            synchronized (err) {
              err.println(text);
            }
          }

          @Override
          public void flush() {
            err.flush();
          }

          @Override
          public void close() {
            flush();
          }
        };
    handler.setLevel(Level.FINE);
    return new DebugLogging(Logger.getLogger(LIBRARY_LOGGER), handler);
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(previousLevel);
    logger.setUseParentHandlers(previousUseParent);
    handler.flush();
  }
}
