package io.github.rackimages.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogServiceFaultException;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.ImageCatalogUnavailableException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.CannedServer.CannedResponse;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpImageCatalogRetryTest extends CatalogTestSupport {

  private static final RetryPolicy EXACT =
      RetryPolicy.builder()
          .maxAttempts(4)
          .maxTotalTime(Duration.ofSeconds(60))
          .baseDelay(Duration.ofMillis(100))
          .maxDelay(Duration.ofSeconds(10))
          .jitter(0)
          .build();

  private static final String OK = NovaBodies.detailPage(List.of("a"), null);

  @Test
  void retryAfterInSecondsIsWaitedOut() {
    server.enqueue(
        CannedResponse.fault(413, "overLimit", "OverLimit Retry...").header("Retry-After", "3"),
        CannedResponse.json(200, OK));

    assertThat(list().items()).hasSize(1);

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    assertThat(server.drainRequests()).hasSize(2);
  }

  @Test
  void retryAfterAsAnHttpDateIsWaitedOutUntilThatTime() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.instant().plusSeconds(7).atOffset(ZoneOffset.UTC));
    server.enqueue(
        CannedResponse.fault(413, "overLimit", "OverLimit Retry...").header("Retry-After", date),
        CannedResponse.json(200, OK));

    list();

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void aBodyRetryAfterInstantIsWaitedOut() {
    server.enqueue(
        CannedResponse.json(
            413,
            "{\"overLimit\": {\"code\": 413, \"message\": \"OverLimit Retry...\", \"details\": \"Error Details...\","
                + " \"retryAfter\": \"" + clock.instant().plusSeconds(12) + "\"}}"),
        CannedResponse.json(200, OK));

    list();

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(12));
  }

  @Test
  void aBodyRetryAtIsWaitedOut() {
    server.enqueue(
        CannedResponse.json(
            413,
            "{\"overLimit\": {\"code\": 413, \"message\": \"x\", \"retryAt\": \"" + clock.instant().plusSeconds(5)
                + "\"}}"),
        CannedResponse.json(200, OK));

    list();

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void aBodyRetryAfterInSecondsIsWaitedOutOn429() {
    server.enqueue(
        CannedResponse.json(429, "{\"overLimit\": {\"code\": 429, \"message\": \"x\", \"retryAfter\": \"2\"}}"),
        CannedResponse.json(200, OK));

    list();

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void a503WithRetryAfterIsWaitedOut() {
    server.enqueue(CannedResponse.status(503).header("Retry-After", "1"), CannedResponse.json(200, OK));

    list();

    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void throttlingThatOutlastsTheBudgetIsReportedAtOnceWithAttemptsAndTime() {
    server.enqueue(
        CannedResponse.fault(413, "overLimit", "OverLimit Retry...").header("Retry-After", "120"),
        CannedResponse.json(200, OK));

    ImageCatalogException e = listFails();

    assertThat(e).isExactlyInstanceOf(ImageCatalogThrottledException.class);
    assertThat(((ImageCatalogThrottledException) e).retryAfter()).contains(Duration.ofSeconds(120));
    assertThat(e.getMessage())
        .contains("gave up after 1 attempt in 0 ms")
        .contains("the next wait of 2 min would pass the retry budget of 1 min");
    assertThat(sleeper.waits()).isEmpty();
    assertThat(server.drainRequests()).hasSize(1);
  }

  @Test
  void throttlingThatKeepsComingUsesUpTheBudget() {
    for (int i = 0; i < 4; i++) {
      server.enqueue(CannedResponse.fault(429, "overLimit", "slow down").header("Retry-After", "25"));
    }

    ImageCatalogException e = listFails();

    assertThat(e).isExactlyInstanceOf(ImageCatalogThrottledException.class);
    assertThat(e.getMessage()).contains("gave up after 3 attempts in 50 s");
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(25), Duration.ofSeconds(25));
  }

  @Test
  void serverFaultsAreRetriedWithExponentialBackoff() {
    server.enqueue(
        CannedResponse.fault(500, "computeFault", "erred"),
        CannedResponse.status(502),
        CannedResponse.status(504),
        CannedResponse.json(200, OK));

    assertThat(list().items()).hasSize(1);

    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void serverFaultsBeyondMaxAttemptsReportTheLastOneWithAttemptsAndTime() {
    server.enqueue(
        CannedResponse.status(500),
        CannedResponse.status(500),
        CannedResponse.status(500),
        CannedResponse.fault(500, "computeFault", "the last one"));

    ImageCatalogException e = listFails();

    assertThat(e).isExactlyInstanceOf(ImageCatalogServiceFaultException.class);
    assertThat(e.serviceMessage()).contains("the last one");
    assertThat(e.getMessage()).contains("gave up after 4 attempts in 700 ms");
  }

  @Test
  void a503WithoutAWaitIsRetriedWithBackoff() {
    server.enqueue(CannedResponse.status(503), CannedResponse.json(200, OK));

    list();

    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void a429WithoutAWaitIsRetriedWithBackoff() {
    server.enqueue(CannedResponse.fault(429, "overLimit", "x"), CannedResponse.json(200, OK));

    list();

    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void a413WithoutAnyWaitIsNotRetriedSinceItMayBeAnAbsoluteLimit() {
    server.enqueue(CannedResponse.fault(413, "overLimit", "quota"), CannedResponse.json(200, OK));

    ImageCatalogException e = listFails();

    assertThat(e).isExactlyInstanceOf(ImageCatalogThrottledException.class);
    assertThat(((ImageCatalogThrottledException) e).retryAfter()).isEmpty();
    assertThat(e.getMessage()).contains("absolute limit");
    assertThat(server.drainRequests()).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 405, 409, 415, 422})
  void clientErrorsAreNeverRetried(int status) {
    server.enqueue(CannedResponse.status(status), CannedResponse.json(200, OK));

    listFails();

    assertThat(server.drainRequests()).hasSize(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void aMalformedBodyIsNotRetried() {
    server.enqueue(CannedResponse.json(200, "{\"images\": 7}"), CannedResponse.json(200, OK));

    listFails();

    assertThat(server.drainRequests()).hasSize(1);
  }

  @Test
  void aRefusedConnectionIsRetriedThenReported() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    HttpImageCatalog catalog =
        builder()
            .token(TOKEN, URI.create("http://127.0.0.1:" + port + "/v2/1"))
            .retryPolicy(EXACT.toBuilder().maxAttempts(3).build())
            .build();

    ImageCatalogException e =
        catchThrowableOfType(ImageCatalogException.class, () -> catalog.list(ImageFilter.all(), PageRequest.first(1)));

    assertThat(e).isExactlyInstanceOf(ImageCatalogTransportException.class);
    assertThat(e.getMessage()).contains("gave up after 3 attempts");
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void aTimeoutIsRetried() {
    server.enqueue(CannedResponse.json(200, OK).delay(Duration.ofMillis(1500)), CannedResponse.json(200, OK));
    HttpImageCatalog catalog = builder().retryPolicy(EXACT).requestTimeout(Duration.ofMillis(300)).build();

    assertThat(catalog.list(ImageFilter.all(), PageRequest.first(5)).items()).hasSize(1);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void aBodyCutOffIsRetried() {
    String body = NovaBodies.detailPage(List.of("a", "b", "c"), null);
    try (RawSocketServer raw =
        RawSocketServer.answering(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length(),
            body.substring(0, 40))) {
      HttpImageCatalog catalog = builder().token(TOKEN, raw.endpoint()).retryPolicy(EXACT).build();

      ImageCatalogException e =
          catchThrowableOfType(ImageCatalogException.class, () -> catalog.list(ImageFilter.all(), PageRequest.first(5)));

      assertThat(e).isExactlyInstanceOf(ImageCatalogTransportException.class);
      assertThat(raw.connections()).isEqualTo(4);
    }
  }

  @Test
  void jitterShortensBackoffsWithinItsShare() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(CannedResponse.status(500));
    }
    server.enqueue(CannedResponse.json(200, OK));
    HttpImageCatalog catalog = builder().retryPolicy(EXACT.toBuilder().jitter(0.5).build()).build();

    catalog.list(ImageFilter.all(), PageRequest.first(5));

    List<Duration> waits = sleeper.waits();
    assertThat(waits).hasSize(3);
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(waits.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(waits.get(2)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void withoutRetriesA503IsReportedWithItsWait() {
    server.enqueue(CannedResponse.status(503).header("Retry-After", "1"));

    HttpImageCatalog catalog = builder().retryPolicy(RetryPolicy.none()).build();
    ImageCatalogException e =
        catchThrowableOfType(ImageCatalogException.class, () -> catalog.list(ImageFilter.all(), PageRequest.first(5)));

    assertThat(e).isExactlyInstanceOf(ImageCatalogUnavailableException.class);
    assertThat(((ImageCatalogUnavailableException) e).retryAfter()).contains(Duration.ofSeconds(1));
    assertThat(e.getMessage()).contains("gave up after 1 attempt");
  }

  private Page<Image> list() {
    return builder().retryPolicy(EXACT).build().list(ImageFilter.all(), PageRequest.first(5));
  }

  private ImageCatalogException listFails() {
    HttpImageCatalog catalog = builder().retryPolicy(EXACT).build();
    ImageCatalogException e =
        catchThrowableOfType(ImageCatalogException.class, () -> catalog.list(ImageFilter.all(), PageRequest.first(5)));
    assertThat(e).as("the call must fail with an ImageCatalogException").isNotNull();
    return e;
  }
}
