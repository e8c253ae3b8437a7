package io.github.rackimages.cli;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.ImageType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --format table}: aligned columns, written a page at a time. Detailed images show ID, NAME, STATUS, TYPE,
 * MIN DISK, MIN RAM, SIZE and UPDATED (UTC); summaries show what the summary list has, ID and NAME.
 *
 * <p>On a terminal the table fits its width: the layout drops, in this order, the update time's hours, the
 * wide column gaps, and finally the tail of the ids (the first 8 characters stay, with a note on stderr), and long
 * names end in an ellipsis. When the output is piped nothing is cut: full ids, full names. Column widths are fixed
 * by the first page, so that a walk over many pages stays aligned while it streams.
 */
final class ImageTable implements ListingSink {

  private static final int SHORT_ID = 8;
  private static final int MIN_NAME = 20;
  private static final String[] DETAIL_HEADERS = {
    "ID", "NAME", "STATUS", "TYPE", "MIN DISK", "MIN RAM", "SIZE", "UPDATED"
  };
  // Fixed widths of STATUS, TYPE, MIN DISK, MIN RAM and SIZE: wide enough for every value the service sends.
  private static final int[] FIXED = {7, 8, 8, 7, 5};
  private static final boolean[] RIGHT = {false, false, false, false, true, true, true, false};

  private final PrintStream out;
  private final Terminal terminal;
  private final List<Image> images = new ArrayList<>();
  private final List<ImageSummary> summaries = new ArrayList<>();
  private Layout layout;
  private long rows;

  ImageTable(PrintStream out, Terminal terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  @Override
  public void image(Image image) {
    images.add(image);
  }

  @Override
  public void summary(ImageSummary summary) {
    summaries.add(summary);
  }

  @Override
  public void endOfPage() {
    if (images.isEmpty() && summaries.isEmpty()) {
      return;
    }
    if (layout == null) {
      layout = images.isEmpty() ? summaryLayout() : detailLayout();
      line(layout.headers());
    }
    for (Image image : images) {
      line(detailCells(image));
    }
    for (ImageSummary summary : summaries) {
      line(new String[] {id(summary.id().value()), summary.name().orElse("")});
    }
    rows += images.size() + summaries.size();
    images.clear();
    summaries.clear();
    out.flush();
  }

  @Override
  public void finish() {
    endOfPage();
    out.flush();
  }

  @Override
  public void abandon() {
    finish();
  }

  /** How many rows were written. */
  long rows() {
    return rows;
  }

  /** Whether ids were shortened to fit the terminal. */
  boolean shortenedIds() {
    return layout != null && !layout.fullId;
  }

  private String[] detailCells(Image image) {
    return new String[] {
      id(image.id().value()),
      image.name().orElse(""),
      image.rawStatus(),
      image.type().map(ImageType::value).orElse("-"),
      image.reportedMinDisk().stream().mapToObj(d -> d + " GB").findFirst().orElse("-"),
      image.reportedMinRam().stream().mapToObj(Text::megabytes).findFirst().orElse("-"),
      image.size().isPresent() ? Text.bytes(image.size().getAsLong()) : "-",
      image.updated().map(t -> layout.longDate ? Text.minutes(t) : Text.day(t)).orElse("-")
    };
  }

  private String id(String id) {
    return layout.fullId || Text.width(id) <= SHORT_ID ? id : id.substring(0, id.offsetByCodePoints(0, SHORT_ID));
  }

  private void line(String[] cells) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        s.append(" ".repeat(layout.gap));
      }
      String cell = cells[i];
      int width = layout.widths[i];
      if (i == 1 && layout.cutNames || i == 2) {
        // Names are cut on a terminal; a status the library does not know may be long and is cut everywhere.
        cell = Text.cut(cell, width);
      }
      s.append(layout.right[i] ? Text.padLeft(cell, width) : Text.padRight(cell, width));
    }
    out.println(s.toString().stripTrailing());
  }

  private int naturalNameWidth() {
    int natural = Text.width("NAME");
    for (Image image : images) {
      natural = Math.max(natural, Text.width(image.name().orElse("")));
    }
    for (ImageSummary summary : summaries) {
      natural = Math.max(natural, Text.width(summary.name().orElse("")));
    }
    return natural;
  }

  private Layout summaryLayout() {
    int idWidth = summaries.stream().mapToInt(s -> Text.width(s.id().value())).max().orElse(2);
    int natural = naturalNameWidth();
    int name = natural;
    boolean cut = false;
    if (terminal.interactive()) {
      int available = terminal.columns() - idWidth - 2;
      name = Math.max(Math.min(natural, available), 10);
      cut = true;
    }
    return new Layout(
        new String[] {"ID", "NAME"}, new int[] {idWidth, name}, new boolean[] {false, false}, true, true, 2, cut);
  }

  private Layout detailLayout() {
    int fullId = images.stream().mapToInt(i -> Text.width(i.id().value())).max().orElse(2);
    int natural = naturalNameWidth();
    // Preferred first: full ids, times to the minute, two-space gaps; then ever more compact.
    Layout[] candidates = {
      detail(fullId, true, true, 2), detail(fullId, true, false, 2),
      detail(SHORT_ID, false, true, 1), detail(SHORT_ID, false, false, 1)
    };
    if (!terminal.interactive()) {
      return candidates[0].withName(natural, false);
    }
    for (Layout candidate : candidates) {
      int available = terminal.columns() - candidate.fixedWidth();
      if (available >= Math.min(natural, MIN_NAME)) {
        return candidate.withName(Math.min(natural, available), true);
      }
    }
    Layout last = candidates[candidates.length - 1];
    return last.withName(Math.max(terminal.columns() - last.fixedWidth(), 4), true);
  }

  private static Layout detail(int idWidth, boolean fullId, boolean longDate, int gap) {
    int[] widths = {
      Math.max(idWidth, 2), 0, FIXED[0], FIXED[1], FIXED[2], FIXED[3], FIXED[4], longDate ? 16 : 10
    };
    return new Layout(DETAIL_HEADERS, widths, RIGHT, fullId, longDate, gap, false);
  }

  /** Column headers and widths; the NAME column (index 1) is sized last. */
  private record Layout(
      String[] headers, int[] widths, boolean[] right, boolean fullId, boolean longDate, int gap,
      boolean cutNames) {

    int fixedWidth() {
      int sum = gap * (widths.length - 1);
      for (int i = 0; i < widths.length; i++) {
        sum += i == 1 ? 0 : widths[i];
      }
      return sum;
    }

    Layout withName(int nameWidth, boolean cut) {
      int[] w = widths.clone();
      w[1] = nameWidth;
      return new Layout(headers, w, right, fullId, longDate, gap, cut);
    }
  }
}
