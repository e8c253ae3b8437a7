package io.github.rackimages.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.AsyncImageCatalog;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogNotFoundException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.AttemptEvent.Decision;
import io.github.rackimages.http.CannedServer.CannedResponse;
import io.github.rackimages.http.internal.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** {@link HttpImageCatalog#async()}: the view over the non-blocking calls, not the port's thread-per-call view. */
class HttpImageCatalogAsyncViewTest extends CatalogTestSupport {

  private static final RetryPolicy FAST = RetryPolicy.builder().baseDelay(Duration.ofMillis(100)).jitter(0).build();

  /** Waits without blocking; a blocking sleep (the default view's) fails the test. */
  private static final Sleeper NON_BLOCKING =
      new Sleeper() {
        @Override
        public void sleep(Duration wait) {
          throw new AssertionError("the async view must not block a thread to wait");
        }

        @Override
        public CompletableFuture<Void> delay(Duration wait, Executor executor) {
          return CompletableFuture.runAsync(() -> {}, executor);
        }
      };

  private final List<AttemptEvent> events = new CopyOnWriteArrayList<>();

  @Test
  void theViewRunsTheNonBlockingCalls() throws Exception {
    server.enqueue(
        CannedResponse.status(500),
        CannedResponse.json(200, NovaBodies.detailPage(List.of("a"), null)),
        CannedResponse.fault(404, "itemNotFound", "Image not found."));
    AsyncImageCatalog images = builder().sleeper(NON_BLOCKING).retryPolicy(FAST).build().async();

    Page<Image> page = images.list(ImageFilter.all(), PageRequest.first(5)).get(5, TimeUnit.SECONDS);

    assertThat(page.items()).extracting(i -> i.id().value()).containsExactly("a");
    assertThat(images.find(ImageId.of("b")).get(5, TimeUnit.SECONDS)).isEmpty();
    assertThat(images.toString()).startsWith("async HttpImageCatalog[").doesNotContain(TOKEN);
  }

  @Test
  void theInheritedWalksPageThroughTheView() throws Exception {
    server.enqueue(
        CannedResponse.json(200, NovaBodies.detailPage(List.of("a", "b"), null)),
        CannedResponse.json(200, NovaBodies.detailPage(List.of("c"), null)));
    AsyncImageCatalog images = builder().sleeper(NON_BLOCKING).build().async();
    List<String> seen = new CopyOnWriteArrayList<>();

    long count = images.forEach(ImageFilter.all(), PageRequest.first(2), i -> seen.add(i.id().value()))
        .get(5, TimeUnit.SECONDS);

    assertThat(count).isEqualTo(3);
    assertThat(seen).containsExactly("a", "b", "c");
    server.takeRequest();
    assertThat(server.takeRequest().rawQuery()).isEqualTo("limit=2&marker=b");
  }

  @Test
  void aFailureCompletesTheFutureWithTheCatalogExceptionItself() throws Exception {
    server.enqueue(CannedResponse.fault(404, "itemNotFound", "no images API here"));
    AtomicReference<Throwable> seen = new AtomicReference<>();

    CompletableFuture<Page<Image>> future = catalog().async().list(ImageFilter.all(), PageRequest.first(5));
    CountDownLatch done = new CountDownLatch(1);
    future.whenComplete((page, error) -> {
      seen.set(error);
      done.countDown();
    });

    assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(seen.get()).isExactlyInstanceOf(ImageCatalogNotFoundException.class);
  }

  @Test
  void cancellingCancelsTheRequestInFlightAndNoRetryFollows() throws Exception {
    // Without the cancellation reaching the client, the 500 would arrive after 1.5 s, reach the listener, and a
    // retry 100 ms later would reach the server.
    server.enqueue(
        CannedResponse.status(500).delay(Duration.ofMillis(1500)),
        CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));
    AsyncImageCatalog images =
        builder().sleeper(Sleeper.SYSTEM).retryPolicy(FAST).listener(events::add).build().async();

    CompletableFuture<Page<Image>> future = images.list(ImageFilter.all(), PageRequest.first(5));
    server.takeRequest();
    assertThat(future.cancel(true)).isTrue();

    assertThat(server.pollRequest(Duration.ofMillis(2500))).isEmpty();
    assertThat(events).as("the response of a cancelled request is never read").isEmpty();
    assertThat(future).isCancelled();
  }

  @Test
  void cancellingDuringTheWaitForARetryDropsTheRetry() throws Exception {
    CountDownLatch retrying = new CountDownLatch(1);
    server.enqueue(
        CannedResponse.status(503).header("Retry-After", "0.5"),
        CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));
    AsyncImageCatalog images =
        builder()
            .sleeper(Sleeper.SYSTEM)
            .retryPolicy(FAST)
            .listener(e -> {
              if (e.decision() == Decision.RETRY) {
                retrying.countDown();
              }
            })
            .build()
            .async();

    CompletableFuture<Page<Image>> future = images.list(ImageFilter.all(), PageRequest.first(5));
    assertThat(retrying.await(5, TimeUnit.SECONDS)).isTrue();
    future.cancel(true);

    server.takeRequest();
    assertThat(server.pollRequest(Duration.ofMillis(1200))).isEmpty();
    assertThat(future).isCancelled();
  }
}
