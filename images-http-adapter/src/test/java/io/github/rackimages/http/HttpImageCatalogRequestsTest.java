package io.github.rackimages.http;

import static io.github.rackimages.http.CannedServer.TENANT_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.core.ServerId;
import io.github.rackimages.http.CannedServer.CannedResponse;
import io.github.rackimages.http.CannedServer.RecordedRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HttpImageCatalogRequestsTest extends CatalogTestSupport {

  @Test
  void listSendsOneDetailRequestWithTokenAcceptAndUserAgent() {
    server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of("a", "b"), null)));

    Page<Image> page = catalog().list(ImageFilter.all(), PageRequest.first(10));

    assertThat(page.items()).extracting(i -> i.id().value()).containsExactly("a", "b");
    assertThat(page.hasNext()).isFalse();
    RecordedRequest r = server.takeRequest();
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.target()).isEqualTo(TENANT_PATH + "/images/detail?limit=10");
    assertThat(r.header("X-Auth-Token")).contains(TOKEN);
    assertThat(r.header("Accept")).contains("application/json");
    assertThat(r.header("User-Agent")).hasValueSatisfying(ua -> assertThat(ua).matches("rackimages/[0-9A-Za-z.\\-]+"));
    assertThat(server.pendingRequestCount()).isZero();
  }

  @Test
  void listTreatsStatus203AsSuccess() {
    server.enqueue(CannedResponse.json(203, NovaBodies.detailPage(List.of("a"), null)));

    assertThat(catalog().list(ImageFilter.all(), PageRequest.first(5)).items()).hasSize(1);
  }

  @Test
  void listSummariesAsksForTheSummaryCollection() {
    server.enqueue(CannedResponse.json(200, NovaBodies.summaryPage(List.of("a", "b"), null)));

    Page<ImageSummary> page = catalog().listSummaries(ImageFilter.all(), PageRequest.first(2));

    assertThat(page.items()).extracting(s -> s.name().orElseThrow()).containsExactly("image a", "image b");
    assertThat(server.takeRequest().target()).isEqualTo(TENANT_PATH + "/images?limit=2");
  }

  @Test
  void listSendsTheMarkerOfThePageRequest() {
    server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));

    catalog().list(ImageFilter.all(), PageRequest.after(PageMarker.of("6455fff1-1f0e-46e3"), 3));

    assertThat(server.takeRequest().rawQuery()).isEqualTo("limit=3&marker=6455fff1-1f0e-46e3");
  }

  @Test
  void everyFilterIsSentPercentEncodedInAFixedOrder() {
    server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));
    ImageFilter filter =
        ImageFilter.builder()
            .server("https://dfw.servers.api.rackspacecloud.com/v2/1/servers/87487601 x")
            .name("a b+c&d#e=f%g/h?i ü€")
            .status(ImageStatus.SAVING)
            .changesSince(Instant.parse("2015-03-10T18:35:18Z"))
            .type(ImageType.SNAPSHOT)
            .minDisk(20)
            .minRam(512)
            .build();

    catalog().list(filter, PageRequest.after(PageMarker.of("m&1"), 7));

    assertThat(server.takeRequest().rawQuery())
        .isEqualTo(
            "server=https:%2F%2Fdfw.servers.api.rackspacecloud.com%2Fv2%2F1%2Fservers%2F87487601%20x"
                + "&name=a%20b%2Bc%26d%23e%3Df%25g%2Fh%3Fi%20%C3%BC%E2%82%AC"
                + "&status=SAVING"
                + "&changes-since=2015-03-10T18:35:18Z"
                + "&type=snapshot"
                + "&minDisk=20"
                + "&minRam=512"
                + "&limit=7"
                + "&marker=m%261");
  }

  @Test
  void changesSinceCarriesAFractionOnlyWhenItHasOne() {
    server.enqueue(
        CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)),
        CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));
    HttpImageCatalog catalog = catalog();

    catalog.list(ImageFilter.builder().changesSince(Instant.parse("2015-03-10T18:35:18.250Z")).build(), PageRequest.first(1));
    catalog.list(ImageFilter.builder().type(ImageType.BASE).server(ServerId.of("s1")).build(), PageRequest.first(1));

    assertThat(server.takeRequest().rawQuery()).isEqualTo("changes-since=2015-03-10T18:35:18.250Z&limit=1");
    assertThat(server.takeRequest().rawQuery()).isEqualTo("server=s1&type=base&limit=1");
  }

  @Test
  void findAsksForTheImageWithItsIdEncodedAsOnePathSegment() {
    server.enqueue(CannedResponse.json(200, NovaBodies.imageBody("a/b c")));

    Optional<Image> image = catalog().find(ImageId.of("a/b c"));

    assertThat(image).get().extracting(i -> i.id().value()).isEqualTo("a/b c");
    assertThat(server.takeRequest().target()).isEqualTo(TENANT_PATH + "/images/a%2Fb%20c");
  }

  @Test
  void findEncodesADotSegmentSoThatItCannotClimbThePath() {
    server.enqueue(CannedResponse.fault(404, "itemNotFound", "Image not found."));

    assertThat(catalog().find(ImageId.of(".."))).isEmpty();
    assertThat(server.takeRequest().target()).isEqualTo(TENANT_PATH + "/images/%2E%2E");
  }

  @Test
  void findReportsAnUnknownImageAsEmpty() {
    server.enqueue(CannedResponse.fault(404, "itemNotFound", "Image not found."));

    assertThat(catalog().find(ImageId.of("nope"))).isEmpty();
  }

  @Test
  void aConfiguredEndpointReceivesTheRequestsInsteadOfTheSessionEndpoint() {
    try (CannedServer other = CannedServer.start()) {
      other.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of("x"), null)));
      HttpImageCatalog catalog = builder().endpoint(URI.create(other.url("/v2/999/"))).build();

      assertThat(catalog.list(ImageFilter.all(), PageRequest.first(1)).items()).hasSize(1);

      assertThat(other.takeRequest().target()).isEqualTo("/v2/999/images/detail?limit=1");
      assertThat(server.pendingRequestCount()).isZero();
    }
  }

  @Test
  void buildingMakesNoRequest() {
    catalog();

    assertThat(server.pendingRequestCount()).isZero();
  }

  @Test
  void argumentsAreValidatedBeforeAnyRequest() {
    HttpImageCatalog catalog = catalog();

    assertThatThrownBy(() -> catalog.list(null, PageRequest.first())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> catalog.find(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> catalog.listAsync(null, PageRequest.first())).isInstanceOf(NullPointerException.class);
    assertThat(server.pendingRequestCount()).isZero();
  }
}
