package io.github.rackimages.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.http.HttpImageCatalog;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Runs in a JVM of its own with {@code -Xmx64m} (see the surefire execution {@code small-heap-test}): a walk that
 * kept what it delivered, or more than a page or two, would run out of memory long before a million images. The
 * catalog computes its images ({@link SyntheticCatalog}) and the emulator renders one page per request, so that
 * neither takes heap in proportion to the catalog: what grows, if anything, is the client's.
 */
class OneMillionImagesSmallHeapTest {

  private static final long IMAGES = 1_000_000;

  @Test
  void runsInTheSmallHeapItIsMeantFor() {
    long maxHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();

    assertThat(maxHeap).isLessThanOrEqualTo(64L * 1024 * 1024);
  }

  @Test
  void walksAMillionImagesOverHttpInSixtyFourMegabytes() {
    try (ImageEmulator emulator = ImageEmulator.builder().catalog(SyntheticCatalog.ofSize(IMAGES)).port(0).start()) {
      ImageCatalog catalog =
          HttpImageCatalog.builder().token(emulator.issueToken(), emulator.computeEndpoint()).build();

      ConsecutiveIds seen = new ConsecutiveIds();
      catalog.stream(ImageFilter.all()).forEach(image -> seen.accept(image.id()));

      assertThat(seen.count()).as("%s", seen).isEqualTo(IMAGES);
      assertThat(seen.gaps()).as("%s", seen).isZero();
      // 1000 full pages, then the empty page that ends a listing of whole pages.
      assertThat(emulator.imagesRequestCount()).isEqualTo(IMAGES / 1000 + 1);
    }
  }

  @Test
  void walksAMillionImagesThroughThePortsStreamInSixtyFourMegabytes() {
    ImageCatalog catalog = SyntheticCatalog.ofSize(IMAGES);

    ConsecutiveIds seen = new ConsecutiveIds();
    catalog.stream(ImageFilter.all()).forEach(image -> seen.accept(image.id()));

    assertThat(seen.count()).as("%s", seen).isEqualTo(IMAGES);
    assertThat(seen.gaps()).as("%s", seen).isZero();
  }
}
