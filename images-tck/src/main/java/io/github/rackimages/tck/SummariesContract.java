package io.github.rackimages.tck;

import static io.github.rackimages.tck.ContractAssertions.walk;
import static io.github.rackimages.tck.ContractImages.NAMELESS;
import static io.github.rackimages.tck.ContractImages.UBUNTU;
import static io.github.rackimages.tck.ContractSupport.BEFORE_ALL;
import static io.github.rackimages.tck.ContractSupport.changesSince;
import static io.github.rackimages.tck.ContractSupport.expected;
import static io.github.rackimages.tck.ContractSupport.summaries;
import static io.github.rackimages.tck.ContractSupport.variedCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Summaries agree with details: the same ids, names, links, order and paging. Runs as
 * {@code ImageCatalogContract.Summaries}.
 */
abstract class SummariesContract extends ContractTopic {

  private final List<Image> images = variedCatalog();
  private final ImageCatalog catalog = catalogOf(images);

  SummariesContract(ImageCatalogContract suite) {
    super(suite);
  }

  /** Summary pages hold the same ids, names and links as detail pages, in the same order and paging. */
  @ParameterizedTest(name = "[{index}] limit {0}")
  @ValueSource(ints = {4, 60, 1000})
  void summaryPagesAgreeWithDetailPages(int limit) {
    for (ImageFilter filter :
        List.of(ImageFilter.all(), changesSince(BEFORE_ALL), ImageFilter.builder().type(ImageType.BASE).build())) {
      int expected = expected(images, filter).size();
      List<Page<Image>> details = walk(catalog::list, filter, PageRequest.first(limit), expected);
      List<Page<ImageSummary>> summaries = walk(catalog::listSummaries, filter, PageRequest.first(limit), expected);
      assertThat(summaries).as("%s, limit %d", filter, limit).hasSameSizeAs(details);
      for (int i = 0; i < details.size(); i++) {
        assertThat(summaries.get(i).items())
            .as("%s, limit %d, page %d", filter, limit, i + 1)
            .containsExactlyElementsOf(summaries(details.get(i).items()));
        assertThat(summaries.get(i).nextMarker())
            .as("%s, limit %d, next marker of page %d", filter, limit, i + 1)
            .isEqualTo(details.get(i).nextMarker());
      }
    }
  }

  /** A summary keeps a missing name missing and carries the image's links unchanged. */
  @Test
  void summaryKeepsAMissingNameAndTheLinks() {
    ImageCatalog zoo = catalogOf(ContractImages.zoo());
    List<ImageSummary> listed =
        zoo.listSummaries(ImageFilter.builder().type(ImageType.BASE).build(), PageRequest.first(100)).items();
    ImageSummary nameless =
        listed.stream().filter(s -> s.id().equals(NAMELESS.id())).findFirst().orElseThrow(
            () -> new AssertionError("the nameless base image was not listed"));
    assertThat(nameless.name()).isEmpty();
    assertThat(nameless.links()).isEqualTo(TestImages.imageLinks(NAMELESS.id()));
    ImageSummary ubuntu = listed.get(0);
    assertThat(ubuntu).isEqualTo(UBUNTU.toSummary());
  }

  /** streamSummaries() delivers the summaries of what stream() delivers. */
  @Test
  void streamSummariesAgreesWithStream() {
    ImageFilter filter = ImageFilter.builder().type(ImageType.SNAPSHOT).changesSince(BEFORE_ALL).build();
    assertThat(catalog.streamSummaries(filter, PageRequest.first(7)).toList())
        .containsExactlyElementsOf(catalog.stream(filter, PageRequest.first(7)).map(Image::toSummary).toList())
        .containsExactlyElementsOf(summaries(expected(images, filter)));
  }
}
