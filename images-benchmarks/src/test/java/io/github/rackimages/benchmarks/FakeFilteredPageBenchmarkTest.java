package io.github.rackimages.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A smoke test of {@link FakeFilteredPageBenchmark}: its setup and one call of each benchmark, on 3000 images. */
class FakeFilteredPageBenchmarkTest {

  private static final int SIZE = 3000;

  static List<String> filters() {
    return FakeCatalogs.FIELD_FILTERS;
  }

  private static FakeFilteredPageBenchmark built(String filter) {
    FakeFilteredPageBenchmark benchmark = new FakeFilteredPageBenchmark();
    benchmark.catalogSize = SIZE;
    benchmark.filter = filter;
    benchmark.build();
    return benchmark;
  }

  @ParameterizedTest
  @MethodSource("filters")
  void firstAndLastPagesHoldImagesTheFilterMatches(String filter) {
    FakeFilteredPageBenchmark benchmark = built(filter);
    ImageFilter imageFilter = FakeCatalogs.fieldFilter(filter);

    Page<Image> first = benchmark.firstPage();
    Page<Image> last = benchmark.lastPage();

    assertThat(first.items()).isNotEmpty().allMatch(imageFilter::matches);
    assertThat(last.items()).isNotEmpty().allMatch(imageFilter::matches);
    assertThat(last.hasNext()).isFalse();
  }

  @Test
  void theRareFiltersMatchTheRareSnapshotsOnly() {
    assertThat(built("serverRare").firstPage().items()).hasSize(FakeCatalogs.RARE_SNAPSHOTS);
    assertThat(built("nameRare").firstPage().items())
        .singleElement()
        .satisfies(image -> assertThat(image.name()).contains(FakeCatalogs.RARE_NAME));
  }
}
