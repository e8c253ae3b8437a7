package io.github.rackimages.tck;

import static io.github.rackimages.tck.ContractSupport.expected;
import static io.github.rackimages.tck.ContractSupport.summaries;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Calls are made only when needed: one per {@code list}, {@code listSummaries} and {@code find}, none before a
 * stream's terminal operation, and only the pages a short-circuiting operation needs. Needs
 * {@code ImageCatalogContract.serviceCalls()}; without it these checks abort. Runs as
 * {@code ImageCatalogContract.Laziness}.
 */
abstract class LazinessContract extends ContractTopic {

  private final List<Image> hundred = expected(ContractImages.active(100, "hundred"), ImageFilter.all());
  private final ImageCatalog catalog = catalogOf(hundred);

  LazinessContract(ImageCatalogContract suite) {
    super(suite);
  }

  /** list, listSummaries and find each make exactly one service call. */
  @Test
  void eachListAndFindIsExactlyOneCall() {
    long start = callsSoFar();
    catalog.list(ImageFilter.all(), PageRequest.first(5));
    assertThat(serviceCalls()).as("calls after one list()").isEqualTo(start + 1);
    catalog.listSummaries(ImageFilter.all(), PageRequest.first(5));
    assertThat(serviceCalls()).as("calls after one listSummaries()").isEqualTo(start + 2);
    catalog.find(hundred.get(3).id());
    assertThat(serviceCalls()).as("calls after one find()").isEqualTo(start + 3);
    catalog.find(ImageId.of("00000000-0000-4000-8000-999999999999"));
    assertThat(serviceCalls()).as("calls after one find() of an unknown id").isEqualTo(start + 4);
  }

  /** Building a stream pipeline makes no call; its terminal operation does. */
  @Test
  void streamMakesNoCallBeforeItsTerminalOperation() {
    long start = callsSoFar();
    Stream<String> names =
        catalog.stream(ImageFilter.all(), PageRequest.first(10))
            .filter(i -> i.minDisk() >= 0)
            .map(i -> i.name().orElse(""))
            .sorted();
    Stream<ImageSummary> summaries = catalog.streamSummaries(ImageFilter.all(), PageRequest.first(10));
    Stream<Image> defaults = catalog.stream(ImageFilter.all());
    Stream<ImageSummary> defaultSummaries = catalog.streamSummaries(ImageFilter.all());
    assertThat(serviceCalls()).as("calls before any terminal operation").isEqualTo(start);
    assertThat(names.count()).isEqualTo(100);
    assertThat(serviceCalls()).as("calls after the terminal operation").isGreaterThan(start);
    summaries.close();
    defaults.close();
    defaultSummaries.close();
  }

  /**
   * stream().limit(k), findFirst() and anyMatch() fetch only the pages they need, plus at most
   * {@code pagesFetchedAhead()} requests ahead (which the catalog cancels). Each case runs on a catalog of its own,
   * so that a cancelled request ahead that reaches the service late cannot be counted against the next case.
   */
  @Test
  void shortCircuitingFetchesOnlyThePagesItNeeds() {
    assertCalls("calls for 15 images in pages of 10", 2, c -> assertThat(
        c.stream(ImageFilter.all(), PageRequest.first(10)).limit(15).toList())
        .containsExactlyElementsOf(hundred.subList(0, 15)));
    assertCalls("calls for findFirst()", 1, c -> assertThat(
        c.stream(ImageFilter.all(), PageRequest.first(10)).findFirst()).contains(hundred.get(0)));
    assertCalls("calls for 3 images in the default page size", 1, c -> assertThat(
        c.stream(ImageFilter.all()).limit(3).toList()).containsExactlyElementsOf(hundred.subList(0, 3)));
    assertCalls("calls for 100 summaries in the default page size", 1, c -> assertThat(
        c.streamSummaries(ImageFilter.all()).limit(100).toList()).containsExactlyElementsOf(summaries(hundred)));
    ImageId twentyFifth = hundred.get(24).id();
    assertCalls("calls for anyMatch() of the 25th image in pages of 10", 3, c -> assertThat(
        c.streamSummaries(ImageFilter.all(), PageRequest.first(10)).anyMatch(s -> s.id().equals(twentyFifth)))
        .isTrue());
  }

  /** Runs {@code walk} on a fresh catalog of the hundred images and checks the calls it cost. */
  private void assertCalls(String what, long needed, Consumer<ImageCatalog> walk) {
    ImageCatalog fresh = catalogOf(hundred);
    long start = callsSoFar();
    walk.accept(fresh);
    assertThat(serviceCalls() - start).as(what + " (pages fetched ahead allowed: " + pagesFetchedAhead() + ")")
        .isBetween(needed, needed + pagesFetchedAhead());
  }

  /** Consuming a whole stream fetches each page once, plus the empty page after an exact multiple. */
  @Test
  void wholeStreamFetchesEachPageOnce() {
    long start = callsSoFar();
    assertThat(catalog.stream(ImageFilter.all(), PageRequest.first(10)).count()).isEqualTo(100);
    assertThat(serviceCalls()).as("calls for 100 images in pages of 10").isEqualTo(start + 11);
    assertThat(catalog.stream(ImageFilter.all(), PageRequest.first(40)).count()).isEqualTo(100);
    assertThat(serviceCalls()).as("calls for 100 images in pages of 40").isEqualTo(start + 11 + 3);
  }

  /** A stream started from PageRequest.after(marker, limit) delivers exactly the images after the marker. */
  @Test
  void streamResumesFromAMarker() {
    Page<Image> first = catalog.list(ImageFilter.all(), PageRequest.first(10));
    PageMarker marker = first.nextMarker().orElseThrow(() -> new AssertionError("a full page has a next marker"));
    assertThat(catalog.stream(ImageFilter.all(), PageRequest.after(marker, 10)).toList())
        .containsExactlyElementsOf(hundred.subList(10, 100));
    PageMarker midPage = PageMarker.after(hundred.get(4).id());
    assertThat(catalog.stream(ImageFilter.all(), PageRequest.after(midPage, 7)).toList())
        .containsExactlyElementsOf(hundred.subList(5, 100));
    assertThat(catalog.streamSummaries(ImageFilter.all(), PageRequest.after(midPage, 1000)).toList())
        .containsExactlyElementsOf(summaries(hundred.subList(5, 100)));
  }
}
