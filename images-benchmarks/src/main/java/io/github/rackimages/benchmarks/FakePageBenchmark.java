package io.github.rackimages.benchmarks;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.fake.InMemoryImageCatalog;
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

/**
 * Issue 5, benchmark 3 (continued): the cost of single pages of a catalog of 1,000,000 images: the first, the middle and the last of a full walk
 * (pages of 1000), with and without the filter. Target: the last page costs no more than twice the first.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class FakePageBenchmark {

  /** Images in the catalog. */
  @Param({"1000000"})
  public int catalogSize;

  /** {@code none} or {@code onePercent}. */
  @Param({"none", "onePercent"})
  public String filter;

  private InMemoryImageCatalog catalog;
  private ImageFilter imageFilter;
  private PageRequest first;
  private PageRequest middle;
  private PageRequest last;

  /** Builds the catalog and finds the markers of the first, middle and last pages with single list calls. */
  @Setup(Level.Trial)
  public void build() {
    catalog = FakeCatalogs.generated(catalogSize);
    imageFilter = FakeCatalogs.filter(filter);
    List<PageRequest> requests = FakeCatalogs.requests(catalog, imageFilter, PageRequest.MAX_LIMIT);
    // The last page with images: a listing of exactly N * 1000 ends with an empty page, which costs nothing.
    int lastIndex = requests.size() - 1;
    if (lastIndex > 0 && catalog.list(imageFilter, requests.get(lastIndex)).isEmpty()) {
      lastIndex--;
    }
    first = requests.get(0);
    middle = requests.get(lastIndex / 2);
    last = requests.get(lastIndex);
    System.out.printf(
        "%n[fake] filter %s: %d pages; middle is page %d, last page %d holds %d images%n",
        filter, requests.size(), lastIndex / 2, lastIndex, catalog.list(imageFilter, last).size());
  }

  /** The first page. */
  @Benchmark
  public Page<Image> firstPage() {
    return catalog.list(imageFilter, first);
  }

  /** The page in the middle of the walk. */
  @Benchmark
  public Page<Image> middlePage() {
    return catalog.list(imageFilter, middle);
  }

  /** The last page that holds images. */
  @Benchmark
  public Page<Image> lastPage() {
    return catalog.list(imageFilter, last);
  }
}
