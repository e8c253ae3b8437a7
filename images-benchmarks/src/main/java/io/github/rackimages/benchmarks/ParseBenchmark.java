package io.github.rackimages.benchmarks;

import io.github.rackimages.core.Image;
import io.github.rackimages.nova.json.NovaJson;
import io.github.rackimages.nova.json.WireList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 5, benchmark 1: parsing one page of 1000 detailed images (about 2 MB, as the service writes them) into
 * domain objects with the library's wire format ({@link NovaJson#readDetailList}), against Parsson's streaming
 * parser reading the same fields of the same bytes without building anything ({@link BaselineReader}).
 *
 * <p>Throughput in pages per second; MB/s is that times {@link #pageMegabytes} (printed at setup). Target: the library
 * reaches at least half the baseline's throughput.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParseBenchmark {

  /** Images on the page: the service's largest page. */
  public static final int PAGE_SIZE = 1000;

  private byte[] page;
  private NovaJson json;
  private BaselineReader baseline;

  /** Renders the page once, as the service would send it, with a next link. */
  @Setup(Level.Trial)
  public void render() {
    json = new NovaJson();
    baseline = new BaselineReader();
    List<Image> images = ServiceImages.listed(PAGE_SIZE);
    ByteArrayOutputStream out = new ByteArrayOutputStream(3 << 20);
    String last = images.get(images.size() - 1).id().value();
    json.writeDetailList(
        images,
        "https://dfw.servers.api.rackspacecloud.com/v2/123456/images/detail?limit=1000&marker=" + last,
        out);
    page = out.toByteArray();
    // Both readers must see the same page; a baseline that saw fewer images would flatter the library.
    int parsed = json.readDetailList(new ByteArrayInputStream(page)).items().size();
    int counted = baseline.read(new ByteArrayInputStream(page)).images();
    if (parsed != PAGE_SIZE || counted != PAGE_SIZE) {
      throw new IllegalStateException("library read " + parsed + ", baseline " + counted + " of " + PAGE_SIZE);
    }
    System.out.printf("%n[parse] page of %d images: %d bytes (%.3f MB)%n", PAGE_SIZE, page.length, pageMegabytes());
  }

  /** Releases the wire format's JSON-B instance. */
  @TearDown(Level.Trial)
  public void close() {
    json.close();
  }

  /** The page's size in MB (10^6 bytes), to turn pages/s into MB/s. */
  public double pageMegabytes() {
    return page.length / 1e6;
  }

  /** The library: bytes to {@code Image}s, with validation, as the HTTP adapter reads every page. */
  @Benchmark
  public WireList<Image> library() {
    return json.readDetailList(new ByteArrayInputStream(page));
  }

  /** The baseline: Parsson's events, every key and value read, nothing built. */
  @Benchmark
  public BaselineReader.Result baseline() {
    return baseline.read(new ByteArrayInputStream(page));
  }
}
