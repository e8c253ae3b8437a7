package io.github.rackimages.examples;

import io.github.rackimages.http.AttemptEvent;
import io.github.rackimages.http.HttpCatalogListener;
import java.lang.System.Logger.Level;
import java.util.Objects;

/**
 * Writes one line per HTTP attempt of an {@link io.github.rackimages.http.HttpImageCatalog} to a
 * {@link System.Logger} of your choice, at a level of your choice (the adapter's own line is at {@code DEBUG} on
 * its own logger), with what the call did next:
 * {@code GET /v2/123456/images/detail?limit=100 -> 429 in 12 ms (request req-1, attempt 1): retry in 2000 ms}.
 *
 * <pre>{@code
 * ImageCatalog catalog = HttpImageCatalog.builder()
 *     .token(token, endpoint)
 *     .listener(new LoggingCatalogListener(System.getLogger("images.http"), Level.INFO))
 *     .build();
 * }</pre>
 */
public final class LoggingCatalogListener implements HttpCatalogListener {

  private final System.Logger logger;
  private final Level level;

  /** Lines go to {@code logger} at {@code level}. */
  public LoggingCatalogListener(System.Logger logger, Level level) {
    this.logger = Objects.requireNonNull(logger, "logger");
    this.level = Objects.requireNonNull(level, "level");
  }

  @Override
  public void onAttempt(AttemptEvent e) {
    if (logger.isLoggable(level)) {
      logger.log(level, line(e));
    }
  }

  /** The line written for {@code e}. */
  static String line(AttemptEvent e) {
    String outcome = e.status().isPresent() ? String.valueOf(e.status().getAsInt()) : "failed (" + e.failure().orElse("?") + ")";
    String next = switch (e.decision()) {
      case DONE -> "done";
      case RETRY -> "retry in " + e.retryDelay().toMillis() + " ms";
      case GIVE_UP -> "gave up";
      case RENEW -> "renewing the token";
    };
    return e.method() + " " + e.target() + " -> " + outcome + " in " + e.duration().toMillis() + " ms (request "
        + e.requestId().orElse("-") + ", attempt " + e.attempt() + "): " + next;
  }
}
