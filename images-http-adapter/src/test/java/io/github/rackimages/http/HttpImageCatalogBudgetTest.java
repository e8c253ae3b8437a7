package io.github.rackimages.http;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.ImageCatalogUnavailableException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.CannedServer.CannedResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What requestTimeout bounds, and the apiCallTimeout budget of a whole call (attempts and waits). */
class HttpImageCatalogBudgetTest extends CatalogTestSupport {

  private static final RetryPolicy PATIENT =
      RetryPolicy.builder().maxAttempts(10).maxTotalTime(Duration.ofMinutes(10)).build();

  private static CannedResponse unavailableFor(int seconds) {
    return CannedResponse.fault(503, "serviceUnavailable", "busy").header("Retry-After", String.valueOf(seconds));
  }

  @Test
  void aWaitThatWouldPassTheBudgetEndsTheCallWithANonRetryableErrorNamingIt() {
    for (int i = 0; i < 5; i++) {
      server.enqueue(unavailableFor(5));
    }
    HttpImageCatalog catalog = builder().retryPolicy(PATIENT).apiCallTimeout(Duration.ofSeconds(8)).build();

    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.first(5)))
        .isInstanceOfSatisfying(ImageCatalogCallTimeoutException.class, e -> {
          assertThat(e.budget()).isEqualTo(Duration.ofSeconds(8));
          assertThat(e.isRetryable()).isFalse();
          assertThat(e.getMessage()).contains("apiCallTimeout of 8 s").doesNotContain(TOKEN);
          assertThat(e.getCause()).isInstanceOf(ImageCatalogUnavailableException.class);
        });
    // One wait of 5 s was made; the second would have ended at 10 s, past the budget of 8 s.
    assertThat(server.drainRequests()).hasSize(2);
  }

  @Test
  void theAsyncPathKeepsTheSameBudget() throws Exception {
    for (int i = 0; i < 5; i++) {
      server.enqueue(unavailableFor(5));
    }
    HttpImageCatalog catalog = builder().retryPolicy(PATIENT).apiCallTimeout(Duration.ofSeconds(8)).build();

    Throwable failure = null;
    try {
      catalog.listAsync(ImageFilter.all(), PageRequest.first(5)).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      failure = e.getCause();
    }
    assertThat(failure).isInstanceOf(ImageCatalogCallTimeoutException.class);
    assertThat(server.drainRequests()).hasSize(2);
  }

  /** An authenticator of the user's own whose sign-in takes longer than the call may: the budget ends the call. */
  @Test
  void aSignInThatRunsPastTheBudgetEndsTheCallAsATimeOut() {
    java.util.List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.github.rackimages.http.auth.Authenticator slow = new io.github.rackimages.http.auth.Authenticator() {
      @Override public io.github.rackimages.http.auth.AuthSession session() {
        throw new AssertionError("a call with a budget must bound its wait");
      }
      @Override public io.github.rackimages.http.auth.AuthSession session(Duration maxWait) {
        waits.add(maxWait);
        try {
          Thread.sleep(maxWait.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new ImageCatalogTransportException("gave up waiting for the identity service");
      }
      @Override public io.github.rackimages.http.auth.AuthSession renew(io.github.rackimages.http.auth.AuthSession r) {
        throw new AssertionError("no renewal");
      }
    };
    HttpImageCatalog catalog = HttpImageCatalog.builder().authenticator(slow)
        .endpoint(server.endpoint())
        .retryPolicy(PATIENT).apiCallTimeout(Duration.ofMillis(400)).build();

    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.first(5)))
        .isInstanceOfSatisfying(ImageCatalogCallTimeoutException.class,
            e -> assertThat(e.getMessage()).contains("apiCallTimeout of 400 ms"));
    assertThat(waits).hasSize(1).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofMillis(400)));
    assertThat(server.drainRequests()).isEmpty();
  }

  @Test
  void withoutABudgetTheRetryPolicyAloneDecides() {
    for (int i = 0; i < 3; i++) {
      server.enqueue(unavailableFor(5));
    }
    HttpImageCatalog catalog =
        builder().retryPolicy(RetryPolicy.builder().maxAttempts(3).maxTotalTime(Duration.ofMinutes(1)).build())
            .build();

    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.first(5)))
        .isInstanceOf(ImageCatalogUnavailableException.class)
        .hasMessageContaining("3 attempts");
  }

  /** Real time: a server that never answers; the budget, far below requestTimeout, ends the call. */
  @Test
  void anAttemptIsCutToWhatIsLeftOfTheBudget() {
    server.enqueue(CannedResponse.json(200, "{\"images\": []}").delay(Duration.ofSeconds(20)));
    HttpImageCatalog catalog =
        HttpImageCatalog.builder()
            .token(TOKEN, server.endpoint())
            .requestTimeout(Duration.ofSeconds(30))
            .apiCallTimeout(Duration.ofMillis(500))
            .build();

    long start = System.nanoTime();
    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.first(5)))
        .isInstanceOf(ImageCatalogCallTimeoutException.class)
        .hasMessageContaining("apiCallTimeout of 500 ms");
    // Generous: the point is "not 30 s, nor 4 attempts of it".
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void theBudgetMustBePositive() {
    assertThatThrownBy(() -> builder().apiCallTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apiCallTimeout");
  }

  @Test
  void theRequestTimeoutBoundsEachAttemptAndTimeoutsAreRetriedAsNetworkFailures() {
    server.enqueue(
        CannedResponse.json(200, "{\"images\": []}").delay(Duration.ofSeconds(3)),
        CannedResponse.json(200, "{\"images\": []}"));
    HttpImageCatalog catalog =
        builder().requestTimeout(Duration.ofMillis(300)).retryPolicy(RetryPolicy.builder().maxAttempts(1).build())
            .build();

    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.first(5)))
        .isInstanceOf(ImageCatalogTransportException.class)
        .hasMessageContaining("request timeout of 300 ms");
    List<?> unused = server.drainRequests();
    assertThat(unused).isNotEmpty();
    assertThat(ImageCatalogException.class).isAssignableFrom(ImageCatalogCallTimeoutException.class);
  }
}
