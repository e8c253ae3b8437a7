package io.github.rackimages.fake;

import static io.github.rackimages.fake.InMemoryImageCatalogListingTest.active;
import static io.github.rackimages.fake.InMemoryImageCatalogListingTest.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.PageRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageIndexTest {

  private static final ImageFilter WITH_DELETED =
      ImageFilter.builder().changesSince(Instant.parse("2000-01-01T00:00:00Z")).build();

  private static List<String> pageIds(ImageIndex index, ImageFilter filter) {
    return index.page(filter, PageRequest.first(10)).items().stream().map(i -> i.id().value()).toList();
  }

  @Test
  void everyIndexFollowsTheEditorsInsertsAndUnlinks() {
    Image deleted = image("d", 4, ImageStatus.DELETED);
    ImageIndex index = new ImageIndex(List.of(active("a", 1), image("s", 2, ImageStatus.SAVING), deleted));

    assertThat(pageIds(index, ImageFilter.all())).containsExactly("s", "a");
    assertThat(pageIds(index, WITH_DELETED)).containsExactly("d", "s", "a");

    index.write(
        edit -> {
          edit.unlink(edit.get(ImageId.of("s")));
          edit.insert(active("b", 3));
          return null;
        });

    assertThat(pageIds(index, ImageFilter.all())).containsExactly("b", "a");
    assertThat(pageIds(index, WITH_DELETED)).containsExactly("d", "b", "a");
    assertThat(index.find(ImageId.of("s"))).isEmpty();
    // Held (a changes-since listing shows it) but not found, as the service answers 404 for a deleted image.
    assertThat(index.find(ImageId.of("d"))).isEmpty();
    assertThat(index.size()).isEqualTo(3);
  }

  @Test
  void insertAllWithARepeatedIdLeavesTheIndexAsItWas() {
    ImageIndex index = new ImageIndex(List.of(active("a", 1)));

    assertThatThrownBy(() -> index.write(edit -> {
          edit.insertAll(List.of(active("b", 2), active("a", 3)));
          return null;
        }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image id a");

    assertThat(index.find(ImageId.of("b"))).isEmpty();
    assertThat(index.snapshot()).extracting(i -> i.id().value()).containsExactly("a");
  }

  @Test
  void aRepeatedIdInTheInitialImagesIsRefused() {
    assertThatThrownBy(() -> new ImageIndex(List.of(active("a", 1), active("a", 2))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("image id a");
  }

  @Test
  void aSnapshotDoesNotChangeWithLaterWrites() {
    ImageIndex index = new ImageIndex(List.of(active("a", 1)));
    List<Image> before = index.snapshot();

    index.write(
        edit -> {
          edit.clear();
          return null;
        });

    assertThat(before).extracting(i -> i.id().value()).containsExactly("a");
    assertThat(index.snapshot()).isEmpty();
    assertThat(index.size()).isZero();
  }
}
