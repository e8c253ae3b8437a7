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
 * Performance target 4, the fake at scale: the first and the last page (of 1000) of a catalog of 1,000,000 images,
 * unfiltered ({@code none}) and filtered on each field the fake indexes (status, server, type, name), with a value
 * that is common and one that is rare ({@link FakeCatalogs#FIELD_FILTERS}). Target: every filtered page costs at most
 * twice the unfiltered page at the same position.
 *
 * <p>The catalog is the generated one plus {@link FakeCatalogs#RARE_SNAPSHOTS} snapshots of a server of their own,
 * spread over its time span. A rare filter has one page, so its first and last pages are the same.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class FakeFilteredPageBenchmark {

  /** Images generated (the rare snapshots come on top). */
  @Param({"1000000"})
  public int catalogSize;

  /** One of {@link FakeCatalogs#FIELD_FILTERS}. */
  @Param({"none", "statusCommon", "statusRare", "serverCommon", "serverRare", "typeCommon", "typeRare",
      "nameCommon", "nameRare"})
  public String filter;

  private InMemoryImageCatalog catalog;
  private ImageFilter imageFilter;
  private PageRequest first;
  private PageRequest last;

  /** Builds the catalog and finds the marker of the last page with images by walking the listing once. */
  @Setup(Level.Trial)
  public void build() {
    catalog = FakeCatalogs.withRareSnapshots(FakeCatalogs.generated(catalogSize), catalogSize);
    imageFilter = FakeCatalogs.fieldFilter(filter);
    List<PageRequest> requests = FakeCatalogs.requests(catalog, imageFilter, PageRequest.MAX_LIMIT);
    // A listing of exactly N * 1000 ends with an empty page, which costs nothing: take the one before.
    int lastIndex = requests.size() - 1;
    if (lastIndex > 0 && catalog.list(imageFilter, requests.get(lastIndex)).isEmpty()) {
      lastIndex--;
    }
    first = requests.get(0);
    last = requests.get(lastIndex);
    long matched = (long) lastIndex * PageRequest.MAX_LIMIT + catalog.list(imageFilter, last).size();
    System.out.printf(
        "%n[fake] filter %s (%s) lists %s in %d pages%n",
        filter, imageFilter, FakeCatalogs.share(matched, catalog.size()), lastIndex + 1);
  }

  /** The first page. */
  @Benchmark
  public Page<Image> firstPage() {
    return catalog.list(imageFilter, first);
  }

  /** The last page that holds images. */
  @Benchmark
  public Page<Image> lastPage() {
    return catalog.list(imageFilter, last);
  }
}
