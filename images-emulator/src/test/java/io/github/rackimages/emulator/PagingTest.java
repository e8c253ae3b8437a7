package io.github.rackimages.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.nova.json.WireList;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PagingTest {

  private final List<Image> images = Fixtures.bases(9);
  private final InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().images(images).build();
  private final ImageEmulator emulator = ImageEmulator.builder().catalog(catalog).start();
  private final Wire wire = new Wire(emulator);

  /** The images newest first, as the service lists them. */
  private final List<ImageId> newestFirst = reversed(Fixtures.ids(images));

  @AfterEach
  void stop() {
    emulator.stop();
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }

  private static String pathAndQuery(String href) {
    URI uri = URI.create(href);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  @Test
  void aFullPageHasANextLinkAndAShortPageHasNone() {
    assertThat(wire.summaries("?limit=4").nextHref()).isPresent();
    assertThat(wire.summaries("?limit=9").nextHref()).isPresent();
    assertThat(wire.summaries("?limit=10").nextHref()).isEmpty();
    assertThat(wire.details("?limit=4").nextHref()).isPresent();
    assertThat(wire.details("?limit=10").nextHref()).isEmpty();
  }

  @Test
  void theNextLinkIsAbsoluteSortedEncodedAndCarriesEveryParameterWithTheLastIdAsMarker() {
    WireList<ImageSummary> page = wire.summaries("?type=BASE&limit=2&format=json&zeta=a+b%2Bc%26d");

    assertThat(page.nextHref())
        .hasValue(
            emulator.computeEndpoint()
                + "/images?format=json&limit=2&marker="
                + newestFirst.get(1).value()
                + "&type=BASE&zeta=a%20b%2Bc%26d");
  }

  @Test
  void theDetailListsNextLinkKeepsTheDetailPath() {
    WireList<Image> page = wire.details("?limit=3");

    assertThat(page.nextHref())
        .hasValue(emulator.computeEndpoint() + "/images/detail?limit=3&marker=" + newestFirst.get(2).value());
  }

  @Test
  void theJsonSuffixIsNotCarriedIntoTheNextLink() {
    String href =
        Wire.JSON
            .readDetailList(new java.io.ByteArrayInputStream(wire.get("/images/detail.json?limit=3").body()))
            .nextHref()
            .orElseThrow();
    assertThat(href).isEqualTo(wire.details("?limit=3").nextHref().orElseThrow());
    assertThat(URI.create(href).getRawPath()).isEqualTo(emulator.computeEndpoint().getRawPath() + "/images/detail");
  }

  @Test
  void followingNextLinksWalksEveryImageOnceInOrder() {
    List<ImageId> seen = new ArrayList<>();
    String next = "/images/detail?limit=2&type=base";
    int pages = 0;
    while (next != null) {
      WireList<Image> page = wire.details(next.substring("/images/detail".length()));
      page.items().forEach(i -> seen.add(i.id()));
      pages++;
      next = page.nextHref().map(h -> pathAndQuery(h).substring(emulator.computeEndpoint().getRawPath().length())).orElse(null);
      assertThat(pages).isLessThan(20);
    }

    assertThat(seen).isEqualTo(newestFirst);
    assertThat(pages).isEqualTo(5);
  }

  @Test
  void aCatalogOfExactlyNTimesTheLimitEndsWithAnEmptyPage() {
    List<Integer> sizes = new ArrayList<>();
    List<Boolean> links = new ArrayList<>();
    String query = "?limit=3";
    while (query != null) {
      WireList<ImageSummary> page = wire.summaries(query);
      sizes.add(page.items().size());
      links.add(page.nextHref().isPresent());
      query = page.nextHref().map(h -> "?" + URI.create(h).getRawQuery()).orElse(null);
      assertThat(sizes).hasSizeLessThan(10);
    }

    assertThat(sizes).containsExactly(3, 3, 3, 0);
    assertThat(links).containsExactly(true, true, true, false);
  }

  @Test
  void aWalkWithoutLimitStillPagesAtTheMaximum() {
    try (ImageEmulator small = ImageEmulator.builder().catalog(catalog).maxLimit(4).start()) {
      Wire w = new Wire(small);
      WireList<ImageSummary> first = w.summaries("");
      String next = first.nextHref().orElseThrow();
      WireList<ImageSummary> second = w.summaries("?" + URI.create(next).getRawQuery());
      WireList<ImageSummary> third = w.summaries("?" + URI.create(second.nextHref().orElseThrow()).getRawQuery());

      assertThat(URI.create(next).getRawQuery()).isEqualTo("marker=" + newestFirst.get(3).value());
      assertThat(first.items()).hasSize(4);
      assertThat(second.items()).hasSize(4);
      assertThat(third.items()).hasSize(1);
      assertThat(third.nextHref()).isEmpty();
    }
  }

  @Test
  void aMarkerStartsStrictlyAfterThatImage() {
    assertThat(wire.summaries("?marker=" + newestFirst.get(6).value()).items())
        .extracting(ImageSummary::id)
        .containsExactly(newestFirst.get(7), newestFirst.get(8));
  }

  @Test
  void aMarkerOfTheLastImageGivesAnEmptyPageWithoutLink() {
    WireList<ImageSummary> page = wire.summaries("?limit=5&marker=" + newestFirst.get(8).value());

    assertThat(page.items()).isEmpty();
    assertThat(page.nextHref()).isEmpty();
  }

  @Test
  void anEmptyCatalogAnswersAnEmptyList() {
    try (ImageEmulator empty = ImageEmulator.builder().catalog(InMemoryImageCatalog.empty()).start()) {
      String body = Wire.text(new Wire(empty).get("/images"));

      assertThat(body).isEqualTo("{\"images\":[]}");
    }
  }

  @Test
  void aLargeDetailPageIsServedWholeWithAnExactLength() {
    InMemoryImageCatalog big = InMemoryImageCatalog.builder().images(Fixtures.bases(1000)).build();
    try (ImageEmulator emulator1000 = ImageEmulator.builder().catalog(big).start()) {
      var response = new Wire(emulator1000).get("/images/detail");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
      var page = Wire.JSON.readDetailList(new java.io.ByteArrayInputStream(response.body()));
      assertThat(page.items()).hasSize(1000);
      assertThat(page.nextHref()).isPresent();
    }
  }
}
