package io.github.rackimages.benchmarks;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Turns a JMH result file ({@code -rf json -rff FILE}) into the markdown table of issue 5: each library result next
 * to the baseline measured in the same run, their ratio and the target it is held to.
 *
 * <p>Run: {@code java -cp images-benchmarks/target/benchmarks.jar io.github.rackimages.benchmarks.ResultsTable
 * FILE}. Rows whose benchmarks are missing from the file (a run restricted with a pattern) are left out.
 */
public final class ResultsTable {

  private static final String PACKAGE = ResultsTable.class.getPackageName() + ".";

  private ResultsTable() {}

  /**
   * Prints the table for the JMH JSON result file named by the only argument.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if not given exactly one argument
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ResultsTable <jmh-result.json>");
    }
    try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      System.out.print(table(in));
    }
  }

  /**
   * The markdown table for a JMH JSON result.
   *
   * @throws jakarta.json.JsonException if {@code jmhJson} is not JSON
   */
  public static String table(Reader jmhJson) {
    JsonArray runs;
    try (JsonReader reader = Json.createReader(jmhJson)) {
      runs = reader.readArray();
    }
    Map<String, Result> results = new LinkedHashMap<>();
    String settings = "";
    for (JsonValue value : runs) {
      JsonObject run = value.asJsonObject();
      String name = run.getString("benchmark").replace(PACKAGE, "");
      Map<String, String> params = new TreeMap<>();
      if (run.containsKey("params")) {
        run.getJsonObject("params").forEach((k, v) -> params.put(k, ((jakarta.json.JsonString) v).getString()));
      }
      JsonObject metric = run.getJsonObject("primaryMetric");
      results.put(key(name, params), new Result(
          number(metric, "score"), number(metric, "scoreError"), metric.getString("scoreUnit")));
      settings = String.format(Locale.ROOT, "forks %d, warmup %d x %s, measurement %d x %s, JDK %s",
          run.getInt("forks"), run.getInt("warmupIterations"), run.getString("warmupTime"),
          run.getInt("measurementIterations"), run.getString("measurementTime"), run.getString("jdkVersion"));
    }

    List<String> rows = new ArrayList<>();
    pair(rows, results, "parse 1000 images (pages/s)", "ParseBenchmark.library", "ParseBenchmark.baseline",
        Map.of(), true, ">= 0.5");
    for (String size : List.of("10000", "100000")) {
      pair(rows, results, "HTTP walk, " + size + " images", "HttpWalkBenchmark.library",
          "HttpWalkBenchmark.baseline", Map.of("catalogSize", size), false, "<= 1.3");
    }
    for (String filter : List.of("none", "onePercent")) {
      Map<String, String> p = Map.of("catalogSize", "1000000", "filter", filter);
      pair(rows, results, "fake, last vs first page, filter " + filter, "FakePageBenchmark.lastPage",
          "FakePageBenchmark.firstPage", p, false, "<= 2");
      pair(rows, results, "fake, middle vs first page, filter " + filter, "FakePageBenchmark.middlePage",
          "FakePageBenchmark.firstPage", p, false, "-");
    }
    for (String filter : List.of("none", "onePercent")) {
      for (String size : List.of("100000", "1000000")) {
        pair(rows, results, "fake walk, " + size + " images, filter " + filter, "FakeCatalogBenchmark.walk",
            "FakeCatalogBenchmark.baseline", Map.of("catalogSize", size, "filter", filter), false, "-");
      }
      for (String benchmark : List.of("walk", "baseline")) {
        String name = "FakeCatalogBenchmark." + benchmark;
        Optional<Result> big = find(results, name, Map.of("catalogSize", "1000000", "filter", filter));
        Optional<Result> small = find(results, name, Map.of("catalogSize", "100000", "filter", filter));
        if (big.isPresent() && small.isPresent()) {
          rows.add(row("fake " + benchmark + " 1,000,000 vs 100,000 images, filter " + filter, big.get(),
              small.get(), big.get().score() / small.get().score(), "about 10 (linear)"));
        }
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("| measurement | library (or larger case) | baseline (or smaller case) | ratio | target |\n");
    out.append("|---|---:|---:|---:|---|\n");
    rows.forEach(r -> out.append(r).append('\n'));
    out.append('\n').append("JMH settings: ").append(settings).append('\n');
    return out.toString();
  }

  /** A number of JMH's JSON, which writes "NaN" (a string) for an error it could not compute (one iteration). */
  private static double number(JsonObject object, String key) {
    JsonValue value = object.get(key);
    if (value instanceof JsonNumber n) {
      return n.doubleValue();
    }
    return Double.NaN;
  }

  private static void pair(List<String> rows, Map<String, Result> results, String label, String library,
      String baseline, Map<String, String> params, boolean higherIsBetter, String target) {
    Optional<Result> l = find(results, library, params);
    Optional<Result> b = find(results, baseline, params);
    if (l.isEmpty() || b.isEmpty()) {
      return;
    }
    // A ratio of the library to the baseline: throughput divides as is, times too (higher time = slower).
    double ratio = l.get().score() / b.get().score();
    rows.add(row(label, l.get(), b.get(), ratio, target + (higherIsBetter ? " (throughput)" : " (time)")));
  }

  private static Optional<Result> find(Map<String, Result> results, String name, Map<String, String> params) {
    return Optional.ofNullable(results.get(key(name, new TreeMap<>(params))));
  }

  private static String key(String name, Map<String, String> params) {
    return name + params;
  }

  private static String row(String label, Result a, Result b, double ratio, String target) {
    return String.format(Locale.ROOT, "| %s | %s | %s | %.2f | %s |", label, a, b, ratio, target);
  }

  /** One benchmark's score, its 99.9% error and its unit. */
  private record Result(double score, double error, String unit) {
    @Override
    public String toString() {
      return number(score) + " ± " + number(error) + " " + unit;
    }

    private static String number(double x) {
      double magnitude = Math.abs(x);
      String format = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
      return String.format(Locale.ROOT, format, x);
    }
  }
}
