package io.github.rackimages.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageCatalogAuthenticationException;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.ImageCatalogUnavailableException;
import io.github.rackimages.http.RetryPolicy;
import io.github.rackimages.http.auth.IdentityServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Identity failures that may pass (503, 413/429 with a wait, timeouts) get the call's retry policy, single-flight. */
class IdentityRetryTest {

  private static final int THREADS = 12;
  private static final RetryPolicy QUICK =
      RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(1)).maxDelay(Duration.ofMillis(5)).build();

  private IdentityServer server;
  private ExecutorService pool;

  @BeforeEach
  void start() {
    server = IdentityServer.start();
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterEach
  void stop() {
    pool.shutdownNow();
    server.close();
  }

  private RackspaceIdentityAuthenticator.Builder builder() {
    return RackspaceIdentityAuthenticator.builder()
        .identityUrl(server.identityUrl())
        .httpClient(IdentityServer.CLIENT)
        .clock(new MutableClock(Access.NOW))
        .retryPolicy(QUICK)
        .apiKey("jdoe", "key");
  }

  private static Reply unavailable() {
    return Reply.json(503, "{\"serviceUnavailable\": {\"code\": 503, \"message\": \"busy\"}}")
        .withHeader("Retry-After", "0");
  }

  private static Reply token(String id) {
    return Reply.json(200, Access.threeRegions(id, Access.EXPIRES, "ORD"));
  }

  @Test
  void anIdentityHiccupIsRetriedOnceForAllWaiters() throws Exception {
    CountDownLatch hold = new CountDownLatch(1);
    server.enqueue(unavailable().heldBy(hold), token("tok-1"));
    RackspaceIdentityAuthenticator auth = builder().build();

    List<Future<String>> calls = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      calls.add(pool.submit(() -> auth.session().token().secret()));
    }
    Thread.sleep(200); // Let every caller join the flight the first reply holds.
    hold.countDown();

    for (Future<String> call : calls) {
      assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("tok-1");
    }
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void anIdentityTimeoutIsRetried() {
    server.enqueue(token("slow").delayedBy(Duration.ofSeconds(2)), token("tok-2"));
    RackspaceIdentityAuthenticator auth = builder().requestTimeout(Duration.ofMillis(300)).build();

    assertThat(auth.session().token().secret()).isEqualTo("tok-2");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void refusedCredentialsAreNotRetried() {
    server.always(Reply.json(401, "{\"unauthorized\": {\"code\": 401, \"message\": \"bad key\"}}"));
    RackspaceIdentityAuthenticator auth = builder().build();

    assertThatThrownBy(auth::session).isInstanceOf(ImageCatalogAuthenticationException.class);
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void whenEveryAttemptFailsEachWaiterGetsItsOwnExceptionSayingHowManyAttempts() throws Exception {
    CountDownLatch hold = new CountDownLatch(1);
    server.enqueue(unavailable().heldBy(hold));
    server.always(unavailable());
    RackspaceIdentityAuthenticator auth = builder().build();

    List<Future<ImageCatalogException>> calls = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      calls.add(
          pool.submit(
              () -> {
                try {
                  auth.session();
                  return null;
                } catch (ImageCatalogException e) {
                  return e;
                }
              }));
    }
    Thread.sleep(200);
    hold.countDown();

    Set<ImageCatalogException> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Future<ImageCatalogException> call : calls) {
      ImageCatalogException e = call.get(10, TimeUnit.SECONDS);
      assertThat(e).isInstanceOf(ImageCatalogUnavailableException.class).hasMessageContaining("3 attempts");
      distinct.add(e);
    }
    assertThat(distinct).hasSize(THREADS);
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void noRetryPolicyMeansOneAttempt() {
    server.always(unavailable());
    RackspaceIdentityAuthenticator auth = builder().retryPolicy(RetryPolicy.none()).build();

    assertThatThrownBy(auth::session).isInstanceOfAny(ImageCatalogUnavailableException.class,
        ImageCatalogTransportException.class);
    assertThat(server.requestCount()).isEqualTo(1);
  }
}
