package io.github.rackimages.tck;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Fixtures, the reference oracle and list projections shared by the topics of the contract suite. */
final class ContractSupport {

  /** An instant before every image of the suite, so that {@code changes-since} lists them all. */
  static final Instant BEFORE_ALL = TestImages.EPOCH.minusSeconds(1);

  private ContractSupport() {}

  /** What the reference semantics list for {@code filter}: the oracle for the larger catalogs. */
  static List<Image> expected(List<Image> images, ImageFilter filter) {
    return images.stream().filter(filter::matches).sorted(Image.serviceOrder()).toList();
  }

  /** The zoo and {@code many(150, 7)}: the catalog the reference-semantics cases run on. */
  static List<Image> variedCatalog() {
    List<Image> images = new ArrayList<>(ContractImages.zoo());
    images.addAll(TestImages.many(150, 7L));
    return images;
  }

  static ImageFilter changesSince(Instant instant) {
    return ImageFilter.builder().changesSince(instant).build();
  }

  static List<ImageId> ids(List<Image> images) {
    return images.stream().map(Image::id).toList();
  }

  static List<ImageId> summaryIds(List<ImageSummary> summaries) {
    return summaries.stream().map(ImageSummary::id).toList();
  }

  static List<ImageSummary> summaries(List<Image> images) {
    return images.stream().map(Image::toSummary).toList();
  }

  /** The items of all the pages, in order. */
  static <T> List<T> items(List<Page<T>> pages) {
    return pages.stream().flatMap(p -> p.items().stream()).toList();
  }

  /** The size of each page. */
  static List<Integer> sizes(List<? extends Page<?>> pages) {
    return pages.stream().map(Page::size).toList();
  }

  /** Whether each page has a next marker. */
  static List<Boolean> nexts(List<? extends Page<?>> pages) {
    return pages.stream().map(Page::hasNext).toList();
  }
}
