package io.github.rackimages.tck;

import static io.github.rackimages.tck.ContractAssertions.walk;
import static io.github.rackimages.tck.ContractSupport.BEFORE_ALL;
import static io.github.rackimages.tck.ContractSupport.changesSince;
import static io.github.rackimages.tck.ContractSupport.ids;
import static io.github.rackimages.tck.ContractSupport.items;
import static io.github.rackimages.tck.ContractSupport.summaryIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service's order: created descending, then id descending, whatever the update time and the page size.
 * Runs as {@code ImageCatalogContract.Ordering}.
 */
abstract class OrderingContract extends ContractTopic {

  OrderingContract(ImageCatalogContract suite) {
    super(suite);
  }

  /** Images are listed newest first, and images created at the same second by id, descending. */
  @Test
  void ordersByCreatedDescendingThenIdDescending() {
    List<Image> ties = ContractImages.tiesInServiceOrder();
    ImageCatalog catalog = catalogOf(ties);
    assertThat(ids(catalog.list(ImageFilter.all(), PageRequest.first(100)).items()))
        .containsExactly(
            ImageId.of("9a000000-0000-4000-8000-000000000001"),
            ImageId.of("f0e1d2c3-0000-4000-8000-000000000002"),
            ImageId.of("c4d5e6f7-0000-4000-8000-000000000003"),
            ImageId.of("a10e5b7c-0000-4000-8000-000000000004"),
            ImageId.of("7c1d2e3f-0000-4000-8000-000000000005"),
            ImageId.of("3f2a8e10-0000-4000-8000-000000000006"),
            ImageId.of("0b9f4c55-0000-4000-8000-000000000007"),
            ImageId.of("ffffffff-0000-4000-8000-000000000008"));
  }

  /** A walk whose pages split a group of images created at the same second neither skips nor repeats one. */
  @ParameterizedTest(name = "[{index}] limit {0}")
  @ValueSource(ints = {1, 2, 3, 4})
  void tiesOnCreatedSurvivePageBoundaries(int limit) {
    List<Image> ties = ContractImages.tiesInServiceOrder();
    ImageCatalog catalog = catalogOf(ties);
    List<Page<Image>> pages = walk(catalog::list, ImageFilter.all(), PageRequest.first(limit), ties.size());
    assertThat(ids(items(pages))).containsExactlyElementsOf(ids(ties));
    List<Page<ImageSummary>> summaryPages =
        walk(catalog::listSummaries, ImageFilter.all(), PageRequest.first(limit), ties.size());
    assertThat(summaryIds(items(summaryPages))).containsExactlyElementsOf(ids(ties));
  }

  /** The update time plays no part in the order, with or without changes-since. */
  @Test
  void updateTimePlaysNoPartInTheOrder() {
    List<Image> ties = ContractImages.tiesInServiceOrder();
    ImageCatalog catalog = catalogOf(ties);
    List<Image> listed = catalog.list(changesSince(BEFORE_ALL), PageRequest.first(100)).items();
    assertThat(ids(listed)).containsExactlyElementsOf(ids(ties));
  }

  /** Every pair of neighbours in a long walk is in order: older created, or same created and smaller id. */
  @Test
  void everyNeighbourPairOfALongWalkIsInOrder() {
    List<Image> images = TestImages.many(400, 11L);
    ImageCatalog catalog = catalogOf(images);
    ImageFilter everything = changesSince(BEFORE_ALL);
    List<Image> walked = items(walk(catalog::list, everything, PageRequest.first(37), images.size()));
    assertThat(walked).hasSameSizeAs(images);
    for (int i = 1; i < walked.size(); i++) {
      Image before = walked.get(i - 1);
      Image after = walked.get(i);
      int byCreated = after.created().compareTo(before.created());
      assertThat(byCreated < 0 || (byCreated == 0 && after.id().value().compareTo(before.id().value()) < 0))
          .as("%s (created %s) listed after %s (created %s)", after.id(), after.created(), before.id(),
              before.created())
          .isTrue();
    }
  }
}
