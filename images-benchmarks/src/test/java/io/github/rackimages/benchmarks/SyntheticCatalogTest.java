package io.github.rackimages.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticCatalogTest {

  @Test
  void idsEncodeTheIndexAsAVersionFourUuid() {
    ImageId id = SyntheticCatalog.idOf(42);

    assertThat(id.value()).isEqualTo("00000000-0000-4000-8000-000000000042");
    assertThat(UUID.fromString(id.value()).version()).isEqualTo(4);
    assertThat(SyntheticCatalog.indexOf(id)).contains(42L);
    assertThat(SyntheticCatalog.indexOf(SyntheticCatalog.idOf(999_999_999_999L))).contains(999_999_999_999L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"6455fff1-6d80-4a08-a7c8-4a6c0d9b8c1a", "00000000-0000-4000-8000-00000000004x", "short"})
  void idsOfOtherCatalogsEncodeNoIndex(String id) {
    assertThat(SyntheticCatalog.indexOf(ImageId.of(id))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {-1, 1_000_000_000_000L})
  void refusesIndexesWithoutTwelveDigits(long index) {
    assertThatThrownBy(() -> SyntheticCatalog.idOf(index))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Long.toString(index));
    assertThatThrownBy(() -> SyntheticCatalog.ofSize(index))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Long.toString(index));
  }

  @Test
  void imagesAreInServiceOrderAndListedByDefault() {
    List<Image> images = List.of(SyntheticCatalog.image(0), SyntheticCatalog.image(1), SyntheticCatalog.image(2));

    assertThat(images).isSortedAccordingTo(Image.serviceOrder());
    assertThat(images).allSatisfy(image -> {
      assertThat(image.status()).isEqualTo(ImageStatus.ACTIVE);
      assertThat(ImageFilter.all().matches(image)).isTrue();
    });
    assertThat(images.get(1).name()).contains("synthetic-1");
  }

  @Test
  void pagesFollowEachOtherWithoutGapOrRepeat() {
    SyntheticCatalog catalog = SyntheticCatalog.ofSize(25);

    Page<Image> first = catalog.list(ImageFilter.all(), PageRequest.first(10));
    Page<Image> second = catalog.list(ImageFilter.all(), PageRequest.first(10).next(first.nextMarker().orElseThrow()));
    Page<Image> third = catalog.list(ImageFilter.all(), PageRequest.first(10).next(second.nextMarker().orElseThrow()));

    assertThat(indexes(first)).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(indexes(second)).startsWith(10L).endsWith(19L).hasSize(10);
    assertThat(indexes(third)).containsExactly(20L, 21L, 22L, 23L, 24L);
    assertThat(third.hasNext()).isFalse();
  }

  @Test
  void aCatalogOfWholePagesEndsWithAnEmptyPage() {
    SyntheticCatalog catalog = SyntheticCatalog.ofSize(20);

    Page<Image> second = catalog.list(ImageFilter.all(), PageRequest.after(PageMarker.after(SyntheticCatalog.idOf(9)), 10));
    Page<Image> third = catalog.list(ImageFilter.all(), PageRequest.first(10).next(second.nextMarker().orElseThrow()));

    assertThat(second.hasNext()).isTrue();
    assertThat(third.items()).isEmpty();
    assertThat(third.hasNext()).isFalse();
  }

  @Test
  void streamDeliversEveryImageOnceInOrder() {
    SyntheticCatalog catalog = SyntheticCatalog.ofSize(2_345);

    List<Long> indexes =
        catalog.stream(ImageFilter.all())
            .map(image -> SyntheticCatalog.indexOf(image.id()).orElseThrow())
            .collect(Collectors.toList());

    assertThat(indexes).hasSize(2_345).isSorted().doesNotHaveDuplicates();
    assertThat(indexes.get(2_344)).isEqualTo(2_344L);
  }

  @Test
  void otherFiltersAreAppliedImageByImage() {
    SyntheticCatalog catalog = SyntheticCatalog.ofSize(50);

    Page<Image> named = catalog.list(ImageFilter.builder().name("synthetic-37").build(), PageRequest.first(10));
    Page<Image> noMatch = catalog.list(ImageFilter.builder().status(ImageStatus.ACTIVE).minRam(1).build(), PageRequest.first(10));

    assertThat(indexes(named)).containsExactly(37L);
    assertThat(noMatch.items()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"00000000-0000-4000-8000-000000000050", "6455fff1-6d80-4a08-a7c8-4a6c0d9b8c1a"})
  void refusesAMarkerItDoesNotHoldAsTheServiceDoes(String marker) {
    SyntheticCatalog catalog = SyntheticCatalog.ofSize(50);

    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.after(PageMarker.of(marker), 10)))
        .isInstanceOf(ImageCatalogBadRequestException.class)
        .hasMessageContaining(marker)
        .satisfies(e -> assertThat(((ImageCatalogBadRequestException) e).details().statusCode()).hasValue(400));
  }

  @Test
  void findsImagesItHoldsOnly() {
    SyntheticCatalog catalog = SyntheticCatalog.ofSize(50);

    assertThat(catalog.find(SyntheticCatalog.idOf(49))).contains(SyntheticCatalog.image(49));
    assertThat(catalog.find(SyntheticCatalog.idOf(50))).isEmpty();
    assertThat(catalog.listSummaries(ImageFilter.all(), PageRequest.first(2)).items())
        .containsExactly(SyntheticCatalog.image(0).toSummary(), SyntheticCatalog.image(1).toSummary());
  }

  private static List<Long> indexes(Page<Image> page) {
    return page.items().stream().map(image -> SyntheticCatalog.indexOf(image.id()).orElseThrow()).toList();
  }
}
