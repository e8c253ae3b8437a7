package io.github.rackimages.benchmarks;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Issue 5, benchmark 3: the in-memory adapter. A full walk ({@code stream}, pages of 1000) with no filter and with a
 * filter matching about 1% ({@link FakeCatalogs#filter}), at 100,000 and 1,000,000 images: the time should grow
 * linearly with the catalog. The baseline is the least any walk can do: a loop over the same {@code Image} objects
 * in a plain list, in service order, applying the same filter; it pays the same memory traffic (a catalog of a
 * million images does not fit in any cache, one of 100,000 nearly does) and nothing else.
 *
 * <p>Page costs are in {@link FakePageBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class FakeCatalogBenchmark {

  /** Images in the catalog (about 91% of them listed by default). */
  @Param({"100000", "1000000"})
  public int catalogSize;

  /** {@code none} or {@code onePercent}. */
  @Param({"none", "onePercent"})
  public String filter;

  private List<Image> images;
  private InMemoryImageCatalog catalog;
  private ImageFilter imageFilter;

  /** Builds the catalog and checks what the filter matches. */
  @Setup(Level.Trial)
  public void build() {
    images = SampleCatalogs.generated(catalogSize, ServiceImages.SEED);
    catalog = InMemoryImageCatalog.builder().images(images).build();
    imageFilter = FakeCatalogs.filter(filter);
    long matched = catalog.stream(imageFilter).count();
    long expected = images.stream().filter(imageFilter::matches).count();
    if (matched != expected) {
      throw new IllegalStateException("the walk listed " + matched + " images, the filter matches " + expected);
    }
    System.out.printf("%n[fake] filter %s lists %s%n", filter, FakeCatalogs.share(matched, catalogSize));
  }

  /** Every listed image through the port's lazy stream, one page of 1000 at a time. */
  @Benchmark
  public long walk(Blackhole bh) {
    long[] seen = new long[1];
    catalog.stream(imageFilter).forEach(image -> {
      bh.consume(image);
      seen[0]++;
    });
    return seen[0];
  }

  /** The same images from a plain list (already in service order), through the same filter: no paging at all. */
  @Benchmark
  public long baseline(Blackhole bh) {
    long seen = 0;
    for (Image image : images) {
      if (imageFilter.matches(image)) {
        bh.consume(image);
        seen++;
      }
    }
    return seen;
  }
}
