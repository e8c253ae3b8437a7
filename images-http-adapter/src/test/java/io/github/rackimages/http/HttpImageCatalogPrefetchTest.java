package io.github.rackimages.http;

import static io.github.rackimages.http.CannedServer.TENANT_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogProtocolException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.CannedServer.CannedResponse;
import io.github.rackimages.http.CannedServer.RecordedRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Stream walks ask for page N+1 while page N is read, and cancel that request when the walk ends early. */
class HttpImageCatalogPrefetchTest extends CatalogTestSupport {

  private final List<AttemptEvent> events = new CopyOnWriteArrayList<>();

  private String next(String marker) {
    return server.url(TENANT_PATH + "/images/detail?limit=2&marker=" + marker);
  }

  @Test
  void theSecondPageIsRequestedWhileTheFirstIsRead() {
    server.enqueue(
        CannedResponse.json(200, NovaBodies.detailPage(List.of("a", "b"), next("b"))),
        CannedResponse.json(200, NovaBodies.detailPage(List.of("c"), null)));
    List<String> seen = new ArrayList<>();
    List<RecordedRequest> whileOnTheFirstItem = new ArrayList<>();

    catalog().stream(ImageFilter.all(), PageRequest.first(2)).forEach(image -> {
      if (seen.isEmpty()) {
        // The consumer holds the first item; the walk has not asked for more, yet page 2 is on its way.
        whileOnTheFirstItem.add(server.takeRequest());
        whileOnTheFirstItem.add(server.takeRequest());
      }
      seen.add(image.id().value());
    });

    assertThat(seen).containsExactly("a", "b", "c");
    assertThat(whileOnTheFirstItem).extracting(RecordedRequest::rawQuery)
        .containsExactly("limit=2", "limit=2&marker=b");
    assertThat(server.pollRequest(Duration.ofMillis(200))).isEmpty();
  }

  @Test
  void summaryWalksAskAheadToo() {
    server.enqueue(
        CannedResponse.json(200, NovaBodies.summaryPage(
            List.of("a", "b"), server.url(TENANT_PATH + "/images?limit=2&marker=b"))),
        CannedResponse.json(200, NovaBodies.summaryPage(List.of("c"), null)));
    List<String> queries = new ArrayList<>();

    List<String> ids = catalog().streamSummaries(ImageFilter.all(), PageRequest.first(2))
        .peek(s -> {
          if (queries.isEmpty()) {
            queries.add(server.takeRequest().rawQuery());
            queries.add(server.takeRequest().rawQuery());
          }
        })
        .map(s -> s.id().value())
        .toList();

    assertThat(ids).containsExactly("a", "b", "c");
    assertThat(queries).containsExactly("limit=2", "limit=2&marker=b");
  }

  @Test
  void pageWalksAskAheadWhileAPageIsHeld() {
    server.enqueue(
        CannedResponse.json(200, NovaBodies.detailPage(List.of("a", "b"), next("b"))),
        CannedResponse.json(200, NovaBodies.detailPage(List.of("c"), null)));
    List<String> queries = new ArrayList<>();

    List<Integer> sizes = catalog().pages(ImageFilter.all(), PageRequest.first(2))
        .peek(p -> {
          if (queries.isEmpty()) {
            queries.add(server.takeRequest().rawQuery());
            queries.add(server.takeRequest().rawQuery());
          }
        })
        .map(p -> p.items().size())
        .toList();

    assertThat(sizes).containsExactly(2, 1);
    assertThat(queries).containsExactly("limit=2", "limit=2&marker=b");
  }

  @Test
  void summaryPageWalksAskAheadAndClosingThemCancelsTheRequestAhead() {
    server.enqueue(
        CannedResponse.json(200, NovaBodies.summaryPage(
            List.of("a", "b"), server.url(TENANT_PATH + "/images?limit=2&marker=b"))),
        CannedResponse.json(200, NovaBodies.summaryPage(
            List.of("c", "d"), server.url(TENANT_PATH + "/images?limit=2&marker=d")))
            .delay(Duration.ofMillis(1500)));
    HttpImageCatalog catalog = builder().listener(events::add).build();

    try (Stream<Page<ImageSummary>> pages = catalog.summaryPages(ImageFilter.all(), PageRequest.first(2))) {
      assertThat(pages.iterator().next().items()).hasSize(2);
      assertThat(server.takeRequest().rawQuery()).isEqualTo("limit=2");
      assertThat(server.takeRequest().rawQuery()).as("asked ahead").isEqualTo("limit=2&marker=b");
    }

    assertThat(server.pollRequest(Duration.ofMillis(2500))).isEmpty();
    assertThat(events).as("the response of the cancelled request is never read").hasSize(1);
  }

  @Test
  void aPageThatFailsAfterItsNextLinkWasReadLeavesNoRequestBehind() {
    // Page 1's next link is read from the body's tail before its images are, so page 2 may be asked for at once.
    // Page 1 then fails (a created time that is not a time): the walk fails with it, and whatever was asked ahead
    // is cancelled before its answer is read.
    String broken = NovaBodies.detailPage(List.of("a", "b"), next("b")).replace("2015-03-10T18:35:18Z", "yesterday");
    server.enqueue(
        CannedResponse.json(200, broken),
        CannedResponse.json(200, NovaBodies.detailPage(List.of("c"), null)).delay(Duration.ofMillis(1500)));
    HttpImageCatalog catalog = builder().listener(events::add).build();

    assertThatThrownBy(() -> catalog.stream(ImageFilter.all(), PageRequest.first(2)).toList())
        .isInstanceOf(ImageCatalogProtocolException.class)
        .hasMessageContaining("created");

    assertThat(server.takeRequest().rawQuery()).isEqualTo("limit=2");
    server.pollRequest(Duration.ofMillis(2500))
        .ifPresent(r -> assertThat(r.rawQuery()).as("only the page the link names").isEqualTo("limit=2&marker=b"));
    assertThat(server.pollRequest(Duration.ofMillis(500))).isEmpty();
    assertThat(events).as("no answer but page 1's is read").hasSize(1);
  }

  @Test
  void nothingIsRequestedBeforeTheTerminalOperation() {
    Stream<Image> images = catalog().stream(ImageFilter.all(), PageRequest.first(2));

    assertThat(server.pollRequest(Duration.ofMillis(200))).isEmpty();
    images.close();
  }

  @Test
  void aLimitThatEndsTheWalkCancelsTheRequestAheadAndAsksNoFurther() {
    // Without the cancellation, page 2 would arrive after 1.5 s and reach the listener.
    server.enqueue(
        CannedResponse.json(200, NovaBodies.detailPage(List.of("a", "b"), next("b"))),
        CannedResponse.json(200, NovaBodies.detailPage(List.of("c", "d"), next("d"))).delay(Duration.ofMillis(1500)),
        CannedResponse.json(200, NovaBodies.detailPage(List.of("e"), null)));
    HttpImageCatalog catalog = builder().listener(events::add).build();

    List<String> first = catalog.stream(ImageFilter.all(), PageRequest.first(2))
        .peek(i -> {
          server.takeRequest();
          assertThat(server.takeRequest().rawQuery()).isEqualTo("limit=2&marker=b");
        })
        .limit(1)
        .map(i -> i.id().value())
        .toList();

    assertThat(first).containsExactly("a");
    assertThat(server.pollRequest(Duration.ofMillis(2500))).as("no third request").isEmpty();
    assertThat(events).as("the response of the cancelled request is never read").hasSize(1);
  }

  @Test
  void closingTheStreamCancelsTheRequestAhead() {
    server.enqueue(
        CannedResponse.json(200, NovaBodies.detailPage(List.of("a", "b"), next("b"))),
        CannedResponse.json(200, NovaBodies.detailPage(List.of("c", "d"), next("d"))).delay(Duration.ofMillis(1500)));
    HttpImageCatalog catalog = builder().listener(events::add).build();

    try (Stream<Image> images = catalog.stream(ImageFilter.all(), PageRequest.first(2))) {
      Iterator<Image> it = images.iterator();
      assertThat(it.next().id().value()).isEqualTo("a");
      server.takeRequest();
      server.takeRequest();
    }

    assertThat(server.pollRequest(Duration.ofMillis(2500))).isEmpty();
    assertThat(events).hasSize(1);
  }

  @Test
  void aFailureOfThePageAheadSurfacesAfterTheWholeFirstPageWithItsResumeMarker() {
    server.enqueue(
        CannedResponse.json(200, NovaBodies.detailPage(List.of("a", "b"), next("b"))),
        CannedResponse.fault(500, "computeFault", "page two broke"));
    List<String> delivered = new ArrayList<>();

    assertThatThrownBy(() -> catalog().stream(ImageFilter.all(), PageRequest.first(2))
            .forEach(i -> delivered.add(i.id().value())))
        .isInstanceOfSatisfying(
            ImageCatalogException.class,
            e -> assertThat(e.resumeMarker()).contains(PageMarker.of("b")));

    assertThat(delivered).containsExactly("a", "b");
    assertThat(server.drainRequests()).hasSize(2);
  }

  @Test
  void withPrefetchOffNothingIsRequestedAhead() {
    server.enqueue(
        CannedResponse.json(200, NovaBodies.detailPage(List.of("a", "b"), next("b"))),
        CannedResponse.json(200, NovaBodies.detailPage(List.of("c"), null)));
    List<String> seen = new ArrayList<>();

    builder().prefetch(false).build().stream(ImageFilter.all(), PageRequest.first(2)).forEach(image -> {
      if (seen.isEmpty()) {
        server.takeRequest();
        assertThat(server.pollRequest(Duration.ofMillis(300))).as("a request ahead").isEmpty();
      }
      seen.add(image.id().value());
    });

    assertThat(seen).containsExactly("a", "b", "c");
    assertThat(server.takeRequest().rawQuery()).isEqualTo("limit=2&marker=b");
  }

  @Test
  void prefetchIsOnUnlessTurnedOffAndSurvivesToBuilder() {
    HttpCatalogConfig on = HttpCatalogConfig.builder().token(TOKEN, server.endpoint()).build();
    HttpCatalogConfig off = on.toBuilder().prefetch(false).build();

    assertThat(on.prefetch()).isTrue();
    assertThat(off.prefetch()).isFalse();
    assertThat(off.toBuilder().build().prefetch()).isFalse();
    assertThat(off.toString()).contains("prefetch=false");
  }
}
