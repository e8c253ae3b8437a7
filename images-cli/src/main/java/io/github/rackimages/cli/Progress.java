package io.github.rackimages.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress line of a walk over many pages: {@code 12 pages, 12,000 images, 3,400 images/s}, redrawn in place
 * on stderr after each page. Shown only to a person at a terminal; a piped run prints nothing on stderr.
 */
final class Progress {

  private final PrintStream err;
  private final boolean shown;
  private final LongSupplier nanoTime;
  private final long start;
  private int drawnWidth;

  Progress(PrintStream err, boolean shown, LongSupplier nanoTime) {
    this.err = err;
    this.shown = shown;
    this.nanoTime = nanoTime;
    this.start = nanoTime.getAsLong();
  }

  /** Redraws the line after a page. */
  void update(long pages, long images) {
    if (!shown) {
      return;
    }
    String line = describe(pages, images);
    err.print("\r" + Text.padRight(line, drawnWidth));
    err.flush();
    drawnWidth = Text.width(line);
  }

  /** Erases the line, before rows go to the same terminal or when the walk is over. */
  void clear() {
    if (!shown || drawnWidth == 0) {
      return;
    }
    err.print("\r" + " ".repeat(drawnWidth) + "\r");
    err.flush();
    drawnWidth = 0;
  }

  /** The line for this many pages and images so far. */
  String describe(long pages, long images) {
    double seconds = Math.max((nanoTime.getAsLong() - start) / 1e9, 1e-3);
    return String.format(
        Locale.ROOT,
        "%,d %s, %,d images, %,d images/s",
        pages,
        pages == 1 ? "page" : "pages",
        images,
        Math.round(images / seconds));
  }
}
