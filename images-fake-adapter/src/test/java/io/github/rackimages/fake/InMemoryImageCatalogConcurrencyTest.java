package io.github.rackimages.fake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogServiceFaultException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class InMemoryImageCatalogConcurrencyTest {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stopPool() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  private static Image image(String id, long second, String name) {
    return Image.builder(ImageId.of(id), T0.plusSeconds(second))
        .name(name)
        .metadata(ImageMetadata.ofStrings(Map.of("image_type", "snapshot")))
        .build();
  }

  private static <T> List<T> all(List<Future<T>> futures) throws Exception {
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(f.get(30, TimeUnit.SECONDS));
    }
    return results;
  }

  @Test
  void walksConcurrentWithWritesNeverFailAndSeeEveryLastingImageExactlyOnce() throws Exception {
    List<Image> lasting = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      lasting.add(image(String.format("s%05d", i), 10_000 - i, "lasting"));
    }
    InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().images(lasting).build();
    List<String> expected = lasting.stream().map(i -> i.id().value()).toList();
    AtomicBoolean walking = new AtomicBoolean(true);
    AtomicInteger writes = new AtomicInteger();

    List<Future<Integer>> writers = new ArrayList<>();
    for (int w = 0; w < 2; w++) {
      int writer = w;
      writers.add(pool.submit(() -> {
        int n = 0;
        while (walking.get() || n < 200) {
          // New images sort before everything (newer); renamed ones keep their place.
          catalog.add(image("new-" + writer + "-" + n, 1_000_000 + n, "new"));
          Image old = lasting.get((n * 7 + writer) % lasting.size());
          catalog.put(old.toBuilder().name("renamed " + n).build());
          n++;
          writes.incrementAndGet();
        }
        return n;
      }));
    }
    List<Future<List<String>>> walkers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      walkers.add(pool.submit(() -> {
        List<String> seen = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
          try (Stream<Image> walk = catalog.stream(ImageFilter.all(), PageRequest.first(97))) {
            List<String> ids = walk.map(i -> i.id().value()).filter(id -> !id.startsWith("new-")).toList();
            assertThat(ids).containsExactlyElementsOf(expected);
            seen = ids;
          }
        }
        return seen;
      }));
    }

    List<List<String>> walked;
    try {
      walked = all(walkers);
    } finally {
      walking.set(false);
    }
    all(writers);

    assertThat(walked).allSatisfy(ids -> assertThat(ids).containsExactlyElementsOf(expected));
    assertThat(writes.get()).isGreaterThanOrEqualTo(400);
    assertThat(catalog.size()).isEqualTo(3_000 + writes.get());
  }

  @Test
  void everyPageIsASnapshotBetweenTwoMutationsNeverHalfOfOne() throws Exception {
    List<Image> images = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      images.add(image(String.format("i%02d", i), 100 + i, "still"));
    }
    InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().images(images).build();
    Image atTop = image("mover", 1_000, "mover");
    Image atBottom = image("mover", 0, "mover");
    catalog.add(atTop);
    AtomicBoolean moving = new AtomicBoolean(true);

    Future<Integer> mover = pool.submit(() -> {
      int moves = 0;
      for (; moves < 20_000; moves++) {
        // A move removes and re-inserts in the sorted sets: a reader must never see that halfway.
        catalog.put(moves % 2 == 0 ? atBottom : atTop);
      }
      moving.set(false);
      return moves;
    });
    List<Future<Integer>> readers = new ArrayList<>();
    for (int r = 0; r < 3; r++) {
      readers.add(pool.submit(() -> {
        int reads = 0;
        do {
          Page<Image> page = catalog.list(ImageFilter.all(), PageRequest.first(100));
          Set<String> ids = new HashSet<>();
          page.items().forEach(i -> ids.add(i.id().value()));
          assertThat(page.items()).hasSize(31);
          assertThat(ids).hasSize(31);
          assertThat(catalog.images()).hasSize(31);
          reads++;
        } while (moving.get());
        return reads;
      }));
    }

    assertThat(mover.get(30, TimeUnit.SECONDS)).isEqualTo(20_000);
    assertThat(all(readers)).allSatisfy(reads -> assertThat(reads).isPositive());
  }

  @Test
  void concurrentAddsAreAllKeptInOrder() throws Exception {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.empty();
    List<Callable<Void>> adders = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      adders.add(() -> {
        for (int i = 0; i < 500; i++) {
          catalog.add(image("t" + thread + "-" + i, i * 4L + thread, "x"));
        }
        return null;
      });
    }

    all(pool.invokeAll(adders));

    assertThat(catalog.size()).isEqualTo(2_000);
    List<Image> listed;
    try (Stream<Image> stream = catalog.stream(ImageFilter.all())) {
      listed = stream.toList();
    }
    assertThat(listed).hasSize(2_000).isSortedAccordingTo(Image.serviceOrder());
  }

  @Test
  void callsAndFaultsAreCountedExactlyAcrossThreads() throws Exception {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.of(image("a", 1, "a"));
    catalog.failNext(100, Faults.serviceFault());
    AtomicInteger failures = new AtomicInteger();
    List<Callable<Void>> callers = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      callers.add(() -> {
        for (int i = 0; i < 1_000; i++) {
          try {
            catalog.find(ImageId.of("a"));
          } catch (ImageCatalogServiceFaultException e) {
            failures.incrementAndGet();
          }
        }
        return null;
      });
    }

    all(pool.invokeAll(callers));

    assertThat(catalog.callCount()).isEqualTo(4_000);
    assertThat(failures).hasValue(100);
    assertThat(catalog.pendingFaults()).isZero();
  }
}
