package io.github.rackimages.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.AttemptEvent.Decision;
import io.github.rackimages.http.CannedServer.CannedResponse;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpImageCatalogListenerTest extends CatalogTestSupport {

  private final List<AttemptEvent> events = new CopyOnWriteArrayList<>();

  private static final RetryPolicy FAST = RetryPolicy.builder().baseDelay(Duration.ofMillis(100)).jitter(0).build();

  @Test
  void everyAttemptReachesTheListenerWithWhatTheCallDoesNext() {
    server.enqueue(
        CannedResponse.fault(500, "computeFault", "oops"),
        CannedResponse.fault(429, "overLimit", "later").header("Retry-After", "2"),
        CannedResponse.json(200, NovaBodies.detailPage(List.of("a"), null)));
    HttpImageCatalog catalog = builder().retryPolicy(FAST).listener(events::add).build();

    catalog.list(ImageFilter.all(), PageRequest.first(5));

    assertThat(events).extracting(AttemptEvent::status)
        .containsExactly(OptionalInt.of(500), OptionalInt.of(429), OptionalInt.of(200));
    assertThat(events).extracting(AttemptEvent::decision)
        .containsExactly(Decision.RETRY, Decision.RETRY, Decision.DONE);
    assertThat(events).extracting(AttemptEvent::retryDelay)
        .containsExactly(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ZERO);
    assertThat(events).extracting(AttemptEvent::attempt).containsExactly(1, 2, 3);
    assertThat(events).extracting(AttemptEvent::requestId)
        .containsExactly(Optional.of("req-500"), Optional.of("req-429"), Optional.empty());
    AttemptEvent first = events.get(0);
    assertThat(first.method()).isEqualTo("GET");
    assertThat(first.target()).isEqualTo(CannedServer.TENANT_PATH + "/images/detail?limit=5");
    assertThat(first.failure()).isEmpty();
    assertThat(first.duration()).isPositive();
    assertThat(events).allSatisfy(e -> assertThat(e.toString()).doesNotContain(TOKEN).doesNotContain("127.0.0.1"));
  }

  @Test
  void aRefusedTokenIsARenewal() {
    CountingAuthenticator auth = new CountingAuthenticator(server.endpoint());
    server.enqueue(CannedResponse.status(401), CannedResponse.fault(404, "itemNotFound", "gone"));
    HttpImageCatalog catalog = builder().authenticator(auth).listener(events::add).build();

    assertThat(catalog.find(ImageId.of("x"))).isEmpty();

    assertThat(events).extracting(AttemptEvent::decision).containsExactly(Decision.RENEW, Decision.DONE);
    assertThat(events.get(1).target()).endsWith("/images/x");
  }

  @Test
  void anAttemptWithoutResponseNamesWhatFailedAndTheGivingUp() {
    HttpImageCatalog catalog =
        builder().token(TOKEN, URI.create("http://127.0.0.1:1/v2/1")).listener(events::add).build();

    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.first(5)))
        .isInstanceOf(ImageCatalogException.class);

    assertThat(events).singleElement().satisfies(e -> {
      assertThat(e.status()).isEmpty();
      assertThat(e.failure()).hasValue("ConnectException");
      assertThat(e.decision()).isEqualTo(Decision.GIVE_UP);
      assertThat(e.retryDelay()).isZero();
    });
  }

  @Test
  void theAsynchronousPathTellsTheListenerToo() throws Exception {
    server.enqueue(
        CannedResponse.status(503).header("Retry-After", "1"),
        CannedResponse.json(200, NovaBodies.summaryPage(List.of("a"), null)));
    HttpImageCatalog catalog = builder().retryPolicy(FAST).listener(events::add).build();

    catalog.listSummariesAsync(ImageFilter.all(), PageRequest.first(5)).get(5, TimeUnit.SECONDS);

    assertThat(events).extracting(AttemptEvent::decision).containsExactly(Decision.RETRY, Decision.DONE);
    assertThat(events.get(0).retryDelay()).isEqualTo(Duration.ofSeconds(1));
    assertThat(events.get(1).target()).isEqualTo(CannedServer.TENANT_PATH + "/images?limit=5");
  }

  @Test
  void aListenerThatThrowsNeverBreaksACallAndIsReportedOnceAtWarning() throws Exception {
    server.enqueue(
        CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)),
        CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));
    HttpImageCatalog catalog =
        builder()
            .listener(e -> { throw new IllegalStateException("broken listener"); })
            .listener(events::add)
            .build();

    catalog.list(ImageFilter.all(), PageRequest.first(5));
    catalog.listAsync(ImageFilter.all(), PageRequest.first(5)).get(5, TimeUnit.SECONDS);

    assertThat(events).hasSize(2);
    assertThat(logger.levels()).containsOnlyOnce(Level.WARNING);
    assertThat(logger.lines()).filteredOn(l -> l.contains("broken listener")).hasSize(2);
  }

  @Test
  void listenersAreKeptInOrderByTheConfiguration() {
    HttpCatalogListener a = e -> {};
    HttpCatalogListener b = e -> {};
    HttpCatalogConfig config = HttpCatalogConfig.builder().token(TOKEN, server.endpoint()).listener(a).build();

    assertThat(config.toBuilder().listener(b).build().listeners()).containsExactly(a, b);
    assertThat(config.listeners()).containsExactly(a);
    assertThat(config.toString()).contains("listeners=1");
    assertThatThrownBy(() -> config.listeners().add(b)).isInstanceOf(UnsupportedOperationException.class);
  }
}
