package io.github.rackimages.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.RetryPolicy;
import io.github.rackimages.http.auth.RackspaceIdentityAuthenticator;
import io.github.rackimages.reliability.support.FaultProxy;
import io.github.rackimages.reliability.support.FaultProxy.Fault;
import io.github.rackimages.reliability.support.Figures;
import io.github.rackimages.tck.TestImages;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Walks of a whole listing through faults: the emulator behind a proxy that injects 503 bursts, 413s with
 * {@code Retry-After} in seconds and as an HTTP date, resets before and in the middle of a body, cut bodies,
 * stalls, revoked tokens and an identity service that is down. Every walk must end with every image exactly once,
 * either at once or by resuming from the marker each failure names; each failure within the time budget.
 */
class FaultWalksTest {

  static final Duration REQUEST_TIMEOUT = Duration.ofMillis(400);
  static final RetryPolicy POLICY =
      RetryPolicy.builder()
          .maxAttempts(3)
          .baseDelay(Duration.ofMillis(2))
          .maxDelay(Duration.ofMillis(10))
          .maxTotalTime(Duration.ofSeconds(3))
          .build();
  /** One call's worst case: the retry budget, a last attempt's timeouts (headers, then body), and a renewal. */
  static final Duration CALL_BUDGET =
      POLICY.maxTotalTime().plus(REQUEST_TIMEOUT.multipliedBy(4)).plusSeconds(2);
  static final int PAGE = 7;

  private static InMemoryImageCatalog fake;
  private static ImageEmulator emulator;
  private static FaultProxy proxy;
  private static List<ImageId> expected;
  private static List<ImageId> expectedSummaries;
  private static final Figures FIGURES = new Figures("fault-walks");

  @BeforeAll
  static void start() {
    fake = InMemoryImageCatalog.builder().images(TestImages.many(90, 42)).build();
    try (Stream<Image> all = fake.stream(ImageFilter.all())) {
      expected = all.map(Image::id).toList();
    }
    try (Stream<ImageSummary> all = fake.streamSummaries(ImageFilter.all())) {
      expectedSummaries = all.map(ImageSummary::id).toList();
    }
    emulator = ImageEmulator.builder().catalog(fake).retryAfter(Duration.ZERO).start();
    proxy = new FaultProxy(emulator.uri());
    proxy.onExpireTokens(emulator::revokeTokens);
  }

  @AfterAll
  static void stop() {
    proxy.close();
    emulator.stop();
    FIGURES.add("proxy: requests passed on untouched", proxy.injected().get(Fault.NONE));
    proxy.injected().forEach((k, v) -> {
      if (k != Fault.NONE) {
        FIGURES.add("faults injected: " + k, v);
      }
    });
    FIGURES.add("faults injected: all (proxy)", proxy.faults());
    FIGURES.write("walks through faults");
  }

  @AfterEach
  void calm() {
    proxy.plan(r -> Fault.NONE);
    emulator.throttleEvery(0);
    emulator.unavailableEvery(0);
  }

  private static HttpImageCatalog catalog() {
    return HttpImageCatalog.builder()
        .authenticator(
            RackspaceIdentityAuthenticator.builder()
                .identityUrl(URI.create(proxy.origin() + "/v2.0"))
                .apiKey(ImageEmulator.DEFAULT_USERNAME, ImageEmulator.DEFAULT_API_KEY)
                .requestTimeout(REQUEST_TIMEOUT.multipliedBy(2))
                .retryPolicy(POLICY) // Sign-ins retry as calls do: identity down for 3 calls outlasts 3 attempts.
                .build())
        .endpoint(URI.create(proxy.origin() + emulator.computeEndpoint().getPath()))
        .requestTimeout(REQUEST_TIMEOUT)
        .connectTimeout(REQUEST_TIMEOUT)
        .retryPolicy(POLICY)
        .build();
  }

  @Test
  void walksThroughRandomFaultsEndWithEveryImageExactlyOnce() {
    Fault[] compute = {
      Fault.UNAVAILABLE_503, Fault.UNAVAILABLE_503, Fault.THROTTLED_413_SECONDS, Fault.THROTTLED_413_NO_WAIT,
      Fault.SERVICE_FAULT_500, Fault.RESET_BEFORE_ANSWER, Fault.RESET_MID_BODY, Fault.CUT_MID_BODY, Fault.STALL,
      Fault.EXPIRE_TOKENS
    };
    Fault[] identity = {Fault.UNAVAILABLE_503, Fault.RESET_BEFORE_ANSWER, Fault.STALL, Fault.CUT_MID_BODY};
    for (long seed = 1; seed <= 16; seed++) {
      Random r = new Random(seed);
      proxy.plan(req -> {
        boolean id = req.rawPath().startsWith("/v2.0");
        if (r.nextInt(100) >= (id ? 20 : 30)) {
          return Fault.NONE;
        }
        return id ? identity[r.nextInt(identity.length)] : compute[r.nextInt(compute.length)];
      });
      walkAndCheck("random faults, seed " + seed, catalog(), seed % 2 == 0);
    }
  }

  @Test
  void burstsOf503LongerThanTheRetriesEndInAResumableFailure() {
    AtomicInteger n = new AtomicInteger();
    // Five 503s in a row every twelve requests: three attempts cannot get through, the walk resumes.
    proxy.plan(req -> req.rawPath().startsWith("/v2.0") ? Fault.NONE : n.getAndIncrement() % 12 < 5 ? Fault.UNAVAILABLE_503 : Fault.NONE);
    Walk w = walkAndCheck("503 bursts", catalog(), false);
    assertThat(w.resumes).isPositive();
  }

  @Test
  void throttlingWithRetryAfterInSecondsAndAsADateIsWaitedOut() {
    AtomicInteger n = new AtomicInteger();
    // Every page is throttled once; a few times with a date one second ahead (at most two seconds of waiting).
    proxy.plan(req -> {
      if (req.rawPath().startsWith("/v2.0")) {
        return Fault.NONE;
      }
      int i = n.getAndIncrement();
      return i % 2 == 1 ? Fault.NONE : i % 10 == 0 ? Fault.THROTTLED_413_DATE : Fault.THROTTLED_413_SECONDS;
    });
    Walk w = walkAndCheck("413 with Retry-After", catalog(), false);
    assertThat(w.resumes).isZero();
  }

  @Test
  void aServerThatStopsAnsweringEndsEachCallWithinItsTimeoutAndTheWalkResumes() {
    AtomicInteger n = new AtomicInteger();
    proxy.plan(req -> req.rawPath().startsWith("/v2.0") ? Fault.NONE : n.getAndIncrement() % 8 < 3 ? Fault.STALL : Fault.NONE);
    walkAndCheck("stalls", catalog(), true);
  }

  @Test
  void tokensRevokedMidWalkWhileIdentityIsDownEndInAResumableFailure() {
    AtomicInteger pages = new AtomicInteger();
    AtomicInteger identityDown = new AtomicInteger();
    proxy.plan(req -> {
      if (req.rawPath().startsWith("/v2.0")) {
        // The first authentication passes; after the revocation, identity is down for three calls.
        return identityDown.get() > 0 && identityDown.getAndDecrement() > 0 ? Fault.UNAVAILABLE_503 : Fault.NONE;
      }
      if (pages.incrementAndGet() % 5 == 0) {
        identityDown.set(3);
        return Fault.EXPIRE_TOKENS;
      }
      return Fault.NONE;
    });
    Walk w = walkAndCheck("token revoked, identity down", catalog(), false);
    assertThat(w.resumes).isPositive();
  }

  @Test
  void theEmulatorsOwnThrottlingAndUnavailabilityAreRetriedThrough() {
    emulator.throttleEvery(3);
    emulator.unavailableEvery(4);
    walkAndCheck("emulator throttleEvery 3, unavailableEvery 4", catalog(), false);
    walkAndCheck("emulator throttleEvery 3, unavailableEvery 4 (summaries)", catalog(), true);
  }

  private record Walk(List<ImageId> ids, int resumes) {}

  /** Walks the whole listing, resuming after each failure from the marker it names, and checks the result. */
  private Walk walkAndCheck(String what, HttpImageCatalog catalog, boolean summaries) {
    List<ImageId> got = new ArrayList<>();
    PageRequest start = PageRequest.first(PAGE);
    int resumes = 0;
    while (true) {
      long last = System.nanoTime();
      try (Stream<ImageId> s = summaries
          ? catalog.streamSummaries(ImageFilter.all(), start).map(ImageSummary::id)
          : catalog.stream(ImageFilter.all(), start).map(Image::id)) {
        Iterator<ImageId> it = s.iterator();
        while (it.hasNext()) {
          got.add(it.next());
          last = System.nanoTime();
        }
        break;
      } catch (ImageCatalogException e) {
        Duration took = Duration.ofNanos(System.nanoTime() - last);
        FIGURES.count("walk failures: " + e.getClass().getSimpleName());
        assertThat(e.interruptedWalk()).as(what + ": the failure says it interrupted a walk: " + e).isTrue();
        assertThat(took).as(what + ": time to fail, " + e.getMessage()).isLessThanOrEqualTo(CALL_BUDGET);
        assertThat(e.getMessage()).contains(e.resumeMarker().isPresent() ? "resume the walk after marker" : "failed on its first page");
        resumes++;
        assertThat(resumes).as(what + ": resumes").isLessThan(60);
        start = e.resumeMarker().map(m -> PageRequest.after(m, PAGE)).orElse(PageRequest.first(PAGE));
      }
    }
    List<ImageId> want = summaries ? expectedSummaries : expected;
    Set<ImageId> unique = new HashSet<>(got);
    long lost = want.stream().filter(id -> !unique.contains(id)).count();
    FIGURES.count("walks completed");
    FIGURES.add("walk resumes", resumes);
    FIGURES.add("images delivered", got.size());
    FIGURES.add("images lost", lost);
    FIGURES.add("images duplicated", got.size() - unique.size());
    assertThat(got).as(what + ": every image exactly once, in order").containsExactlyElementsOf(want);
    return new Walk(got, resumes);
  }
}
