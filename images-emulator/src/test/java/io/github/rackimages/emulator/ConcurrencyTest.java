package io.github.rackimages.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.core.ServerId;
import io.github.rackimages.fake.FakeImages;
import io.github.rackimages.fake.InMemoryImageCatalog;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {

  private static final int THREADS = 16;
  private static final int REQUESTS_PER_THREAD = 50;

  @Test
  void sixteenClientsMakingFiftyRequestsEachAllGetCorrectAnswers() throws Exception {
    List<Image> images = new ArrayList<>(Fixtures.bases(40));
    for (int i = 0; i < 30; i++) {
      images.add(
          FakeImages.snapshot(ServerId.of("server-" + (i % 3)), "snap " + i, Fixtures.T0.plusSeconds(60L * i + 30))
              .build());
    }
    InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().images(images).build();
    List<ImageId> allIds = ids(catalog, ImageFilter.all());
    List<ImageId> snapshotIds = ids(catalog, ImageFilter.builder().type(ImageType.SNAPSHOT).build());

    try (ImageEmulator emulator = ImageEmulator.builder().catalog(catalog).start()) {
      Wire wire = new Wire(emulator);
      ExecutorService clients = Executors.newFixedThreadPool(THREADS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        results.add(
            clients.submit(
                () -> {
                  start.await();
                  int checked = 0;
                  for (int r = 0; r < REQUESTS_PER_THREAD; r++) {
                    switch ((thread + r) % 4) {
                      case 0 -> assertThat(walk(wire, "?limit=30")).isEqualTo(allIds);
                      case 1 -> assertThat(walk(wire, "?limit=16&type=SNAPSHOT")).isEqualTo(snapshotIds);
                      case 2 -> {
                        Image image = images.get((thread * REQUESTS_PER_THREAD + r) % images.size());
                        assertThat(
                                Wire.JSON.readImage(
                                    new java.io.ByteArrayInputStream(wire.get("/images/" + image.id()).body())))
                            .isEqualTo(wire.served(image));
                      }
                      default -> assertThat(wire.get("/images?limit=x").statusCode()).isEqualTo(400);
                    }
                    checked++;
                  }
                  return checked;
                }));
      }
      start.countDown();
      int total = 0;
      for (Future<Integer> result : results) {
        total += result.get(60, TimeUnit.SECONDS);
      }
      clients.shutdown();

      assertThat(total).isEqualTo(THREADS * REQUESTS_PER_THREAD);
      assertThat(emulator.imagesRequestCount()).isGreaterThanOrEqualTo(THREADS * REQUESTS_PER_THREAD);
    }
  }

  private static List<ImageId> ids(InMemoryImageCatalog catalog, ImageFilter filter) {
    return catalog.stream(filter, PageRequest.first(1000)).map(Image::id).toList();
  }

  /** Walks a detail listing by its next links, as a client of the service does. */
  private static List<ImageId> walk(Wire wire, String query) {
    List<ImageId> ids = new ArrayList<>();
    String q = query;
    for (int pages = 0; q != null; pages++) {
      assertThat(pages).isLessThan(100);
      var page = wire.details(q);
      page.items().forEach(i -> ids.add(i.id()));
      q = page.nextHref().map(h -> "?" + URI.create(h).getRawQuery()).orElse(null);
    }
    return ids;
  }
}
