package io.github.rackimages.http;

import static io.github.rackimages.http.CannedServer.TENANT_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogProtocolException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.CannedServer.CannedResponse;
import io.github.rackimages.http.CannedServer.RecordedRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpImageCatalogPagingTest extends CatalogTestSupport {

  private static final ImageFilter SNAPSHOTS = ImageFilter.builder().type(ImageType.SNAPSHOT).build();

  @Test
  void aShortPageIsTheLastEvenWithANextLink() {
    server.enqueue(
        CannedResponse.json(
            200,
            NovaBodies.detailPage(List.of("a"), server.url(TENANT_PATH + "/images/detail?limit=2&marker=a"))));

    Page<Image> page = catalog().list(ImageFilter.all(), PageRequest.first(2));

    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void aFullPageTakesTheMarkerOfALinkToTheSameCollectionWhenItIsTheLastId() {
    server.enqueue(
        CannedResponse.json(
            200,
            NovaBodies.detailPage(
                List.of("a", "b-c"),
                server.url(TENANT_PATH + "/images/detail?type=snapshot&limit=2&marker=b%2Dc"))));

    Page<Image> page = catalog().list(SNAPSHOTS, PageRequest.first(2));

    assertThat(page.nextMarker()).contains(PageMarker.of("b-c"));
  }

  @Test
  void aLinkMarkerThatIsNotThePagesLastIdIsReplacedByTheLastId() {
    server.enqueue(
        CannedResponse.json(
            200,
            NovaBodies.detailPage(
                List.of("a", "b"),
                server.url(TENANT_PATH + "/images/detail?type=snapshot&limit=2&marker=from%2Dlink"))));

    Page<Image> page = catalog().list(SNAPSHOTS, PageRequest.first(2));

    assertThat(page.nextMarker()).contains(PageMarker.of("b"));
  }

  @Test
  void aServerThatRepeatsAPageUnderFreshMarkersIsStopped() {
    for (int i = 1; i <= 4; i++) {
      server.enqueue(
          CannedResponse.json(
              200,
              NovaBodies.detailPage(
                  List.of("x", "y"), server.url(TENANT_PATH + "/images/detail?limit=2&marker=fresh" + i))));
    }

    assertThatThrownBy(() -> catalog().stream(ImageFilter.all(), PageRequest.first(2)).toList())
        .isInstanceOf(ImageCatalogProtocolException.class)
        .hasMessageContaining("y")
        .satisfies(e -> assertThat(((ImageCatalogException) e).resumeMarker()).contains(PageMarker.of("y")));
    List<RecordedRequest> sent = server.drainRequests();
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1).rawQuery()).isEqualTo("limit=2&marker=y");
  }

  @Test
  void aFullPageWithoutLinkEndsWithTheLastIdAndTheWalkAsksOnceMore() {
    server.enqueue(
        CannedResponse.json(200, NovaBodies.detailPage(List.of("a", "b"), null)),
        CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));
    HttpImageCatalog catalog = catalog();

    List<String> ids = catalog.stream(SNAPSHOTS, PageRequest.first(2)).map(i -> i.id().value()).toList();

    assertThat(ids).containsExactly("a", "b");
    assertThat(server.takeRequest().rawQuery()).isEqualTo("type=snapshot&limit=2");
    assertThat(server.takeRequest().rawQuery()).isEqualTo("type=snapshot&limit=2&marker=b");
    assertThat(server.pendingRequestCount()).isZero();
  }

  @Test
  void aLinkToAnotherHostIsNeverFollowedAndItsMarkerIgnored() {
    try (CannedServer elsewhere = CannedServer.start()) {
      server.enqueue(
          CannedResponse.json(
              200,
              NovaBodies.detailPage(
                  List.of("a", "b"), elsewhere.url(TENANT_PATH + "/images/detail?limit=2&marker=evil"))),
          CannedResponse.json(200, NovaBodies.detailPage(List.of("c"), null)));

      List<String> ids = catalog().stream(SNAPSHOTS, PageRequest.first(2)).map(i -> i.id().value()).toList();

      assertThat(ids).containsExactly("a", "b", "c");
      server.takeRequest();
      RecordedRequest second = server.takeRequest();
      assertThat(second.target()).isEqualTo(TENANT_PATH + "/images/detail?type=snapshot&limit=2&marker=b");
      assertThat(second.header("X-Auth-Token")).contains(TOKEN);
      assertThat(elsewhere.pendingRequestCount()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "scheme:https://127.0.0.1:PORT/v2/123456/images/detail?limit=2&marker=evil",
        "summary:http://127.0.0.1:PORT/v2/123456/images?limit=2&marker=evil",
        "unencoded:http://127.0.0.1:PORT/v2/123456/images/detail?name=a b&c&limit=2&marker=evil",
        "relative:/v2/123456/images/detail?limit=2&marker=evil",
        "other-port:http://127.0.0.1:1/v2/123456/images/detail?limit=2&marker=evil",
        "other-tenant:http://127.0.0.1:PORT/v2/666/images/detail?limit=2&marker=evil",
        "two-markers:http://127.0.0.1:PORT/v2/123456/images/detail?marker=x&limit=2&marker=evil",
        "bad-escape:http://127.0.0.1:PORT/v2/123456/images/detail?limit=2&marker=evil%zz",
        "no-marker:http://127.0.0.1:PORT/v2/123456/images/detail?limit=2",
        "not-a-uri:http://[bad",
        "user-info:http://u:p@127.0.0.1:PORT/v2/123456/images/detail?limit=2&marker=evil"
      })
  void anUntrustedLinkYieldsTheLastIdAsMarker(String labelledHref) {
    String href = labelledHref.substring(labelledHref.indexOf(':') + 1)
        .replace("PORT", Integer.toString(server.origin().getPort()));
    server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of("a", "b"), href)));

    Page<Image> page = catalog().list(ImageFilter.all(), PageRequest.first(2));

    assertThat(page.nextMarker()).contains(PageMarker.of("b"));
  }

  @Test
  void aDetailWalkStaysOnTheDetailCollectionWhenTheLinkPointsAtSummaries() {
    server.enqueue(
        CannedResponse.json(
            200,
            NovaBodies.detailPage(
                List.of("a", "b"), server.url(TENANT_PATH + "/images?type=snapshot&limit=2&marker=b"))),
        CannedResponse.json(200, NovaBodies.detailPage(List.of("c"), null)));

    List<Image> images = catalog().stream(SNAPSHOTS, PageRequest.first(2)).toList();

    assertThat(images).extracting(i -> i.id().value()).containsExactly("a", "b", "c");
    server.takeRequest();
    assertThat(server.takeRequest().path()).isEqualTo(TENANT_PATH + "/images/detail");
  }

  @Test
  void theNextRequestCarriesOnlyOurFilterNotTheLinksOtherParameters() {
    server.enqueue(
        CannedResponse.json(
            200,
            NovaBodies.detailPage(
                List.of("a"),
                server.url(TENANT_PATH + "/images/detail?format=json&type=base&limit=1&marker=a"))),
        CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));

    catalog().stream(SNAPSHOTS, PageRequest.first(1)).toList();

    server.takeRequest();
    assertThat(server.takeRequest().rawQuery()).isEqualTo("type=snapshot&limit=1&marker=a");
  }

  @Test
  void aSummaryWalkFollowsTheSameRules() {
    server.enqueue(
        CannedResponse.json(
            200, NovaBodies.summaryPage(List.of("a", "b"), server.url(TENANT_PATH + "/images?limit=2&marker=b"))),
        CannedResponse.json(200, NovaBodies.summaryPage(List.of("c", "d"), "https://other.example/images?marker=z")),
        CannedResponse.json(200, NovaBodies.summaryPage(List.of(), null)));

    List<ImageSummary> all = catalog().streamSummaries(ImageFilter.all(), PageRequest.first(2)).toList();

    assertThat(all).extracting(s -> s.id().value()).containsExactly("a", "b", "c", "d");
    assertThat(server.drainRequests().stream().map(RecordedRequest::target).collect(Collectors.toList()))
        .containsExactly(
            TENANT_PATH + "/images?limit=2",
            TENANT_PATH + "/images?limit=2&marker=b",
            TENANT_PATH + "/images?limit=2&marker=d");
  }

  @Test
  void aRepeatedMarkerEndsTheWalkWithAProtocolException() {
    server.enqueue(
        CannedResponse.json(200, NovaBodies.detailPage(List.of("x", "a"), server.url(TENANT_PATH + "/images/detail?limit=2&marker=a"))),
        CannedResponse.json(200, NovaBodies.detailPage(List.of("z", "a"), server.url(TENANT_PATH + "/images/detail?limit=2&marker=a"))));

    assertThatThrownBy(() -> catalog().stream(ImageFilter.all(), PageRequest.first(2)).toList())
        .isInstanceOf(ImageCatalogProtocolException.class)
        .hasMessageContaining("repeated the marker a")
        .satisfies(e -> assertThat(((ImageCatalogException) e).resumeMarker()).contains(PageMarker.of("a")));
    assertThat(server.drainRequests()).hasSize(2);
  }

  @Test
  void theDefaultPageSizeSetsTheStreamsLimit() {
    server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of("a"), null)));

    assertThat(builder().pageSize(50).build().stream(ImageFilter.all()).count()).isEqualTo(1);
    assertThat(server.takeRequest().rawQuery()).isEqualTo("limit=50");
  }

  @Test
  void aStreamMakesNoRequestBeforeATerminalOperation() {
    catalog().stream(ImageFilter.all());

    assertThat(server.pendingRequestCount()).isZero();
  }
}
