package io.github.rackimages.tck;

import static io.github.rackimages.tck.ContractAssertions.walk;
import static io.github.rackimages.tck.ContractImages.RETIRED;
import static io.github.rackimages.tck.ContractImages.WEB_DELETED;
import static io.github.rackimages.tck.ContractImages.WEB_FAILED;
import static io.github.rackimages.tck.ContractImages.hour;
import static io.github.rackimages.tck.ContractSupport.BEFORE_ALL;
import static io.github.rackimages.tck.ContractSupport.changesSince;
import static io.github.rackimages.tck.ContractSupport.expected;
import static io.github.rackimages.tck.ContractSupport.ids;
import static io.github.rackimages.tck.ContractSupport.items;
import static io.github.rackimages.tck.ContractSupport.nexts;
import static io.github.rackimages.tck.ContractSupport.sizes;
import static io.github.rackimages.tck.ContractSupport.summaries;
import static io.github.rackimages.tck.ContractSupport.summaryIds;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The paging rule at its edges: a next marker exactly when the page is full, empty last pages, limits 1 and
 * 1000. Runs as {@code ImageCatalogContract.PageBoundaries}.
 */
abstract class PageBoundariesContract extends ContractTopic {

  PageBoundariesContract(ImageCatalogContract suite) {
    super(suite);
  }

  /** A catalog of exactly N * limit images ends with a full page that has a next marker, then an empty last page. */
  @Test
  void exactMultipleOfTheLimitEndsWithAnEmptyPage() {
    ImageCatalog catalog = catalogOf(ContractImages.active(30, "thirty"));
    List<Page<Image>> pages = walk(catalog::list, ImageFilter.all(), PageRequest.first(10), 30);
    assertThat(sizes(pages)).containsExactly(10, 10, 10, 0);
    assertThat(nexts(pages)).containsExactly(true, true, true, false);
    List<Page<ImageSummary>> summaryPages = walk(catalog::listSummaries, ImageFilter.all(), PageRequest.first(10), 30);
    assertThat(sizes(summaryPages)).containsExactly(10, 10, 10, 0);
    assertThat(nexts(summaryPages)).containsExactly(true, true, true, false);
  }

  /** A page with fewer images than its limit is the last and has no next marker. */
  @Test
  void shortPageHasNoNextMarker() {
    ImageCatalog catalog = catalogOf(ContractImages.active(25, "twenty-five"));
    List<Page<Image>> pages = walk(catalog::list, ImageFilter.all(), PageRequest.first(10), 25);
    assertThat(sizes(pages)).containsExactly(10, 10, 5);
    assertThat(nexts(pages)).containsExactly(true, true, false);
    assertThat(pages.get(2).nextMarker()).isEmpty();
  }

  /** With limit 1, every image comes on its own page, and an empty page ends the walk. */
  @Test
  void limitOneWalksOneImageAtATime() {
    List<Image> three = ContractImages.active(3, "three");
    ImageCatalog catalog = catalogOf(three);
    List<Page<Image>> pages = walk(catalog::list, ImageFilter.all(), PageRequest.first(1), 3);
    assertThat(sizes(pages)).containsExactly(1, 1, 1, 0);
    assertThat(ids(items(pages))).containsExactlyElementsOf(ids(expected(three, ImageFilter.all())));
  }

  /** A catalog smaller than the limit fits on one last page. */
  @Test
  void catalogSmallerThanTheLimitIsOneLastPage() {
    List<Image> five = ContractImages.active(5, "five");
    ImageCatalog catalog = catalogOf(five);
    Page<Image> page = catalog.list(ImageFilter.all(), PageRequest.first(10));
    assertThat(page.size()).isEqualTo(5);
    assertThat(page.nextMarker()).isEmpty();
    Page<ImageSummary> summaries = catalog.listSummaries(ImageFilter.all(), PageRequest.first(6));
    assertThat(summaries.size()).isEqualTo(5);
    assertThat(summaries.hasNext()).isFalse();
  }

  /** An empty catalog, or one whose images are all hidden, gives an empty last page and an empty stream. */
  @Test
  void emptyListingIsAnEmptyLastPage() {
    ImageCatalog empty = catalogOf(List.of());
    assertThat(empty.list(ImageFilter.all(), PageRequest.first(10))).isEqualTo(Page.empty());
    assertThat(empty.listSummaries(ImageFilter.all(), PageRequest.first(10))).isEqualTo(Page.empty());
    assertThat(empty.stream(ImageFilter.all())).isEmpty();
    ImageCatalog hidden = catalogOf(List.of(WEB_DELETED, WEB_FAILED, RETIRED));
    assertThat(hidden.list(ImageFilter.all(), PageRequest.first(10))).isEqualTo(Page.empty());
    assertThat(hidden.list(changesSince(BEFORE_ALL), PageRequest.first(10)).size()).isEqualTo(3);
  }

  /** The marker of the last image gives an empty last page. */
  @Test
  void markerOfTheLastImageGivesAnEmptyLastPage() {
    List<Image> five = expected(ContractImages.active(5, "five"), ImageFilter.all());
    ImageCatalog catalog = catalogOf(five);
    PageRequest afterLast = PageRequest.after(PageMarker.after(five.get(4).id()), 10);
    assertThat(catalog.list(ImageFilter.all(), afterLast)).isEqualTo(Page.empty());
    assertThat(catalog.listSummaries(ImageFilter.all(), afterLast)).isEqualTo(Page.empty());
  }

  /** With more than 1000 images, limit 1000 pages by 1000, both for an exact multiple and a short last page. */
  @Test
  void limitOfOneThousandPagesALargeCatalog() {
    List<Image> images = new ArrayList<>(ContractImages.active(2000, "big"));
    for (Image image : ContractImages.active(500, "gone")) {
      images.add(image.toBuilder().status(ImageStatus.DELETED).progress(0).updated(hour(1)).build());
    }
    ImageCatalog catalog = catalogOf(images);

    List<Page<Image>> visible = walk(catalog::list, ImageFilter.all(), PageRequest.first(1000), 2000);
    assertThat(sizes(visible)).containsExactly(1000, 1000, 0);
    assertThat(nexts(visible)).containsExactly(true, true, false);
    assertThat(ids(items(visible))).containsExactlyElementsOf(ids(expected(images, ImageFilter.all())));

    ImageFilter everything = changesSince(BEFORE_ALL);
    List<Page<ImageSummary>> all = walk(catalog::listSummaries, everything, PageRequest.first(1000), 2500);
    assertThat(sizes(all)).containsExactly(1000, 1000, 500);
    assertThat(nexts(all)).containsExactly(true, true, false);
    assertThat(summaryIds(items(all))).containsExactlyElementsOf(ids(expected(images, everything)));

    assertThat(catalog.list(everything, PageRequest.first()).items())
        .containsExactlyElementsOf(expected(images, everything).subList(0, 1000));
  }
}
