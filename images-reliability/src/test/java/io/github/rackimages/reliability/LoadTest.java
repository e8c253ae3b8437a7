package io.github.rackimages.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.auth.RackspaceIdentityAuthenticator;
import io.github.rackimages.reliability.support.Figures;
import io.github.rackimages.tck.TestImages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One {@link HttpImageCatalog} shared by 32 threads, 100 calls each, against the emulator with tokens that live
 * a quarter of a second: no error, one identity call per token lifetime (not one per thread), and no thread left behind
 * once the catalog is dropped.
 */
class LoadTest {

  static final int THREADS = 32;
  static final int CALLS = 100;
  static final Duration TOKEN_LIFETIME = Duration.ofMillis(250);
  private static final Pattern CLIENT_THREAD = Pattern.compile("HttpClient-(\\d+)-.*");
  private static final Figures FIGURES = new Figures("load");

  @Test
  void aCatalogSharedBy32ThreadsMakesNoErrorRefreshesOncePerExpiryAndLeaksNoThread() throws Exception {
    InMemoryImageCatalog fake = InMemoryImageCatalog.builder().images(TestImages.many(300, 7)).build();
    List<Image> all;
    try (Stream<Image> s = fake.stream(ImageFilter.all())) {
      all = s.toList();
    }
    try (ImageEmulator emulator = ImageEmulator.builder().catalog(fake).tokenLifetime(TOKEN_LIFETIME).threads(16).start()) {
      // JDK-wide threads that start once and stay (the delay scheduler of CompletableFuture.orTimeout, which the
      // catalog's body watch uses) are started before the count, so that only what the catalog keeps shows.
      new java.util.concurrent.CompletableFuture<Void>().orTimeout(1, TimeUnit.MILLISECONDS);
      Set<String> clientsBefore = httpClientIds();
      Set<String> namesBefore = threadNames();
      int threadsBefore = liveThreadsExceptEmulators();

      ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
      AtomicInteger wrong = new AtomicInteger();
      // The catalog lives in load() only: once it returns, nothing references it.
      Duration elapsed = load(emulator, all, errors, wrong);

      long identityCalls = emulator.identityRequestCount();
      long expiries = elapsed.toMillis() / TOKEN_LIFETIME.toMillis();
      FIGURES.add("calls", (long) THREADS * CALLS);
      FIGURES.add("threads", THREADS);
      FIGURES.add("errors", errors.size());
      FIGURES.add("wrong answers", wrong.get());
      FIGURES.add("elapsed ms", elapsed.toMillis());
      FIGURES.add("token lifetimes elapsed", expiries);
      FIGURES.add("identity calls", identityCalls);
      FIGURES.add("images API requests", emulator.imagesRequestCount());

      assertThat(errors).as("errors under load").isEmpty();
      assertThat(wrong.get()).as("wrong answers under load").isZero();
      // The first authentication, then one per lifetime that ended; a little slack for a renewal racing expiry.
      assertThat(identityCalls).as("identity calls in " + elapsed.toMillis() + " ms").isBetween(1L, expiries + 3);
      assertThat(emulator.imagesRequestCount())
          .as("requests: one per call, plus at most one repeat per token expiry and thread")
          .isBetween((long) THREADS * CALLS, (long) THREADS * CALLS + (expiries + 1) * THREADS);

      // The JDK client's threads end once it is unreachable; give them time, as its selector wakes up rarely.
      Set<String> leftover = Set.of();
      int threadsAfter = Integer.MAX_VALUE;
      for (int i = 0; i < 150; i++) {
        System.gc();
        Thread.sleep(100);
        leftover = httpClientIds();
        leftover.removeAll(clientsBefore);
        threadsAfter = liveThreadsExceptEmulators();
        if (leftover.isEmpty() && threadsAfter <= threadsBefore) {
          break;
        }
      }
      FIGURES.add("live threads before (emulator excluded)", threadsBefore);
      FIGURES.add("live threads after (emulator excluded)", threadsAfter);
      FIGURES.write("32 threads sharing one catalog");
      assertThat(leftover).as("HttpClient threads of the dropped catalog still alive").isEmpty();
      Set<String> added = threadNames();
      added.removeAll(namesBefore);
      assertThat(threadsAfter).as("live threads after the catalog was dropped; new: " + added).isLessThanOrEqualTo(threadsBefore);
    }
  }

  private static Duration load(
      ImageEmulator emulator, List<Image> all, ConcurrentLinkedQueue<Throwable> errors, AtomicInteger wrong)
      throws Exception {
    HttpImageCatalog catalog =
        HttpImageCatalog.builder()
            .authenticator(
                RackspaceIdentityAuthenticator.builder()
                    .identityUrl(emulator.identityUrl())
                    .apiKey(ImageEmulator.DEFAULT_USERNAME, ImageEmulator.DEFAULT_API_KEY)
                    // Refresh at expiry, not before: the count below is then exactly one per lifetime.
                    .refreshSkew(Duration.ZERO)
                    .build())
            .requestTimeout(Duration.ofSeconds(10))
            .build();
    emulator.resetRequestCounts();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        go.await();
        for (int i = 0; i < CALLS; i++) {
          int k = (thread * CALLS + i) % (all.size() - 10);
          try {
            switch (i % 4) {
              case 0 -> check(unlinked(catalog.list(ImageFilter.all(), PageRequest.first(10)).items()),
                  unlinked(all.subList(0, 10)), wrong);
              case 1 -> check(
                  unlinked(catalog.list(ImageFilter.all(), PageRequest.after(PageMarker.after(all.get(k).id()), 5)).items()),
                  unlinked(all.subList(k + 1, k + 6)), wrong);
              case 2 -> check(unlinked(catalog.find(all.get(k).id()).stream().toList()), unlinked(List.of(all.get(k))), wrong);
              default -> check(
                  catalog.listSummaries(ImageFilter.all(), PageRequest.first(3)).items().stream().map(s -> s.id()).toList(),
                  all.subList(0, 3).stream().map(Image::id).toList(), wrong);
            }
          } catch (RuntimeException e) {
            errors.add(e);
          }
        }
        return null;
      }));
    }
    long start = System.nanoTime();
    go.countDown();
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    return elapsed;
  }

  /** The images without their links, which the emulator writes from the request (its own host and tenant). */
  private static List<Image> unlinked(List<Image> images) {
    return images.stream()
        .map(i -> i.toBuilder().links(List.of())
            .server(i.server().map(r -> new io.github.rackimages.core.ServerReference(r.id(), List.of(), r.otherFields()))
                .orElse(null))
            .build())
        .toList();
  }

  private static <T> void check(List<T> got, List<T> want, AtomicInteger wrong) {
    if (!got.equals(want)) {
      wrong.incrementAndGet();
    }
  }

  private static Set<String> httpClientIds() {
    return Thread.getAllStackTraces().keySet().stream()
        .map(t -> CLIENT_THREAD.matcher(t.getName()))
        .filter(Matcher::matches)
        .map(m -> m.group(1))
        .collect(Collectors.toSet());
  }

  private static Set<String> threadNames() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !t.getName().startsWith("images-emulator-") && !t.getName().startsWith("loopback-"))
        .map(Thread::getName)
        .collect(Collectors.toSet());
  }

  private static int liveThreadsExceptEmulators() {
    return (int) Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .filter(t -> !t.getName().startsWith("images-emulator-") && !t.getName().startsWith("loopback-"))
        .count();
  }
}
