package io.github.rackimages.tck;

import static io.github.rackimages.tck.ContractAssertions.assertBadRequestNaming;
import static io.github.rackimages.tck.ContractImages.DAILY_DB_A;
import static io.github.rackimages.tck.ContractImages.DAILY_DB_B;
import static io.github.rackimages.tck.ContractImages.DAILY_WEB;
import static io.github.rackimages.tck.ContractImages.IMPORTED;
import static io.github.rackimages.tck.ContractImages.NAMELESS;
import static io.github.rackimages.tck.ContractImages.NEVER_UPDATED;
import static io.github.rackimages.tck.ContractImages.RETIRED;
import static io.github.rackimages.tck.ContractImages.UPPER_CASE_TYPE;
import static io.github.rackimages.tck.ContractImages.WEB01;
import static io.github.rackimages.tck.ContractImages.WEB_DELETED;
import static io.github.rackimages.tck.ContractImages.WEB_NIGHTLY;
import static io.github.rackimages.tck.ContractSupport.BEFORE_ALL;
import static io.github.rackimages.tck.ContractSupport.changesSince;
import static io.github.rackimages.tck.ContractSupport.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Markers the service refuses (unknown ids, hidden DELETED images) and where a valid marker resumes. Runs as
 * {@code ImageCatalogContract.Markers}.
 */
abstract class MarkersContract extends ContractTopic {

  private final ImageCatalog zoo = catalogOf(ContractImages.zoo());

  MarkersContract(ImageCatalogContract suite) {
    super(suite);
  }

  /** An unknown marker is a bad request whose message names the marker, for details and summaries alike. */
  @ParameterizedTest(name = "[{index}] marker \"{0}\"")
  @ValueSource(strings = {"00000000-0000-4000-8000-999999999999", "not-a-uuid", "no such image & more #1"})
  void unknownMarkerIsABadRequestNamingIt(String marker) {
    PageRequest after = PageRequest.after(PageMarker.of(marker), 10);
    assertBadRequestNaming("list() after an unknown marker", () -> zoo.list(ImageFilter.all(), after), marker);
    assertBadRequestNaming(
        "listSummaries() after an unknown marker", () -> zoo.listSummaries(ImageFilter.all(), after), marker);
  }

  /** A stream from an unknown marker fails with a bad request when its terminal operation runs. */
  @Test
  void streamFromAnUnknownMarkerFailsAtItsTerminalOperation() {
    String marker = "00000000-0000-4000-8000-999999999999";
    Stream<Image> stream = zoo.stream(ImageFilter.all(), PageRequest.after(PageMarker.of(marker), 10));
    assertBadRequestNaming("a stream from an unknown marker", stream::toList, marker);
  }

  /** The id of a DELETED image is no marker without changes-since (glance hides deleted images). */
  @Test
  void deletedImageIsNoMarkerWithoutChangesSince() {
    PageRequest after = PageRequest.after(PageMarker.after(WEB_DELETED.id()), 10);
    String id = WEB_DELETED.id().value();
    assertBadRequestNaming("list() after a DELETED image", () -> zoo.list(ImageFilter.all(), after), id);
    assertBadRequestNaming(
        "listSummaries() after a DELETED image",
        () -> zoo.listSummaries(ImageFilter.builder().server(WEB01).build(), after),
        id);
  }

  /** With changes-since, the id of a DELETED image is a marker, and the listing resumes right after it. */
  @Test
  void deletedImageIsAMarkerWithChangesSince() {
    PageRequest after = PageRequest.after(PageMarker.after(WEB_DELETED.id()), 10);
    assertThat(ids(zoo.list(changesSince(BEFORE_ALL), after).items()))
        .containsExactly(NAMELESS.id(), NEVER_UPDATED.id(), RETIRED.id(), DAILY_WEB.id());
  }

  /** A marker inside a group of images created at the same second resumes right after it. */
  @Test
  void markerResumesRightAfterItsImage() {
    Page<Image> page = zoo.list(ImageFilter.all(), PageRequest.after(PageMarker.after(DAILY_DB_B.id()), 3));
    assertThat(ids(page.items())).containsExactly(DAILY_DB_A.id(), UPPER_CASE_TYPE.id(), IMPORTED.id());
    assertThat(page.nextMarker()).contains(PageMarker.after(IMPORTED.id()));
  }

  /** A marker naming a listed image the filter excludes resumes after that image's place in the order. */
  @Test
  void markerTheFilterExcludesResumesAfterItsPlace() {
    PageRequest afterImported = PageRequest.after(PageMarker.after(IMPORTED.id()), 10);
    assertThat(ids(zoo.list(ImageFilter.builder().type(ImageType.SNAPSHOT).build(), afterImported).items()))
        .containsExactly(DAILY_WEB.id());
    PageRequest afterNightly = PageRequest.after(PageMarker.after(WEB_NIGHTLY.id()), 10);
    assertThat(ids(zoo.list(ImageFilter.builder().name("Daily backup").build(), afterNightly).items()))
        .containsExactly(DAILY_DB_B.id(), DAILY_DB_A.id(), DAILY_WEB.id());
  }
}
