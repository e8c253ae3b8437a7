package io.github.rackimages.http;

import java.text.MessageFormat;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link System.Logger} that keeps every line at every level, to assert what is (and is not) logged. */
final class CapturingLogger implements System.Logger {

  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final List<Level> levels = new CopyOnWriteArrayList<>();

  List<String> lines() {
    return List.copyOf(lines);
  }

  List<Level> levels() {
    return List.copyOf(levels);
  }

  @Override
  public String getName() {
    return HttpImageCatalog.LOGGER_NAME;
  }

  @Override
  public boolean isLoggable(Level level) {
    return true;
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
    levels.add(level);
    lines.add(msg + (thrown == null ? "" : " " + thrown));
  }

  @Override
  public void log(Level level, ResourceBundle bundle, String format, Object... params) {
    levels.add(level);
    lines.add(params == null || params.length == 0 ? format : MessageFormat.format(format, params));
  }
}
