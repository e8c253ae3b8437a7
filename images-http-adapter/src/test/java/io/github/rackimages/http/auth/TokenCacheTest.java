package io.github.rackimages.http.auth;

import io.github.rackimages.http.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageCatalogAuthenticationException;
import io.github.rackimages.core.ImageCatalogServiceFaultException;
import io.github.rackimages.http.auth.IdentityServer.Reply;
import java.time.Duration;
import java.time.Instant;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token cache: reuse, refresh before expiry, single flight under concurrency, and renewal after a 401. */
class TokenCacheTest {

  private static final int THREADS = 16;

  private IdentityServer server;
  private final MutableClock clock = new MutableClock(Access.NOW);
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

  private static Reply token(String id, String expires) {
    return Reply.json(200, Access.threeRegions(id, expires, "ORD"));
  }

  private RackspaceIdentityAuthenticator.Builder builder() {
    return RackspaceIdentityAuthenticator.builder()
        .retryPolicy(RetryPolicy.none()) // One identity answer at a time: IdentityRetryTest covers retries.
        .identityUrl(server.identityUrl())
        .httpClient(IdentityServer.CLIENT)
        .clock(clock)
        .apiKey("jdoe", "key");
  }

  /** Real time, generous bounds: a stalled sign-in holds no caller past the wait it was given. */
  @Test
  void aBoundedWaitForAStalledSignInEndsOnTimeForLeaderAndWaitersAndTheSignInGoesOn() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.enqueue(token("tok-late", Access.EXPIRES).heldBy(release));
    RackspaceIdentityAuthenticator auth = builder().build();
    List<Future<Throwable>> callers = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < 4; i++) {
      callers.add(pool.submit(() -> {
        try {
          auth.session(Duration.ofMillis(300));
          return null;
        } catch (RuntimeException e) {
          return e;
        }
      }));
    }
    for (Future<Throwable> f : callers) {
      assertThat(f.get(10, TimeUnit.SECONDS))
          .isInstanceOf(io.github.rackimages.core.ImageCatalogTransportException.class)
          .hasMessageContaining("gave up waiting for the identity service after 300 ms");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(8));

    release.countDown();
    assertThat(auth.session().token().secret()).isEqualTo("tok-late");
    assertThat(server.requestCount()).as("one sign-in, shared").isEqualTo(1);
  }

  @Test
  void manySessionCallsShareOneIdentityCall() {
    server.always(token("tok-1", Access.EXPIRES));
    RackspaceIdentityAuthenticator auth = builder().build();

    for (int i = 0; i < 50; i++) {
      assertThat(auth.session().token().secret()).isEqualTo("tok-1");
      clock.advance(Duration.ofMinutes(20));
    }

    // 50 x 20 min = 16 h 40 min, well inside the 24 h token.
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void noCallIsMadeBeforeTheFirstSession() {
    server.always(token("tok-1", Access.EXPIRES));

    builder().build();

    assertThat(server.requestCount()).isZero();
  }

  @Test
  void aTokenIsRefreshedFiveMinutesBeforeItExpiresByDefault() {
    server.enqueue(token("tok-1", "2015-06-05T13:00:00Z"), token("tok-2", "2015-06-05T14:00:00Z"));
    RackspaceIdentityAuthenticator auth = builder().build();
    assertThat(auth.session().token().secret()).isEqualTo("tok-1");

    clock.set(Instant.parse("2015-06-05T12:54:59Z"));
    assertThat(auth.session().token().secret()).isEqualTo("tok-1");
    assertThat(server.requestCount()).isEqualTo(1);

    clock.set(Instant.parse("2015-06-05T12:55:00Z"));
    assertThat(auth.session().token().secret()).isEqualTo("tok-2");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void theRefreshSkewIsConfigurable() {
    server.enqueue(token("tok-1", "2015-06-05T13:00:00Z"), token("tok-2", "2015-06-05T14:00:00Z"));
    RackspaceIdentityAuthenticator auth = builder().refreshSkew(Duration.ofMinutes(15)).build();
    auth.session();

    clock.set(Instant.parse("2015-06-05T12:44:59Z"));
    assertThat(auth.session().token().secret()).isEqualTo("tok-1");
    clock.set(Instant.parse("2015-06-05T12:45:00Z"));
    assertThat(auth.session().token().secret()).isEqualTo("tok-2");
  }

  @Test
  void aTokenIsRefreshedAfterItExpires() {
    server.enqueue(token("tok-1", "2015-06-05T13:00:00Z"), token("tok-2", "2015-06-06T13:00:00Z"));
    RackspaceIdentityAuthenticator auth = builder().refreshSkew(Duration.ZERO).build();
    auth.session();

    clock.set(Instant.parse("2015-06-05T12:59:59.999Z"));
    assertThat(auth.session().token().secret()).isEqualTo("tok-1");
    clock.set(Instant.parse("2015-06-05T13:00:00Z"));
    assertThat(auth.session().token().secret()).isEqualTo("tok-2");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void aTokenShorterLivedThanTwiceTheSkewIsRefreshedHalfWayNotOnEveryCall() {
    // Lives 4 minutes, the skew is 5: refreshing "5 minutes before" would mean an identity call per request.
    server.enqueue(token("tok-1", "2015-06-05T12:04:00Z"), token("tok-2", "2015-06-05T13:00:00Z"));
    RackspaceIdentityAuthenticator auth = builder().build();
    auth.session();

    clock.set(Instant.parse("2015-06-05T12:01:59Z"));
    assertThat(auth.session().token().secret()).isEqualTo("tok-1");
    assertThat(auth.session().token().secret()).isEqualTo("tok-1");
    assertThat(server.requestCount()).isEqualTo(1);
    clock.set(Instant.parse("2015-06-05T12:02:00Z"));
    assertThat(auth.session().token().secret()).isEqualTo("tok-2");
  }

  @Test
  void sixteenThreadsOnAnEmptyCacheCauseExactlyOneIdentityCall() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.always(token("tok-1", Access.EXPIRES).heldBy(release));
    RackspaceIdentityAuthenticator auth = builder().build();

    List<AuthSession> sessions = concurrently(auth::session, release);

    assertThat(server.requestCount()).isEqualTo(1);
    assertThat(sessions).hasSize(THREADS).allSatisfy(s -> assertThat(s.token().secret()).isEqualTo("tok-1"));
  }

  @Test
  void sixteenThreadsRenewingTheSameRefusedTokenCauseExactlyOneIdentityCall() throws Exception {
    server.enqueue(token("tok-1", Access.EXPIRES));
    RackspaceIdentityAuthenticator auth = builder().build();
    AuthSession refused = auth.session();
    CountDownLatch release = new CountDownLatch(1);
    server.always(token("tok-2", Access.EXPIRES).heldBy(release));

    List<AuthSession> sessions = concurrently(() -> auth.renew(refused), release);

    assertThat(server.requestCount()).isEqualTo(2);
    assertThat(sessions).hasSize(THREADS).allSatisfy(s -> assertThat(s.token().secret()).isEqualTo("tok-2"));
  }

  @Test
  void renewingATokenSomeoneElseRenewedReturnsTheNewOneWithoutACall() {
    server.enqueue(token("tok-1", Access.EXPIRES), token("tok-2", Access.EXPIRES));
    RackspaceIdentityAuthenticator auth = builder().build();
    AuthSession first = auth.session();

    AuthSession renewed = auth.renew(first);
    AuthSession again = auth.renew(first);

    assertThat(renewed.token().secret()).isEqualTo("tok-2");
    assertThat(again).isEqualTo(renewed);
    assertThat(auth.session()).isEqualTo(renewed);
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void renewingTheCurrentTokenAuthenticatesAgainEvenThoughItLooksFresh() {
    server.enqueue(token("tok-1", Access.EXPIRES), token("tok-2", Access.EXPIRES), token("tok-3", Access.EXPIRES));
    RackspaceIdentityAuthenticator auth = builder().build();

    AuthSession second = auth.renew(auth.session());
    AuthSession third = auth.renew(second);

    assertThat(third.token().secret()).isEqualTo("tok-3");
    assertThat(server.requestCount()).isEqualTo(3);
  }

  @Test
  void renewingOnAnEmptyCacheAuthenticates() {
    server.always(token("tok-1", Access.EXPIRES));
    RackspaceIdentityAuthenticator auth = builder().build();
    AuthSession foreign = new AuthSession(AccessToken.of("elsewhere"), java.net.URI.create(Access.ORD_URL));

    assertThat(auth.renew(foreign).token().secret()).isEqualTo("tok-1");
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void renewingAStaleTokenThatDiffersFromTheRefusedOneStillAuthenticates() {
    server.enqueue(token("tok-1", "2015-06-05T13:00:00Z"), token("tok-2", "2015-06-06T13:00:00Z"));
    RackspaceIdentityAuthenticator auth = builder().build();
    auth.session();
    clock.set(Instant.parse("2015-06-05T12:59:00Z"));

    AuthSession renewed = auth.renew(new AuthSession(AccessToken.of("tok-0"), java.net.URI.create(Access.ORD_URL)));

    assertThat(renewed.token().secret()).isEqualTo("tok-2");
  }

  @Test
  void aFailureIsNotCachedTheNextCallTriesAgain() {
    server.enqueue(Reply.json(500, "{\"identityFault\": {\"code\": 500, \"message\": \"Service Fault\"}}"),
        token("tok-1", Access.EXPIRES));
    RackspaceIdentityAuthenticator auth = builder().build();

    assertThatThrownBy(auth::session).isInstanceOf(ImageCatalogServiceFaultException.class);
    assertThat(auth.session().token().secret()).isEqualTo("tok-1");
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void aFailureReachesEveryWaiterOfThatAttemptAndOnlyOneCallIsMade() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    server.enqueue(Reply.json(401, "{\"unauthorized\": {\"code\": 401, \"message\": \"Username or api key is invalid.\"}}")
        .heldBy(release));
    RackspaceIdentityAuthenticator auth = builder().build();
    AtomicInteger failures = new AtomicInteger();
    Set<Throwable> distinct = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

    List<AuthSession> sessions = concurrently(() -> {
      try {
        return auth.session();
      } catch (ImageCatalogAuthenticationException e) {
        failures.incrementAndGet();
        distinct.add(e);
        return null;
      }
    }, release);

    assertThat(sessions).containsOnlyNulls();
    assertThat(failures).hasValue(THREADS);
    // Each caller owns its exception: what one caller does with it (resume a walk, add a suppressed exception)
    // never shows in another's.
    assertThat(distinct).as("distinct exception objects").hasSize(THREADS);
    assertThat(distinct).allSatisfy(e -> assertThat(e).hasMessageContaining("Username or api"));
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @Test
  void aFailedRenewalLeavesTheNextCallFreeToTryAgain() {
    server.enqueue(token("tok-1", Access.EXPIRES), Reply.empty(503), token("tok-2", Access.EXPIRES));
    RackspaceIdentityAuthenticator auth = builder().build();
    AuthSession refused = auth.session();

    assertThatThrownBy(() -> auth.renew(refused)).isInstanceOf(io.github.rackimages.core.ImageCatalogUnavailableException.class);
    assertThat(auth.renew(refused).token().secret()).isEqualTo("tok-2");
    assertThat(server.requestCount()).isEqualTo(3);
  }

  /**
   * Runs {@code call} on {@link #THREADS} threads at once. The identity reply is held until every thread is inside
   * the authenticator and parked (the leader on the HTTP call, the others on its result), so that the waiting path
   * is the one exercised, not a late arrival that finds the cache full.
   */
  private List<AuthSession> concurrently(Supplier<AuthSession> call, CountDownLatch release) throws Exception {
    CountDownLatch ready = new CountDownLatch(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = java.util.Collections.synchronizedList(new ArrayList<>());
    AtomicInteger entered = new AtomicInteger();
    List<Future<AuthSession>> futures = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      futures.add(pool.submit(() -> {
        threads.add(Thread.currentThread());
        ready.countDown();
        go.await();
        entered.incrementAndGet();
        return call.get();
      }));
    }
    assertThat(ready.await(5, TimeUnit.SECONDS)).isTrue();
    go.countDown();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline
        && !(entered.get() == THREADS && server.requestCount() >= 1 && allParked(threads))) {
      Thread.sleep(5);
    }
    assertThat(allParked(threads)).as("all threads wait for the one identity call").isTrue();
    release.countDown();
    List<AuthSession> results = new ArrayList<>();
    for (Future<AuthSession> f : futures) {
      results.add(f.get(5, TimeUnit.SECONDS));
    }
    return results;
  }

  private static boolean allParked(List<Thread> threads) {
    synchronized (threads) {
      return threads.size() == THREADS && threads.stream().allMatch(t ->
          t.getState() == Thread.State.WAITING || t.getState() == Thread.State.TIMED_WAITING);
    }
  }
}
