package io.github.rackimages.benchmarks;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.http.HttpImageCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Issue 12, target 2: a whole walk over a network with latency, the library's {@code stream} (prefetch on, its
 * default, and off) against the raw sequential client ({@link RawClientWalk#walk}: one request after the other,
 * reading id, name and status). A loopback server in this JVM answers each page of pre-rendered realistic images
 * ({@link ServiceImages}) after a latency, default 60 ms, and answers pages asked for at once at once, as a network
 * carries them. Each client keeps only the ids it is handed, counted.
 *
 * <p>The walks run in rounds, the three clients in turn in each (raw, prefetch on, prefetch off), after one round
 * not counted; the report gives each client's median and range, and the ratio of each library walk to the raw walk
 * of the same round (median and range). One page ahead hides what the client spends on a page (reading it,
 * handing it on) behind the wait for the next; it cannot hide the wait itself, so the gain is the client's share of
 * a sequential page.
 *
 * <p>Run: {@code java -cp images-benchmarks/target/benchmarks.jar
 * io.github.rackimages.benchmarks.PrefetchWalkHarness [images] [latencyMs] [rounds] [workNanosPerImage]} (defaults
 * 100000 60 5 0; the caller's work, a busy wait per image, is the same for the three clients). The
 * process-level figure (the command line cold, against the emulator's {@code --latency}) is in
 * {@code docs/PERFORMANCE.md}.
 */
public final class PrefetchWalkHarness {

  static final String RAW = "raw sequential client";
  static final String PREFETCH_ON = "library, prefetch on";
  static final String PREFETCH_OFF = "library, prefetch off";

  private PrefetchWalkHarness() {}

  /** Runs the harness with the arguments the class comment gives and prints the report. */
  public static void main(String[] args) {
    int images = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    Duration latency = Duration.ofMillis(args.length > 1 ? Long.parseLong(args[1]) : 60);
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    long work = args.length > 3 ? Long.parseLong(args[3]) : 0;
    System.out.print(report(run(images, latency, rounds, work), images, latency, work));
  }

  /**
   * Walks {@code rounds} counted rounds (plus one not counted) and returns each client's walk times in seconds, in
   * round order.
   *
   * @throws IllegalStateException if a walk sees another number of images than the catalog lists
   */
  static Map<String, double[]> run(int images, Duration latency, int rounds, long workNanosPerImage) {
    Map<String, double[]> seconds = new LinkedHashMap<>();
    for (String client : List.of(RAW, PREFETCH_ON, PREFETCH_OFF)) {
      seconds.put(client, new double[rounds]);
    }
    List<Image> all = ServiceImages.listed(images);
    long listed = all.size();
    try (LoopbackImagesServer server = LoopbackImagesServer.preRendered(all, HttpWalkBenchmark.PAGE_SIZE, false)) {
      server.latency(latency);
      HttpClient raw = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpImageCatalog on = HttpImageCatalog.builder().token(LoopbackImagesServer.TOKEN, server.endpoint()).build();
      HttpImageCatalog off =
          HttpImageCatalog.builder().token(LoopbackImagesServer.TOKEN, server.endpoint()).prefetch(false).build();
      for (int round = -1; round < rounds; round++) {
        for (String client : seconds.keySet()) {
          AtomicLong seen = new AtomicLong();
          long started = System.nanoTime();
          switch (client) {
            case RAW -> rawWalk(raw, server, id -> consume(seen, id, workNanosPerImage));
            case PREFETCH_ON ->
                on.stream(ImageFilter.all()).forEach(i -> consume(seen, i.id().value(), workNanosPerImage));
            default -> off.stream(ImageFilter.all()).forEach(i -> consume(seen, i.id().value(), workNanosPerImage));
          }
          double s = (System.nanoTime() - started) / 1e9;
          if (seen.get() != listed) {
            throw new IllegalStateException(client + " saw " + seen.get() + " images of " + listed);
          }
          if (round >= 0) {
            seconds.get(client)[round] = s;
          }
        }
      }
    }
    return seconds;
  }

  private static void rawWalk(HttpClient client, LoopbackImagesServer server, Consumer<String> ids) {
    try {
      RawClientWalk.walk(client, server.endpoint(), LoopbackImagesServer.TOKEN, HttpWalkBenchmark.PAGE_SIZE, ids);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** What the walk's caller does with an image: counts it, after {@code work} nanoseconds of busy work. */
  private static void consume(AtomicLong seen, String id, long work) {
    if (work > 0) {
      long until = System.nanoTime() + work;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
    }
    if (!id.isEmpty()) {
      seen.incrementAndGet();
    }
  }

  /** The markdown report of {@link #run}'s times. */
  static String report(Map<String, double[]> seconds, int images, Duration latency, long workNanosPerImage) {
    StringBuilder out = new StringBuilder();
    double[] raw = seconds.get(RAW);
    out.append(String.format(Locale.ROOT, "%n%,d images in pages of %d, %d ms latency per page, %,d ns of the"
        + " caller's work per image, %d rounds (one more not counted); seconds per walk, median (min-max)%n%n",
        images, HttpWalkBenchmark.PAGE_SIZE, latency.toMillis(), workNanosPerImage, raw.length));
    out.append("| client | walk s | ratio to the raw client, round by round |\n|---|---|---|\n");
    for (Map.Entry<String, double[]> e : seconds.entrySet()) {
      double[] s = e.getValue();
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < s.length; i++) {
        ratios.add(s[i] / raw[i]);
      }
      out.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", e.getKey(), spread(s),
          e.getKey().equals(RAW) ? "1" : spread(ratios.stream().mapToDouble(Double::doubleValue).toArray())));
    }
    return out.toString();
  }

  private static String spread(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double median = sorted.length % 2 == 1
        ? sorted[sorted.length / 2]
        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    return String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", median, sorted[0], sorted[sorted.length - 1]);
  }
}
