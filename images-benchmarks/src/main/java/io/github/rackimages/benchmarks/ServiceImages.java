package io.github.rackimages.benchmarks;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.fake.SampleCatalogs;
import java.util.ArrayList;
import java.util.List;

/**
 * Realistic images as a default listing of the service shows them: the ACTIVE and SAVING images of
 * {@link SampleCatalogs#generated(int, long)} (snapshots with their server and some 25 metadata keys, base images,
 * three links each), in service order.
 */
public final class ServiceImages {

  /** The seed every benchmark uses, so that every run measures the same bytes. */
  public static final long SEED = 20_250_701L;

  private ServiceImages() {}

  /**
   * The first {@code count} images a default listing of a generated catalog shows.
   *
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public static List<Image> listed(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    // About 91% of generated images are ACTIVE or SAVING; an eighth more is plenty, and the check below says so.
    List<Image> generated = SampleCatalogs.generated(count + count / 8 + 100, SEED);
    List<Image> listed = new ArrayList<>(count);
    ImageFilter all = ImageFilter.all();
    for (Image image : generated) {
      if (listed.size() == count) {
        break;
      }
      if (all.matches(image)) {
        listed.add(image);
      }
    }
    if (listed.size() < count) {
      throw new IllegalStateException("generated too few listed images: " + listed.size() + " < " + count);
    }
    return listed;
  }
}
