package io.github.rackimages.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogNotFoundException;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.CannedServer.CannedResponse;
import io.github.rackimages.http.internal.Sleeper;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HttpImageCatalogAsyncTest extends CatalogTestSupport {

  @Test
  void listAsyncCompletesWithThePage() throws Exception {
    server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of("a", "b"), null)));

    Page<Image> page = catalog().listAsync(ImageFilter.all(), PageRequest.first(2)).get(5, TimeUnit.SECONDS);

    assertThat(page.items()).extracting(i -> i.id().value()).containsExactly("a", "b");
    assertThat(page.hasNext()).isTrue();
    assertThat(server.takeRequest().rawQuery()).isEqualTo("limit=2");
  }

  @Test
  void listSummariesAsyncCompletesWithThePage() throws Exception {
    server.enqueue(CannedResponse.json(200, NovaBodies.summaryPage(List.of("a"), null)));

    Page<ImageSummary> page =
        catalog().listSummariesAsync(ImageFilter.all(), PageRequest.first(2)).get(5, TimeUnit.SECONDS);

    assertThat(page.items()).extracting(s -> s.id().value()).containsExactly("a");
    assertThat(server.takeRequest().path()).endsWith("/images");
  }

  @Test
  void findAsyncReportsA404AsEmpty() throws Exception {
    server.enqueue(CannedResponse.fault(404, "itemNotFound", "Image not found."));

    assertThat(catalog().findAsync(ImageId.of("gone")).get(5, TimeUnit.SECONDS)).isEmpty();
  }

  @Test
  void aFailureCompletesTheFutureWithTheCatalogExceptionItself() {
    server.enqueue(CannedResponse.status(404));
    AtomicReference<Throwable> seen = new AtomicReference<>();

    CompletableFuture<Page<Image>> future = catalog().listAsync(ImageFilter.all(), PageRequest.first(2));
    future.whenComplete((page, error) -> seen.set(error));

    assertThatThrownBy(future::join)
        .isInstanceOf(CompletionException.class)
        .cause()
        .isExactlyInstanceOf(ImageCatalogNotFoundException.class);
    assertThat(seen.get()).isExactlyInstanceOf(ImageCatalogNotFoundException.class);
  }

  @Test
  void asyncCallsRetryAndRenewToo() throws Exception {
    CountingAuthenticator auth = new CountingAuthenticator(server.endpoint());
    server.enqueue(
        CannedResponse.status(401),
        CannedResponse.fault(429, "overLimit", "later").header("Retry-After", "2"),
        CannedResponse.status(500),
        CannedResponse.json(200, NovaBodies.detailPage(List.of("a"), null)));
    HttpImageCatalog catalog =
        builder()
            .authenticator(auth)
            .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(100)).jitter(0).build())
            .build();

    Page<Image> page = catalog.listAsync(ImageFilter.all(), PageRequest.first(5)).get(5, TimeUnit.SECONDS);

    assertThat(page.items()).hasSize(1);
    assertThat(auth.renewals()).isEqualTo(1);
    // The 500 is the second retry: its backoff is twice the base.
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(200));
    assertThat(server.drainRequests()).hasSize(4);
  }

  @Test
  void asyncThrottlingBeyondTheBudgetFailsTheFuture() {
    server.enqueue(CannedResponse.fault(413, "overLimit", "later").header("Retry-After", "600"));
    HttpImageCatalog catalog = builder().retryPolicy(RetryPolicy.defaults()).build();

    CompletableFuture<Page<Image>> future = catalog.listAsync(ImageFilter.all(), PageRequest.first(5));

    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS))
        .cause()
        .isExactlyInstanceOf(ImageCatalogThrottledException.class)
        .hasMessageContaining("gave up after 1 attempt");
  }

  @Test
  void asyncWorkRunsOnTheGivenExecutor() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    AtomicInteger tasks = new AtomicInteger();
    try {
      server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));
      HttpImageCatalog catalog =
          builder()
              .executor(
                  r -> {
                    tasks.incrementAndGet();
                    pool.execute(r);
                  })
              .build();

      catalog.listAsync(ImageFilter.all(), PageRequest.first(5)).get(5, TimeUnit.SECONDS);

      assertThat(tasks.get()).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void manyConcurrentAsyncCallsAllComplete() throws Exception {
    for (int i = 0; i < 20; i++) {
      server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of("i" + i), null)));
    }
    HttpImageCatalog catalog = catalog();

    List<CompletableFuture<Page<Image>>> futures =
        IntStream.range(0, 20)
            .mapToObj(i -> catalog.listAsync(ImageFilter.all(), PageRequest.first(5)))
            .toList();

    CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    assertThat(futures).allSatisfy(f -> assertThat(f.join().items()).hasSize(1));
    assertThat(server.drainRequests()).hasSize(20);
  }

  @Test
  void aCancelledCallMakesNoFurtherAttempt() throws Exception {
    CompletableFuture<Void> gate = new CompletableFuture<>();
    CountDownLatch waiting = new CountDownLatch(1);
    Sleeper gated =
        new Sleeper() {
          @Override
          public void sleep(Duration wait) {
            throw new AssertionError("the async path must not block");
          }

          @Override
          public CompletableFuture<Void> delay(Duration wait, Executor executor) {
            waiting.countDown();
            return gate;
          }
        };
    server.enqueue(CannedResponse.status(500), CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));
    HttpImageCatalog catalog =
        builder().sleeper(gated).executor(Runnable::run).retryPolicy(RetryPolicy.defaults()).build();

    CompletableFuture<Page<Image>> future = catalog.listAsync(ImageFilter.all(), PageRequest.first(5));
    assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();
    future.cancel(true);
    gate.complete(null);

    assertThat(future).isCancelled();
    server.takeRequest();
    assertThat(server.pollRequest(Duration.ofMillis(300))).isEmpty();
  }

  @Test
  void aFailureIsAnImageCatalogExceptionWhateverTheCause() {
    HttpImageCatalog catalog =
        builder().token(TOKEN, URI.create("http://127.0.0.1:1/v2/1")).build();

    CompletableFuture<Page<Image>> future = catalog.listAsync(ImageFilter.all(), PageRequest.first(5));

    assertThatThrownBy(() -> future.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(ImageCatalogException.class);
  }
}
