package io.github.rackimages.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
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
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Many walks at once on one shared client while the identity service fails now and then: every walk, resuming from
 * the marker its own failures name, ends with every image exactly once. A failure that several callers share (the
 * single-flight sign-in) must reach each caller as its own exception, so that no walk resumes from another walk's
 * place.
 */
class ConcurrentWalksTest {

  static final int THREADS = 32;
  static final int PAGE = 5;
  static final Duration TOKEN_LIFETIME = Duration.ofMillis(60);
  private static final Figures FIGURES = new Figures("concurrent-walks");

  @Test
  void walksSharingOneClientThroughFailingIdentityEachDeliverEveryImageExactlyOnce() throws Exception {
    InMemoryImageCatalog fake = InMemoryImageCatalog.builder().images(TestImages.many(240, 11)).build();
    List<ImageId> expected;
    try (Stream<Image> all = fake.stream(ImageFilter.all())) {
      expected = all.map(Image::id).toList();
    }
    Set<Throwable> caught = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    AtomicLong failures = new AtomicLong();
    try (ImageEmulator emulator =
            ImageEmulator.builder().catalog(fake).tokenLifetime(TOKEN_LIFETIME).threads(16).start();
        FaultProxy proxy = new FaultProxy(emulator.uri())) {
      // Identity fails one call in three; the images API never fails. Tokens live 60 ms, so every walk of
      // 48 pages signs in again several times, with the other walks waiting on the same sign-in.
      proxy.plan(req -> req.rawPath().startsWith("/v2.0") && ThreadLocalRandom.current().nextInt(3) == 0
          ? Fault.UNAVAILABLE_503 : Fault.NONE);
      HttpImageCatalog catalog = HttpImageCatalog.builder()
          .authenticator(
              RackspaceIdentityAuthenticator.builder()
                  .identityUrl(URI.create(proxy.origin() + "/v2.0"))
                  .apiKey(ImageEmulator.DEFAULT_USERNAME, ImageEmulator.DEFAULT_API_KEY)
                  .retryPolicy(RetryPolicy.none()) // Identity failures must reach the walks here.
                  .build())
          .endpoint(URI.create(proxy.origin() + emulator.computeEndpoint().getPath()))
          .retryPolicy(RetryPolicy.builder().maxAttempts(2).baseDelay(Duration.ofMillis(1))
              .maxDelay(Duration.ofMillis(5)).build())
          .build();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<List<ImageId>>> walks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          walks.add(pool.submit(() -> {
            start.await();
            return walk(catalog, caught, failures);
          }));
        }
        long lost = 0;
        long duplicated = 0;
        for (int t = 0; t < THREADS; t++) {
          List<ImageId> got = walks.get(t).get(2, TimeUnit.MINUTES);
          lost += expected.stream().filter(id -> !got.contains(id)).count();
          duplicated += got.size() - got.stream().distinct().count();
          assertThat(got).as("walk %d: every image exactly once, in order", t).containsExactlyElementsOf(expected);
        }
        FIGURES.add("walks", THREADS);
        FIGURES.add("walk failures caught (resumed)", failures.get());
        FIGURES.add("distinct exception objects caught", caught.size());
        FIGURES.add("images lost", lost);
        FIGURES.add("images duplicated", duplicated);
        FIGURES.write("concurrent walks, one client, failing identity");
      } finally {
        pool.shutdownNow();
      }
    }
    assertThat(failures.get()).as("identity failures reached the walks (the test exercised something)").isPositive();
    assertThat(caught).as("each caller got its own exception object").hasSize((int) failures.get());
  }

  /** One walk of the whole listing, resuming after each failure from the marker it names. */
  private static List<ImageId> walk(HttpImageCatalog catalog, Set<Throwable> caught, AtomicLong failures) {
    List<ImageId> got = new ArrayList<>();
    PageRequest start = PageRequest.first(PAGE);
    for (int resumes = 0; resumes < 500; resumes++) {
      try (Stream<Image> s = catalog.stream(ImageFilter.all(), start)) {
        Iterator<Image> it = s.iterator();
        while (it.hasNext()) {
          got.add(it.next().id());
        }
        return got;
      } catch (ImageCatalogException e) {
        failures.incrementAndGet();
        caught.add(e);
        start = e.resumeMarker().map(m -> PageRequest.after(m, PAGE)).orElse(PageRequest.first(PAGE));
      }
    }
    throw new AssertionError("500 resumes and the walk is not done");
  }
}
