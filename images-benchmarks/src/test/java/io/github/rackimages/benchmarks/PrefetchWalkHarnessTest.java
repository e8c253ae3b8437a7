package io.github.rackimages.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.http.HttpImageCatalog;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prefetch harness runs end to end on a small catalog; its raw client sees what the library sees. */
class PrefetchWalkHarnessTest {

  @Test
  void everyClientWalksTheWholeCatalogAndTheReportNamesThem() {
    // run() itself fails if a client sees another number of images than the catalog lists.
    Map<String, double[]> seconds = PrefetchWalkHarness.run(2_500, Duration.ofMillis(5), 1, 1_000);

    assertThat(seconds).containsOnlyKeys(
        PrefetchWalkHarness.RAW, PrefetchWalkHarness.PREFETCH_ON, PrefetchWalkHarness.PREFETCH_OFF);
    for (double[] s : seconds.values()) {
      assertThat(s).hasSize(1);
      assertThat(s[0]).isPositive();
    }
    assertThat(PrefetchWalkHarness.report(seconds, 2_500, Duration.ofMillis(5), 1_000))
        .contains("| raw sequential client |", "| library, prefetch on |", "| library, prefetch off |");
  }

  @Test
  void theRawClientSeesTheLibrarysIdsInTheSameOrder() throws Exception {
    try (LoopbackImagesServer server =
        LoopbackImagesServer.preRendered(ServiceImages.listed(2_500), HttpWalkBenchmark.PAGE_SIZE, false)) {
      List<String> raw = new ArrayList<>();
      long count = RawClientWalk.walk(HttpClient.newHttpClient(), server.endpoint(), LoopbackImagesServer.TOKEN,
          HttpWalkBenchmark.PAGE_SIZE, raw::add);
      List<String> library = HttpImageCatalog.builder().token(LoopbackImagesServer.TOKEN, server.endpoint()).build()
          .stream(ImageFilter.all()).map(i -> i.id().value()).toList();

      assertThat(raw).hasSize((int) count).isEqualTo(library);
    }
  }
}
