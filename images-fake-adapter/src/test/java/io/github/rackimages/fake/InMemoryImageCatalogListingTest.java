package io.github.rackimages.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.core.ServerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InMemoryImageCatalogListingTest {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  static Image image(String id, int minute, ImageStatus status) {
    return Image.builder(ImageId.of(id), T0.plusSeconds(60L * minute))
        .name("image " + id)
        .status(status)
        .updated(T0.plusSeconds(60L * minute + 30))
        .metadata(ImageMetadata.ofStrings(Map.of("image_type", "base")))
        .build();
  }

  static Image active(String id, int minute) {
    return image(id, minute, ImageStatus.ACTIVE);
  }

  private static List<String> ids(Page<Image> page) {
    return page.items().stream().map(i -> i.id().value()).collect(Collectors.toList());
  }

  @Test
  void listsNewestFirstAndBreaksTiesByIdDescending() {
    InMemoryImageCatalog catalog =
        InMemoryImageCatalog.of(active("b", 1), active("a", 3), active("c", 1), active("d", 2), active("e", 3));

    Page<Image> page = catalog.list(ImageFilter.all(), PageRequest.first(10));

    assertThat(ids(page)).containsExactly("e", "a", "d", "c", "b");
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void defaultListingShowsOnlyActiveAndSavingImages() {
    InMemoryImageCatalog catalog =
        InMemoryImageCatalog.of(
            image("active", 5, ImageStatus.ACTIVE),
            image("saving", 4, ImageStatus.SAVING),
            image("deleted", 3, ImageStatus.DELETED),
            image("error", 2, ImageStatus.ERROR),
            image("unknown", 1, ImageStatus.UNKNOWN));

    assertThat(ids(catalog.list(ImageFilter.all(), PageRequest.first()))).containsExactly("active", "saving");
  }

  @Test
  void changesSinceListsEveryImageChangedStrictlyAfterItDeletedAndErrorIncluded() {
    InMemoryImageCatalog catalog =
        InMemoryImageCatalog.of(
            image("active", 5, ImageStatus.ACTIVE),
            image("deleted", 4, ImageStatus.DELETED),
            image("error", 3, ImageStatus.ERROR),
            image("old", 1, ImageStatus.ACTIVE));
    // "old" was updated at minute 1:30 exactly: not strictly after.
    ImageFilter since = ImageFilter.builder().changesSince(T0.plusSeconds(90)).build();

    assertThat(ids(catalog.list(since, PageRequest.first()))).containsExactly("active", "deleted", "error");
  }

  static Stream<Arguments> filters() {
    ServerId web01 = FakeImages.serverIdFor("web01");
    return Stream.of(
        Arguments.of(ImageFilter.all(), 55),
        Arguments.of(ImageFilter.builder().type(ImageType.SNAPSHOT).build(), 18),
        Arguments.of(ImageFilter.builder().type(ImageType.BASE).build(), 37),
        Arguments.of(ImageFilter.builder().server(web01).build(), 6),
        Arguments.of(
            ImageFilter.builder().server(FakeImages.serverReference(web01).links().get(0).href()).build(), 6),
        // The sample has one SAVING image at 50% (glance saving) and one at 25% (glance queued).
        Arguments.of(ImageFilter.builder().status(ImageStatus.SAVING).build(), 1),
        Arguments.of(ImageFilter.builder().glanceStatus("queued").build(), 1),
        Arguments.of(ImageFilter.builder().changesSince(Instant.EPOCH).glanceStatus("killed").build(), 2),
        Arguments.of(ImageFilter.builder().glanceStatus("error").changesSince(Instant.EPOCH).build(), 0),
        Arguments.of(ImageFilter.builder().property("os_type", "windows").build(), 15),
        Arguments.of(ImageFilter.builder().name("Debian 12 (Bookworm)").build(), 1),
        Arguments.of(ImageFilter.builder().minDisk(40).build(), 18),
        Arguments.of(ImageFilter.builder().minRam(4096).build(), 4),
        Arguments.of(ImageFilter.builder().changesSince(Instant.EPOCH).build(), 60),
        Arguments.of(
            ImageFilter.builder().changesSince(Instant.EPOCH).status(ImageStatus.DELETED).build(), 3),
        Arguments.of(
            ImageFilter.builder().changesSince(Instant.parse("2025-06-25T00:00:00Z")).type(ImageType.SNAPSHOT)
                .build(),
            12));
  }

  @ParameterizedTest
  @MethodSource("filters")
  void everyFilterListsExactlyWhatImageFilterMatchesInServiceOrder(ImageFilter filter, int expectedCount) {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).build();
    List<Image> expected =
        SampleCatalogs.rackspace().stream().filter(filter::matches).sorted(Image.serviceOrder()).toList();

    List<Image> walked;
    try (Stream<Image> stream = catalog.stream(filter, PageRequest.first(7))) {
      walked = stream.toList();
    }

    assertThat(walked).hasSize(expectedCount).containsExactlyElementsOf(expected);
  }

  @Test
  void pageHoldsAtMostTheLimitAndHasANextMarkerExactlyWhenFull() {
    InMemoryImageCatalog catalog =
        InMemoryImageCatalog.of(active("a", 5), active("b", 4), active("c", 3), active("d", 2), active("e", 1));

    Page<Image> first = catalog.list(ImageFilter.all(), PageRequest.first(2));
    Page<Image> second = catalog.list(ImageFilter.all(), PageRequest.after(first.nextMarker().orElseThrow(), 2));
    Page<Image> third = catalog.list(ImageFilter.all(), PageRequest.after(second.nextMarker().orElseThrow(), 2));

    assertThat(ids(first)).containsExactly("a", "b");
    assertThat(first.nextMarker()).contains(PageMarker.of("b"));
    assertThat(ids(second)).containsExactly("c", "d");
    assertThat(second.nextMarker()).contains(PageMarker.of("d"));
    assertThat(ids(third)).containsExactly("e");
    assertThat(third.hasNext()).isFalse();
  }

  @Test
  void aCatalogOfExactlyTwoFullPagesEndsWithAnEmptyPage() {
    InMemoryImageCatalog catalog =
        InMemoryImageCatalog.of(active("a", 4), active("b", 3), active("c", 2), active("d", 1));

    Page<Image> second = catalog.list(ImageFilter.all(), PageRequest.after(PageMarker.of("b"), 2));
    Page<Image> third = catalog.list(ImageFilter.all(), PageRequest.after(second.nextMarker().orElseThrow(), 2));

    assertThat(second.nextMarker()).contains(PageMarker.of("d"));
    assertThat(third.items()).isEmpty();
    assertThat(third.hasNext()).isFalse();
  }

  @Test
  void anEmptyCatalogGivesAnEmptyLastPage() {
    Page<Image> page = InMemoryImageCatalog.empty().list(ImageFilter.all(), PageRequest.first(1));

    assertThat(page.items()).isEmpty();
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void aFilteredPageFillsUpFromFurtherDownTheCatalog() {
    List<Image> images = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      images.add(image(String.format("i%02d", i), 100 - i, i % 10 == 0 ? ImageStatus.SAVING : ImageStatus.ACTIVE));
    }
    InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().images(images).build();
    ImageFilter saving = ImageFilter.builder().status(ImageStatus.SAVING).build();

    Page<Image> first = catalog.list(saving, PageRequest.first(3));
    Page<Image> second = catalog.list(saving, PageRequest.after(first.nextMarker().orElseThrow(), 3));

    assertThat(ids(first)).containsExactly("i00", "i10", "i20");
    assertThat(ids(second)).containsExactly("i30", "i40");
    assertThat(second.hasNext()).isFalse();
  }

  @Test
  void anUnknownMarkerIsABadRequestNamingIt() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 1));

    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.after(PageMarker.of("nope"), 10)))
        .isInstanceOfSatisfying(
            ImageCatalogBadRequestException.class,
            e -> {
              assertThat(e.getMessage()).contains("marker [nope] not found");
              assertThat(e.statusCode()).hasValue(400);
              assertThat(e.faultName()).contains("badRequest");
              assertThat(e.serviceMessage()).contains("marker [nope] not found");
              assertThat(e.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req-"));
              assertThat(e.isRetryable()).isFalse();
            });
  }

  @Test
  void anUnknownMarkerIsRefusedBySummaryListingsToo() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 1));

    assertThatThrownBy(() -> catalog.listSummaries(ImageFilter.all(), PageRequest.after(PageMarker.of("x"), 10)))
        .isInstanceOf(ImageCatalogBadRequestException.class)
        .hasMessageContaining("marker [x] not found");
  }

  @Test
  void aDeletedImageIsAnUnknownMarkerWithoutChangesSinceButValidWithIt() {
    InMemoryImageCatalog catalog =
        InMemoryImageCatalog.of(active("a", 3), image("gone", 2, ImageStatus.DELETED), active("c", 1));
    PageRequest afterGone = PageRequest.after(PageMarker.of("gone"), 10);

    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), afterGone))
        .isInstanceOf(ImageCatalogBadRequestException.class)
        .hasMessageContaining("marker [gone] not found");
    assertThat(ids(catalog.list(ImageFilter.builder().changesSince(Instant.EPOCH).build(), afterGone)))
        .containsExactly("c");
  }

  @Test
  void aMarkerImageTheFilterExcludesIsValidAndThePageStartsAfterItsPosition() {
    InMemoryImageCatalog catalog =
        InMemoryImageCatalog.of(
            active("a", 5), image("saving", 4, ImageStatus.SAVING), active("c", 3), image("failed", 2,
                ImageStatus.ERROR), active("e", 1));
    ImageFilter savingOnly = ImageFilter.builder().status(ImageStatus.ACTIVE).build();

    assertThat(ids(catalog.list(savingOnly, PageRequest.after(PageMarker.of("saving"), 10))))
        .containsExactly("c", "e");
    // An ERROR image is hidden from the default listing but, unlike a deleted one, still a position.
    assertThat(ids(catalog.list(ImageFilter.all(), PageRequest.after(PageMarker.of("failed"), 10))))
        .containsExactly("e");
  }

  @Test
  void theLastImageAsMarkerGivesAnEmptyLastPage() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 2), active("b", 1));

    Page<Image> page = catalog.list(ImageFilter.all(), PageRequest.after(PageMarker.of("b"), 10));

    assertThat(page.items()).isEmpty();
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void findReturnsAnImageItHoldsAndEmptyForADeletedOrUnknownId() {
    Image deleted = image("gone", 1, ImageStatus.DELETED);
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 2), deleted);

    assertThat(catalog.find(ImageId.of("gone"))).isEmpty();
    assertThat(catalog.find(ImageId.of("a"))).hasValueSatisfying(i -> assertThat(i.name()).contains("image a"));
    assertThat(catalog.find(ImageId.of("never"))).isEmpty();
  }

  @Test
  void summaryPagesAreTheDetailPagesMappedToSummaries() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).build();
    ImageFilter snapshots = ImageFilter.builder().type(ImageType.SNAPSHOT).build();

    Page<Image> details = catalog.list(snapshots, PageRequest.first(5));
    Page<ImageSummary> summaries = catalog.listSummaries(snapshots, PageRequest.first(5));

    assertThat(summaries.items()).containsExactlyElementsOf(details.items().stream().map(Image::toSummary).toList());
    assertThat(summaries.nextMarker()).isEqualTo(details.nextMarker()).isPresent();
    Page<ImageSummary> last = catalog.listSummaries(snapshots, PageRequest.after(details.nextMarker().get(), 1000));
    assertThat(last.hasNext()).isFalse();
    assertThat(last.items()).hasSize(18 - 5);
  }

  @Test
  void aReturnedPageDoesNotChangeWhenTheCatalogDoes() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 2), active("b", 1));
    Page<Image> page = catalog.list(ImageFilter.all(), PageRequest.first(10));

    catalog.add(active("c", 3));
    catalog.remove(ImageId.of("a"));

    assertThat(ids(page)).containsExactly("a", "b");
  }

  @Test
  void nullArgumentsAreRejectedBeforeTheCallAndNotCounted() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 1));
    catalog.failNext(Faults.serviceFault());

    assertThatThrownBy(() -> catalog.list(null, PageRequest.first())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> catalog.listSummaries(null, PageRequest.first()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> catalog.listSummaries(ImageFilter.all(), null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> catalog.find(null)).isInstanceOf(NullPointerException.class);

    assertThat(catalog.callCount()).isZero();
    assertThat(catalog.pendingFaults()).isEqualTo(1);
  }

  @Test
  void aGeneratedCatalogIsWalkedWholeInItsOwnOrder() {
    List<Image> generated = SampleCatalogs.generated(2_345, 7);
    InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().images(generated).build();

    List<Image> everything;
    try (Stream<Image> stream = catalog.stream(ImageFilter.builder().changesSince(Instant.EPOCH).build())) {
      everything = stream.toList();
    }

    assertThat(everything).containsExactlyElementsOf(generated);
    assertThat(catalog.callCount()).isEqualTo(3);
  }
}
