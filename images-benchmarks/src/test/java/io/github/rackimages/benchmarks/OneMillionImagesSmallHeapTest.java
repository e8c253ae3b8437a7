package io.github.rackimages.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM of its own with {@code -Xmx64m} (see the surefire execution {@code small-heap-test}): a walk that
 * kept what it delivered, or more than a page or two, would run out of memory long before a million images.
 */
class OneMillionImagesSmallHeapTest {

  private static final long IMAGES = 1_000_000;

  @Test
  void runsInTheSmallHeapItIsMeantFor() {
    long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();

    assertThat(maxHeap).isLessThanOrEqualTo(64L * 1024 * 1024);
  }

  @Test
  void walksAMillionImagesThroughThePortsStreamInSixtyFourMegabytes() {
    ImageCatalog catalog = SyntheticCatalog.ofSize(IMAGES);

    ConsecutiveIds seen = new ConsecutiveIds();
    catalog.stream(ImageFilter.all()).forEach(image -> seen.accept(image.id()));

    assertThat(seen.count()).isEqualTo(IMAGES);
    assertThat(seen.gaps()).isZero();
  }
}
