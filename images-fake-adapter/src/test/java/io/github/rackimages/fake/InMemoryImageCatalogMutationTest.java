package io.github.rackimages.fake;

import io.github.rackimages.tck.MutableClock;
import static io.github.rackimages.fake.InMemoryImageCatalogListingTest.active;
import static io.github.rackimages.fake.InMemoryImageCatalogListingTest.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InMemoryImageCatalogMutationTest {

  private static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");

  private static List<String> listedIds(InMemoryImageCatalog catalog, ImageFilter filter) {
    return catalog.list(filter, PageRequest.first()).items().stream().map(i -> i.id().value()).toList();
  }

  @Test
  void addMakesAnImageListedAndFindable() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 1));
    Image b = active("b", 2);

    catalog.add(b);

    assertThat(listedIds(catalog, ImageFilter.all())).containsExactly("b", "a");
    assertThat(catalog.find(ImageId.of("b"))).contains(b);
    assertThat(catalog.size()).isEqualTo(2);
  }

  @Test
  void addRefusesAnIdTheCatalogHoldsAndNamesIt() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 1));

    assertThatThrownBy(() -> catalog.add(active("a", 5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a");
    assertThat(catalog.find(ImageId.of("a"))).hasValueSatisfying(i -> assertThat(i.created()).isEqualTo(
        active("a", 1).created()));
  }

  @Test
  void addAllAddsEveryImageOrNone() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 1));

    assertThatThrownBy(() -> catalog.addAll(List.of(active("b", 2), active("a", 3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image id a");
    assertThatThrownBy(() -> catalog.addAll(List.of(active("c", 2), active("c", 3))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image id c");
    assertThat(catalog.images()).extracting(i -> i.id().value()).containsExactly("a");

    catalog.addAll(List.of(active("b", 2), active("c", 3)));

    assertThat(catalog.images()).extracting(i -> i.id().value()).containsExactly("c", "b", "a");
  }

  @Test
  void theBuilderRefusesTwoImagesWithOneId() {
    InMemoryImageCatalog.Builder builder = InMemoryImageCatalog.builder().image(active("x", 1)).image(active("x", 2));

    assertThatThrownBy(builder::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x");
  }

  @Test
  void putAddsANewImageOrReplacesAndMovesAnExistingOne() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 3), active("b", 2), active("c", 1));
    Image movedToTheEnd = active("a", 0);

    assertThat(catalog.put(active("d", 4))).isEmpty();
    assertThat(catalog.put(movedToTheEnd)).contains(active("a", 3));

    assertThat(listedIds(catalog, ImageFilter.all())).containsExactly("d", "b", "c", "a");
    assertThat(catalog.find(ImageId.of("a"))).contains(movedToTheEnd);
    assertThat(catalog.size()).isEqualTo(4);
  }

  @Test
  void replaceNeedsAnExistingImage() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 1));
    Image renamed = active("a", 1).toBuilder().name("renamed").build();

    assertThat(catalog.replace(renamed)).isEqualTo(active("a", 1));
    assertThat(catalog.find(ImageId.of("a"))).contains(renamed);
    assertThatThrownBy(() -> catalog.replace(active("zz", 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("zz");
  }

  @Test
  void replacingAnImageWithADeletedOneHidesItFromTheDefaultListing() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 2), active("b", 1));

    catalog.replace(image("a", 2, ImageStatus.ERROR));

    assertThat(listedIds(catalog, ImageFilter.all())).containsExactly("b");
    assertThat(listedIds(catalog, ImageFilter.builder().changesSince(Instant.EPOCH).build()))
        .containsExactly("a", "b");
  }

  @Test
  void deleteKeepsTheImageAsDeletedWithProgressZeroUpdatedByTheClock() {
    MutableClock clock = new MutableClock(NOW);
    Image saved = FakeImages.snapshot(FakeImages.serverIdFor("web01"), "nightly").build();
    InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().image(saved).clock(clock).build();
    clock.advance(Duration.ofMinutes(7));

    Image deleted = catalog.delete(saved.id());

    assertThat(deleted.status()).isEqualTo(ImageStatus.DELETED);
    assertThat(deleted.rawStatus()).isEqualTo("DELETED");
    assertThat(deleted.progress()).isZero();
    assertThat(deleted.updated()).contains(NOW.plus(Duration.ofMinutes(7)));
    // Every other field is kept.
    assertThat(deleted.toBuilder().status(ImageStatus.ACTIVE).progress(100).updated(saved.updated().orElseThrow())
            .build())
        .isEqualTo(saved);
    // The service answers 404 for a deleted image.
    assertThat(catalog.find(saved.id())).isEmpty();
    assertThat(catalog.list(ImageFilter.all(), PageRequest.first()).items()).isEmpty();
    assertThat(catalog.list(ImageFilter.builder().changesSince(NOW).build(), PageRequest.first()).items())
        .containsExactly(deleted);
    assertThat(catalog.list(ImageFilter.builder().changesSince(NOW.plus(Duration.ofMinutes(7))).build(),
            PageRequest.first()).items())
        .isEmpty();
  }

  @Test
  void deleteStampsWholeSecondsAsTheServiceDoes() {
    MutableClock clock = new MutableClock(NOW);
    InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().image(active("a", 1)).clock(clock).build();
    clock.advance(Duration.ofMillis(1_999).plusNanos(123));

    assertThat(catalog.delete(ImageId.of("a")).updated()).contains(NOW.plusSeconds(1));
  }

  @Test
  void deleteStampsWithAFixedClock() {
    InMemoryImageCatalog catalog =
        InMemoryImageCatalog.builder().image(active("a", 1)).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    assertThat(catalog.delete(ImageId.of("a")).updated()).contains(NOW);
    assertThat(catalog.clock().instant()).isEqualTo(NOW);
  }

  @Test
  void deleteRefusesAnUnknownOrAlreadyDeletedImage() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 1));
    catalog.delete(ImageId.of("a"));

    assertThatThrownBy(() -> catalog.delete(ImageId.of("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a is already deleted");
    assertThatThrownBy(() -> catalog.delete(ImageId.of("nope")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void aDeletedImageStopsBeingAValidMarkerForTheDefaultListing() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 2), active("b", 1));
    PageRequest afterA = PageRequest.after(PageMarker.of("a"), 10);
    assertThat(catalog.list(ImageFilter.all(), afterA).items()).hasSize(1);

    catalog.delete(ImageId.of("a"));

    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), afterA)).hasMessageContaining("marker [a] not found");
  }

  @Test
  void removePurgesAnImageEntirely() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 2), active("b", 1));

    assertThat(catalog.remove(ImageId.of("a"))).contains(active("a", 2));
    assertThat(catalog.remove(ImageId.of("a"))).isEmpty();

    assertThat(catalog.find(ImageId.of("a"))).isEmpty();
    assertThat(listedIds(catalog, ImageFilter.builder().changesSince(Instant.EPOCH).build())).containsExactly("b");
    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.after(PageMarker.of("a"), 10)))
        .hasMessageContaining("marker [a] not found");
  }

  @Test
  void clearEmptiesTheCatalogButKeepsCountsAndFaults() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 2), active("b", 1));
    catalog.find(ImageId.of("a"));
    catalog.failNext(Faults.serviceFault());

    catalog.clear();

    assertThat(catalog.size()).isZero();
    assertThat(catalog.images()).isEmpty();
    assertThat(catalog.callCount()).isEqualTo(1);
    assertThat(catalog.pendingFaults()).isEqualTo(1);
  }

  @Test
  void imagesListsEverythingHeldInServiceOrderAsASnapshot() {
    InMemoryImageCatalog catalog =
        InMemoryImageCatalog.of(active("a", 1), image("d", 3, ImageStatus.DELETED), active("c", 2));

    List<Image> images = catalog.images();
    catalog.add(active("z", 9));

    assertThat(images).extracting(i -> i.id().value()).containsExactly("d", "c", "a");
    assertThatThrownBy(() -> images.add(active("q", 1))).isInstanceOf(UnsupportedOperationException.class);
    assertThat(catalog.size()).isEqualTo(4);
  }

  @Test
  void mutationsRejectNulls() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.empty();

    assertThatThrownBy(() -> catalog.add(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> catalog.addAll(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> catalog.put(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> catalog.replace(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> catalog.delete(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> catalog.remove(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> InMemoryImageCatalog.builder().clock(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> InMemoryImageCatalog.builder().image(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> InMemoryImageCatalog.of((Image) null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theBuilderTakesImagesInAnyOrderAndFromSeveralCalls() {
    InMemoryImageCatalog catalog =
        InMemoryImageCatalog.builder().image(active("a", 1)).images(List.of(active("c", 3), active("b", 2))).build();

    assertThat(catalog.images()).extracting(i -> i.id().value()).containsExactly("c", "b", "a");
    assertThat(catalog).hasToString("InMemoryImageCatalog[3 images]");
  }
}
