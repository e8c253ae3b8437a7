package io.github.rackimages.benchmarks;

import io.github.rackimages.core.ImageId;

/** Counts the images of a walk over a {@link SyntheticCatalog} and the places where an id was not the next one. */
final class ConsecutiveIds {

  private long count;
  private long gaps;
  private long firstGapAt = -1;

  void accept(ImageId id) {
    long index = SyntheticCatalog.indexOf(id).orElse(-1L);
    if (index != count) {
      if (gaps == 0) {
        firstGapAt = count;
      }
      gaps++;
    }
    count++;
  }

  long count() {
    return count;
  }

  long gaps() {
    return gaps;
  }

  @Override
  public String toString() {
    return count + " images, " + gaps + " out of place" + (gaps == 0 ? "" : ", the first at position " + firstGapAt);
  }
}
