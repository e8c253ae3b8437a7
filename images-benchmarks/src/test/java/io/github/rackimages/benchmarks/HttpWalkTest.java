package io.github.rackimages.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.http.HttpImageCatalog;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The two clients of benchmark 2 and of the heap probe walk the same pages and see the same images. */
class HttpWalkTest {

  private static final int IMAGES = 2_500;
  private static List<Image> images;
  private static LoopbackImagesServer server;

  @BeforeAll
  static void serve() {
    images = ServiceImages.listed(IMAGES);
    server = LoopbackImagesServer.preRendered(images, HttpWalkBenchmark.PAGE_SIZE, false);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void libraryAndBaselineWalkTheSamePagesAndImages() {
    HttpImageCatalog catalog = HttpImageCatalog.builder().token(LoopbackImagesServer.TOKEN, server.endpoint()).build();
    long before = server.pagesServed();

    List<Image> walked = catalog.stream(ImageFilter.all()).toList();
    long libraryPages = server.pagesServed() - before;
    BaselineClient.Walk baseline = new BaselineClient(server.endpoint(), LoopbackImagesServer.TOKEN, 1000).walk();

    assertThat(walked).isEqualTo(images);
    assertThat(baseline.images()).isEqualTo(IMAGES);
    assertThat(baseline.pages()).isEqualTo(libraryPages).isEqualTo(3);
  }

  @Test
  void theHeapProbeMeasuresBothClients() {
    WalkHeapProbe.Measurement library = WalkHeapProbe.measure("library", server.endpoint());
    WalkHeapProbe.Measurement pages = WalkHeapProbe.measure("library-pages", server.endpoint());
    WalkHeapProbe.Measurement baseline = WalkHeapProbe.measure("baseline", server.endpoint());

    assertThat(library.images()).isEqualTo(IMAGES);
    assertThat(pages.images()).isEqualTo(IMAGES);
    assertThat(baseline.images()).isEqualTo(IMAGES);
    // Every figure was taken. Whether a walk holds more than before cannot be told in this shared test JVM: a page
    // of images (about 2.5 MB since metadata is decoded on first use) is within what other tests leave to collect.
    // The probe's own children, one JVM per walk, measure that (docs/PERFORMANCE.md, section 5).
    for (WalkHeapProbe.Measurement m : java.util.List.of(library, pages, baseline)) {
      assertThat(m.liveBefore()).as(m.client()).isPositive();
      assertThat(m.liveMax()).as(m.client()).isPositive();
      assertThat(m.seconds()).as(m.client()).isPositive();
    }
    assertThat(library.collections()).isPositive();
  }

  @Test
  void theHeapProbeKnowsOnlyItsTwoClients() {
    assertThatThrownBy(() -> WalkHeapProbe.measure("curl", server.endpoint()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("curl");
  }
}
