package io.github.rackimages.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

  private static final String SETTINGS =
      "\"forks\": 1, \"warmupIterations\": 3, \"warmupTime\": \"2 s\", \"measurementIterations\": 5,"
          + " \"measurementTime\": \"2 s\", \"jdkVersion\": \"17.0.15\"";

  private static String run(String benchmark, String params, double score, double error, String unit) {
    return "{\"benchmark\": \"io.github.rackimages.benchmarks." + benchmark + "\", " + SETTINGS
        + (params.isEmpty() ? "" : ", \"params\": {" + params + "}")
        + ", \"primaryMetric\": {\"score\": " + score + ", \"scoreError\": " + error + ", \"scoreUnit\": \"" + unit
        + "\"}}";
  }

  @Test
  void putsEachLibraryResultNextToItsBaselineWithTheRatioAndTarget() {
    String json = "[" + String.join(",",
        run("ParseBenchmark.baseline", "", 250.0, 5.0, "ops/s"),
        run("ParseBenchmark.library", "", 75.0, 2.5, "ops/s"),
        run("HttpWalkBenchmark.baseline", "\"catalogSize\": \"100000\"", 900.0, 40.0, "ms/op"),
        run("HttpWalkBenchmark.library", "\"catalogSize\": \"100000\"", 1800.0, 60.0, "ms/op"),
        run("FakePageBenchmark.firstPage", "\"catalogSize\": \"1000000\", \"filter\": \"none\"", 200.0, 3.0, "us/op"),
        run("FakePageBenchmark.lastPage", "\"filter\": \"none\", \"catalogSize\": \"1000000\"", 300.0, 3.0, "us/op"),
        run("FakeCatalogBenchmark.walk", "\"catalogSize\": \"100000\", \"filter\": \"none\"", 8.0, 0.1, "ms/op"),
        run("FakeCatalogBenchmark.walk", "\"catalogSize\": \"1000000\", \"filter\": \"none\"", 84.0, 1.0, "ms/op"),
        run("FakeCatalogBenchmark.baseline", "\"catalogSize\": \"100000\", \"filter\": \"none\"", 4.0, 0.1, "ms/op"))
        + "]";

    String table = ResultsTable.table(new StringReader(json));

    assertThat(table)
        .contains("| parse 1000 images (pages/s) | 75.0 ± 2.50 ops/s | 250 ± 5.00 ops/s | 0.30 | >= 0.5 (throughput) |")
        .contains("| HTTP walk, 100000 images | 1,800 ± 60.0 ms/op | 900 ± 40.0 ms/op | 2.00 | <= 1.3 (time) |")
        .contains("| fake, last vs first page, filter none | 300 ± 3.00 us/op | 200 ± 3.00 us/op | 1.50 | <= 2 (time) |")
        .contains("| fake walk 1,000,000 vs 100,000 images, filter none | 84.0 ± 1.00 ms/op | 8.00 ± 0.100 ms/op | 10.50 |")
        .contains("| fake walk, 100000 images, filter none | 8.00 ± 0.100 ms/op | 4.00 ± 0.100 ms/op | 2.00 | - (time) |")
        .contains("JMH settings: forks 1, warmup 3 x 2 s, measurement 5 x 2 s, JDK 17.0.15")
        // Pairs missing from a restricted run are left out rather than shown half empty.
        .doesNotContain("HTTP walk, 10000 images")
        .doesNotContain("onePercent");
  }

  @Test
  void showsAnErrorJmhCouldNotComputeAsNaN() {
    String json = "[" + String.join(",",
        run("ParseBenchmark.baseline", "", 250.0, 5.0, "ops/s"),
        run("ParseBenchmark.library", "", 75.0, 2.5, "ops/s").replace("\"scoreError\": 2.5", "\"scoreError\": \"NaN\""))
        + "]";

    assertThat(ResultsTable.table(new StringReader(json))).contains("| 75.0 ± NaN ops/s | 250 ± 5.00 ops/s | 0.30 |");
  }
}
