package io.github.rackimages.tck;

import static io.github.rackimages.tck.ContractAssertions.assertSameImage;
import static io.github.rackimages.tck.ContractImages.RETIRED;
import static io.github.rackimages.tck.ContractImages.UBUNTU;
import static io.github.rackimages.tck.ContractImages.hour;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageStatus;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code find(id)}: any known image, whatever its status, with every field; empty for an unknown id. Runs as
 * {@code ImageCatalogContract.Find}.
 */
abstract class FindContract extends ContractTopic {

  private final ImageCatalog zoo = catalogOf(ContractImages.zoo());

  FindContract(ImageCatalogContract suite) {
    super(suite);
  }

  /** Every image is found by its id, whatever its status (DELETED, ERROR and UNKNOWN ones too). */
  @Test
  void findsEveryImageWhateverItsStatus() {
    for (Image image : ContractImages.zoo()) {
      Optional<Image> found = zoo.find(image.id());
      assertThat(found).as("find(%s), status %s", image.id(), image.status()).isPresent();
      assertSameImage(found.orElseThrow(), image);
    }
  }

  /** A DELETED image is found with its status and update time. */
  @Test
  void findsADeletedImage() {
    Image found = zoo.find(RETIRED.id()).orElseThrow(() -> new AssertionError("DELETED image not found"));
    assertThat(found.status()).isEqualTo(ImageStatus.DELETED);
    assertThat(found.updated()).contains(hour(40));
    assertThat(found).isEqualTo(RETIRED);
  }

  /** An unknown id gives an empty Optional, not an exception. */
  @ParameterizedTest(name = "[{index}] id \"{0}\"")
  @ValueSource(strings = {"00000000-0000-4000-8000-999999999999", "not-a-uuid", "no such image & more #1"})
  void unknownIdIsEmpty(String id) {
    assertThat(zoo.find(ImageId.of(id))).isEmpty();
  }

  /** An empty catalog finds nothing. */
  @Test
  void emptyCatalogFindsNothing() {
    assertThat(catalogOf(List.of()).find(UBUNTU.id())).isEmpty();
  }
}
