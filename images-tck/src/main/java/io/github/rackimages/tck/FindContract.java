package io.github.rackimages.tck;

import static io.github.rackimages.tck.ContractAssertions.assertSameImage;
import static io.github.rackimages.tck.ContractImages.RETIRED;
import static io.github.rackimages.tck.ContractImages.WEB_DELETED;
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
 * {@code find(id)}: any known image but a DELETED one, with every field; empty for an unknown id and for a DELETED
 * image, as Nova answers 404 for it (glance hides deleted images from customers). Runs as
 * {@code ImageCatalogContract.Find}.
 */
abstract class FindContract extends ContractTopic {

  private final ImageCatalog zoo = catalogOf(ContractImages.zoo());

  FindContract(ImageCatalogContract suite) {
    super(suite);
  }

  /** Every image but the DELETED ones is found by its id, whatever its status (ERROR and UNKNOWN ones too). */
  @Test
  void findsEveryImageButTheDeletedOnes() {
    for (Image image : ContractImages.zoo()) {
      if (image.status() == ImageStatus.DELETED) {
        continue;
      }
      Optional<Image> found = zoo.find(image.id());
      assertThat(found).as("find(%s), status %s", image.id(), image.status()).isPresent();
      assertSameImage(found.orElseThrow(), image);
    }
  }

  /**
   * A DELETED image is not found: {@code GET /images/{id}} answers 404 "Image not found." for it, as for an unknown
   * id (Nova 2014.1 {@code Controller.show}; glance {@code _image_get} filters deleted rows for non-admins).
   */
  @Test
  void aDeletedImageIsNotFound() {
    assertThat(zoo.find(RETIRED.id())).isEmpty();
    assertThat(zoo.find(WEB_DELETED.id())).isEmpty();
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
