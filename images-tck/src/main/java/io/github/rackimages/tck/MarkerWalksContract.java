package io.github.rackimages.tck;

import static io.github.rackimages.tck.ContractAssertions.walk;
import static io.github.rackimages.tck.ContractSupport.BEFORE_ALL;
import static io.github.rackimages.tck.ContractSupport.changesSince;
import static io.github.rackimages.tck.ContractSupport.expected;
import static io.github.rackimages.tck.ContractSupport.ids;
import static io.github.rackimages.tck.ContractSupport.items;
import static io.github.rackimages.tck.ContractSupport.summaries;
import static io.github.rackimages.tck.ContractSupport.summaryIds;
import static io.github.rackimages.tck.ContractSupport.variedCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Full marker walks over details, summaries and streams: every matching image exactly once, nothing else, in
 * order. Runs as {@code ImageCatalogContract.MarkerWalks}.
 */
abstract class MarkerWalksContract extends ContractTopic {

  private final List<Image> images = variedCatalog();
  private final ImageCatalog catalog = catalogOf(images);

  MarkerWalksContract(ImageCatalogContract suite) {
    super(suite);
  }

  private List<ImageFilter> filters() {
    return List.of(
        ImageFilter.all(),
        changesSince(BEFORE_ALL),
        ImageFilter.builder().type(ImageType.SNAPSHOT).build(),
        ImageFilter.builder().server(TestImages.serverId(2)).changesSince(BEFORE_ALL).build());
  }

  /** Walking list() page by page delivers every matching image exactly once and no other, in order. */
  @ParameterizedTest(name = "[{index}] limit {0}")
  @ValueSource(ints = {1, 2, 7, 50, 1000})
  void walkingTheDetailListDeliversEveryMatchingImageExactlyOnce(int limit) {
    for (ImageFilter filter : filters()) {
      List<Image> expected = expected(images, filter);
      List<Image> walked = items(walk(catalog::list, filter, PageRequest.first(limit), expected.size()));
      assertThat(ids(walked)).as("%s, limit %d", filter, limit).doesNotHaveDuplicates();
      assertThat(ids(walked)).as("%s, limit %d", filter, limit).containsExactlyElementsOf(ids(expected));
      assertThat(walked).as("%s, limit %d", filter, limit).containsExactlyElementsOf(expected);
    }
  }

  /** Walking listSummaries() page by page delivers every matching image exactly once and no other, in order. */
  @ParameterizedTest(name = "[{index}] limit {0}")
  @ValueSource(ints = {1, 3, 50, 1000})
  void walkingTheSummaryListDeliversEveryMatchingImageExactlyOnce(int limit) {
    for (ImageFilter filter : filters()) {
      List<Image> expected = expected(images, filter);
      List<ImageSummary> walked =
          items(walk(catalog::listSummaries, filter, PageRequest.first(limit), expected.size()));
      assertThat(summaryIds(walked)).as("%s, limit %d", filter, limit).doesNotHaveDuplicates();
      assertThat(walked).as("%s, limit %d", filter, limit).containsExactlyElementsOf(summaries(expected));
    }
  }

  /** stream() delivers the same images as a marker walk, for several page sizes. */
  @ParameterizedTest(name = "[{index}] limit {0}")
  @ValueSource(ints = {3, 9, 1000})
  void streamDeliversWhatAWalkDelivers(int limit) {
    for (ImageFilter filter : filters()) {
      try (Stream<Image> stream = catalog.stream(filter, PageRequest.first(limit))) {
        assertThat(stream.toList()).as("%s, limit %d", filter, limit).containsExactlyElementsOf(expected(images, filter));
      }
      try (Stream<ImageSummary> stream = catalog.streamSummaries(filter, PageRequest.first(limit))) {
        assertThat(stream.toList())
            .as("%s, limit %d", filter, limit)
            .containsExactlyElementsOf(summaries(expected(images, filter)));
      }
    }
  }

  /** The next marker of a full page names its last image, so PageMarker.after(id) resumes the same way. */
  @Test
  void nextMarkerNamesTheLastImageOfThePage() {
    List<Page<Image>> pages = walk(catalog::list, ImageFilter.all(), PageRequest.first(10), images.size());
    assertThat(pages).hasSizeGreaterThan(2);
    for (Page<Image> page : pages) {
      if (page.hasNext()) {
        Image last = page.items().get(page.size() - 1);
        assertThat(page.nextMarker()).contains(PageMarker.after(last.id()));
      }
    }
  }
}
