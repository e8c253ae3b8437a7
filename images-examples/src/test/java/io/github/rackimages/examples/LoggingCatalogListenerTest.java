package io.github.rackimages.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.http.AttemptEvent;
import io.github.rackimages.http.AttemptEvent.Decision;
import java.lang.System.Logger.Level;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LoggingCatalogListenerTest {

  static AttemptEvent event() {
    return new AttemptEvent("GET", "/v2/123456/images/detail?limit=100", 1, OptionalInt.of(429), Optional.empty(),
        Optional.of("req-1"), Duration.ofMillis(12), Decision.RETRY, Duration.ofSeconds(2));
  }

  @Test
  void writesOneLinePerAttemptAtTheChosenLevel() {
    Recorder logger = new Recorder(Level.INFO);

    new LoggingCatalogListener(logger, Level.INFO).onAttempt(event());

    assertThat(logger.lines)
        .containsExactly("INFO GET /v2/123456/images/detail?limit=100 -> 429 in 12 ms (request req-1, attempt 1):"
            + " retry in 2000 ms");
  }

  @Test
  void anAttemptWithoutResponseNamesItsFailure() {
    AttemptEvent failed = new AttemptEvent("GET", "/v2/1/images", 2, OptionalInt.empty(),
        Optional.of("HttpConnectTimeoutException"), Optional.empty(), Duration.ofMillis(5), Decision.GIVE_UP,
        Duration.ZERO);

    assertThat(LoggingCatalogListener.line(failed))
        .isEqualTo("GET /v2/1/images -> failed (HttpConnectTimeoutException) in 5 ms (request -, attempt 2): gave up");
  }

  @Test
  void aLevelTheLoggerDoesNotWantWritesNothing() {
    Recorder logger = new Recorder(Level.INFO);

    new LoggingCatalogListener(logger, Level.DEBUG).onAttempt(event());

    assertThat(logger.lines).isEmpty();
  }

  /** A logger that keeps its lines, enabled from {@code threshold} up. */
  private static final class Recorder implements System.Logger {
    final List<String> lines = new CopyOnWriteArrayList<>();
    private final Level threshold;

    Recorder(Level threshold) {
      this.threshold = threshold;
    }

    @Override
    public String getName() {
      return "test";
    }

    @Override
    public boolean isLoggable(Level level) {
      return level.getSeverity() >= threshold.getSeverity();
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
      lines.add(level + " " + msg);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
      lines.add(level + " " + MessageFormat.format(format, params));
    }
  }
}
