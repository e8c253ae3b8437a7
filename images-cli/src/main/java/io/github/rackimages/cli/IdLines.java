package io.github.rackimages.cli;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageSummary;
import java.io.PrintStream;

/** {@code --format ids}: one full image id per line, nothing else, for scripts. */
final class IdLines implements ListingSink {

  private final PrintStream out;

  IdLines(PrintStream out) {
    this.out = out;
  }

  @Override
  public void image(Image image) {
    out.println(image.id().value());
  }

  @Override
  public void summary(ImageSummary summary) {
    out.println(summary.id().value());
  }

  @Override
  public void endOfPage() {
    out.flush();
  }

  @Override
  public void finish() {
    out.flush();
  }

  @Override
  public void abandon() {
    out.flush();
  }
}
