package io.github.rackimages.benchmarks;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.http.HttpImageCatalog;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 5, benchmark 2: walking a catalog over HTTP, {@code stream()} over detailed images in pages of 1000
 * served on loopback, against {@link BaselineClient} ({@code HttpClient} + Parsson) following the same pages and
 * reading the same fields. The server answers from pages rendered once at setup ({@link
 * LoopbackImagesServer#preRendered}), so its own cost is one write of bytes per page.
 *
 * <p>Time per full walk. Target: the library takes at most 1.3 times the baseline's time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class HttpWalkBenchmark {

  /** Images served (the default listing of a generated catalog), in pages of {@link #PAGE_SIZE}. */
  @Param({"10000", "100000"})
  public int catalogSize;

  /** Images per page: the service's largest page. */
  public static final int PAGE_SIZE = 1000;

  private LoopbackImagesServer server;
  private HttpImageCatalog catalog;
  private BaselineClient baseline;

  /** Renders the pages, starts the server and checks that both clients see every image. */
  @Setup(Level.Trial)
  public void start() {
    List<Image> images = ServiceImages.listed(catalogSize);
    server = LoopbackImagesServer.preRendered(images, PAGE_SIZE, false);
    catalog = HttpImageCatalog.builder().token(LoopbackImagesServer.TOKEN, server.endpoint()).build();
    baseline = new BaselineClient(server.endpoint(), LoopbackImagesServer.TOKEN, PAGE_SIZE);
    long seen = catalog.stream(ImageFilter.all()).count();
    long counted = baseline.walk().images();
    if (seen != catalogSize || counted != catalogSize) {
      throw new IllegalStateException("library saw " + seen + ", baseline " + counted + " of " + catalogSize);
    }
    System.out.printf(
        "%n[http] %d images in %d pages, %.1f MB served per walk from %s%n",
        catalogSize, server.pageCount(), server.pageBytes() / 1e6, server.endpoint());
  }

  /** Stops the server. */
  @TearDown(Level.Trial)
  public void stop() {
    server.close();
  }

  /** The library: {@code HttpImageCatalog.stream(ImageFilter.all())}, every image consumed. */
  @Benchmark
  public long library(Blackhole bh) {
    long[] seen = new long[1];
    catalog.stream(ImageFilter.all()).forEach(image -> {
      bh.consume(image);
      seen[0]++;
    });
    return seen[0];
  }

  /** The baseline: the JDK's HttpClient and Parsson, the same requests, every field read, nothing built. */
  @Benchmark
  public BaselineClient.Walk baseline() {
    return baseline.walk();
  }
}
