package io.github.rackimages.http.internal;

import io.github.rackimages.http.AttemptEvent;
import io.github.rackimages.http.HttpCatalogListener;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The configured listeners as one, each called in turn and none allowed to break a call: what one throws is
 * logged (the first time at WARNING, then at DEBUG, so a broken listener does not flood the log) and dropped.
 */
final class Listeners implements HttpCatalogListener {

  private final List<HttpCatalogListener> listeners;
  private final System.Logger logger;
  private final AtomicBoolean warned = new AtomicBoolean();

  Listeners(List<HttpCatalogListener> listeners, System.Logger logger) {
    this.listeners = List.copyOf(listeners);
    this.logger = logger;
  }

  boolean isEmpty() {
    return listeners.isEmpty();
  }

  @Override
  public void onAttempt(AttemptEvent event) {
    for (HttpCatalogListener l : listeners) {
      try {
        l.onAttempt(event);
      } catch (RuntimeException e) {
        Level level = warned.compareAndSet(false, true) ? Level.WARNING : Level.DEBUG;
        if (logger.isLoggable(level)) {
          logger.log(level, "the HttpCatalogListener " + l.getClass().getName() + " failed on "
              + event.method() + " " + event.target() + "; the call goes on (further failures are logged at DEBUG)", e);
        }
      }
    }
  }
}
