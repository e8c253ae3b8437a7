package io.github.rackimages.tck;

import static io.github.rackimages.tck.ContractAssertions.assertSameImage;
import static io.github.rackimages.tck.ContractAssertions.walk;
import static io.github.rackimages.tck.ContractImages.DEBIAN;
import static io.github.rackimages.tck.ContractImages.UBUNTU;
import static io.github.rackimages.tck.ContractSupport.BEFORE_ALL;
import static io.github.rackimages.tck.ContractSupport.changesSince;
import static io.github.rackimages.tck.ContractSupport.expected;
import static io.github.rackimages.tck.ContractSupport.ids;
import static io.github.rackimages.tck.ContractSupport.items;
import static io.github.rackimages.tck.ContractSupport.summaries;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lossless model: images come back from {@code find}, listings and walks with every field as given. Runs as
 * {@code ImageCatalogContract.Fidelity}.
 */
abstract class FidelityContract extends ContractTopic {

  private final List<Image> images = fidelityImages();
  private final ImageCatalog catalog = catalogOf(images);

  FidelityContract(ImageCatalogContract suite) {
    super(suite);
  }

  private List<Image> fidelityImages() {
    List<Image> all = new ArrayList<>(TestImages.edgeCases());
    all.add(TestImages.base(0));
    all.add(TestImages.base(4));
    all.add(TestImages.snapshotOf(TestImages.serverId(1), 3));
    all.add(UBUNTU);
    all.add(DEBIAN);
    return all;
  }

  /** find() returns every field of every image unchanged (DELETED images are not found; see Find). */
  @Test
  void findReturnsEveryFieldUnchanged() {
    for (Image image : images) {
      if (image.status() == ImageStatus.DELETED) {
        continue;
      }
      Image found = catalog.find(image.id()).orElseThrow(() -> new AssertionError("not found: " + image.id()));
      assertSameImage(found, image);
    }
  }

  /** A listing returns every field of every image unchanged. */
  @Test
  void listingReturnsEveryFieldUnchanged() {
    List<Image> expected = expected(images, changesSince(BEFORE_ALL));
    List<Image> listed = catalog.list(changesSince(BEFORE_ALL), PageRequest.first(100)).items();
    assertThat(ids(listed)).containsExactlyElementsOf(ids(expected));
    for (int i = 0; i < listed.size(); i++) {
      assertSameImage(listed.get(i), expected.get(i));
    }
  }

  /** A summary listing returns each id, name (or its absence) and the links unchanged. */
  @Test
  void summariesReturnIdNameAndLinksUnchanged() {
    ImageFilter everything = changesSince(BEFORE_ALL);
    assertThat(catalog.listSummaries(everything, PageRequest.first(100)).items())
        .containsExactlyElementsOf(summaries(expected(images, everything)));
  }

  /** A few hundred varied images come back equal through a walk. */
  @Test
  void variedImagesComeBackEqual() {
    List<Image> many = TestImages.many(300, 99L);
    ImageCatalog big = catalogOf(many);
    ImageFilter everything = changesSince(BEFORE_ALL);
    List<Image> walked = items(walk(big::list, everything, PageRequest.first(128), many.size()));
    assertThat(walked).containsExactlyElementsOf(expected(many, everything));
  }
}
