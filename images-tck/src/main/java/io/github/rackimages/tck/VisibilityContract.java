package io.github.rackimages.tck;

import static io.github.rackimages.tck.ContractImages.RETIRED;
import static io.github.rackimages.tck.ContractImages.WEB_DELETED;
import static io.github.rackimages.tck.ContractImages.WEB_FAILED;
import static io.github.rackimages.tck.ContractSupport.BEFORE_ALL;
import static io.github.rackimages.tck.ContractSupport.changesSince;
import static io.github.rackimages.tck.ContractSupport.expected;
import static io.github.rackimages.tck.ContractSupport.ids;
import static io.github.rackimages.tck.ContractSupport.summaryIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which images are listed with and without {@code changes-since}: ACTIVE and SAVING by default, DELETED, ERROR
 * and other statuses only with it. Runs as {@code ImageCatalogContract.Visibility}.
 */
abstract class VisibilityContract extends ContractTopic {

  private final ImageCatalog zoo = catalogOf(ContractImages.zoo());

  VisibilityContract(ImageCatalogContract suite) {
    super(suite);
  }

  /** Without changes-since only ACTIVE and SAVING images are listed, in the service's order. */
  @Test
  void defaultListingShowsOnlyActiveAndSavingImages() {
    Page<Image> page = zoo.list(ImageFilter.all(), PageRequest.first(100));
    assertThat(ids(page.items())).containsExactlyElementsOf(ids(ContractImages.zooListedByDefault()));
    assertThat(page.items()).extracting(Image::status).containsOnly(ImageStatus.ACTIVE, ImageStatus.SAVING);
  }

  /** With changes-since, DELETED, ERROR and UNKNOWN images are listed too. */
  @Test
  void changesSinceShowsDeletedErrorAndUnknownImages() {
    Page<Image> page = zoo.list(changesSince(BEFORE_ALL), PageRequest.first(100));
    assertThat(ids(page.items())).containsExactlyElementsOf(ids(ContractImages.zooInServiceOrder()));
  }

  /**
   * status=deleted and status=killed (ERROR) list nothing without changes-since, and those images with it;
   * status=unknown never lists anything.
   */
  @Test
  void deletedAndErrorStatusFiltersNeedChangesSince() {
    PageRequest page = PageRequest.first(100);
    ImageFilter deleted = ImageFilter.builder().status(ImageStatus.DELETED).build();
    // Glance calls failed (ERROR) images "killed"; no glance status is "unknown", so that one never matches.
    ImageFilter error = ImageFilter.builder().glanceStatus("killed").build();
    ImageFilter unknown = ImageFilter.builder().glanceStatus("unknown").build();
    assertThat(zoo.list(deleted, page).items()).isEmpty();
    assertThat(zoo.list(error, page).items()).isEmpty();
    assertThat(zoo.list(unknown, page).items()).isEmpty();
    assertThat(ids(zoo.list(deleted.toBuilder().changesSince(BEFORE_ALL).build(), page).items()))
        .containsExactly(WEB_DELETED.id(), RETIRED.id());
    assertThat(ids(zoo.list(error.toBuilder().changesSince(BEFORE_ALL).build(), page).items()))
        .containsExactly(WEB_FAILED.id());
    assertThat(zoo.list(unknown.toBuilder().changesSince(BEFORE_ALL).build(), page).items()).isEmpty();
  }

  /** An image in a status this library does not know is listed only with changes-since. */
  @Test
  void unrecognizedStatusIsListedOnlyWithChangesSince() {
    List<Image> edge = TestImages.edgeCases();
    ImageCatalog catalog = catalogOf(edge);
    List<Image> listed = catalog.list(ImageFilter.all(), PageRequest.first(100)).items();
    assertThat(listed).extracting(Image::status).containsOnly(ImageStatus.ACTIVE, ImageStatus.SAVING);
    assertThat(ids(listed)).containsExactly(edge.get(1).id(), edge.get(0).id());
    List<Image> all = catalog.list(changesSince(BEFORE_ALL), PageRequest.first(100)).items();
    assertThat(all).extracting(Image::rawStatus).contains("IMPORTING", "DELETED", "ERROR");
    assertThat(ids(all)).containsExactlyElementsOf(ids(expected(edge, changesSince(BEFORE_ALL))));
  }

  /** Summaries follow the same visibility rules as details. */
  @Test
  void summariesFollowTheSameVisibility() {
    PageRequest page = PageRequest.first(100);
    assertThat(summaryIds(zoo.listSummaries(ImageFilter.all(), page).items()))
        .containsExactlyElementsOf(ids(ContractImages.zooListedByDefault()));
    assertThat(summaryIds(zoo.listSummaries(changesSince(BEFORE_ALL), page).items()))
        .containsExactlyElementsOf(ids(ContractImages.zooInServiceOrder()));
  }
}
