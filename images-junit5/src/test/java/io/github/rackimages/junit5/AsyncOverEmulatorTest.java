package io.github.rackimages.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.AsyncImageCatalog;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.FakeImages;
import io.github.rackimages.fake.Faults;
import io.github.rackimages.fake.InMemoryImageCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code ImageCatalog.async()} over real adapters: the fake, and the HTTP adapter through the emulator. */
@EmulatedImages
@Timeout(30)
class AsyncOverEmulatorTest {

  private static final Instant T0 = Instant.parse("2015-03-01T00:00:00Z");
  private static final List<Image> IMAGES =
      IntStream.range(0, 5).mapToObj(i -> FakeImages.base("Base " + i, T0.plusSeconds(60L * i)).build())
          .sorted(Image.serviceOrder())
          .collect(Collectors.toList());

  /** The threads a test's executor started, to check that cancelled calls end them. */
  private final List<Thread> threads = new CopyOnWriteArrayList<>();
  private final Executor recordingExecutor = task -> {
    Thread thread = new Thread(task, "test-async");
    thread.setDaemon(true);
    threads.add(thread);
    thread.start();
  };

  @BeforeEach
  void declareImages(InMemoryImageCatalog backing) {
    backing.addAll(IMAGES);
  }

  private static List<Image> withoutLinks(List<Image> images) {
    return images.stream()
        .map(i -> i.toBuilder().links(List.of())
            .server(i.server().map(s -> new io.github.rackimages.core.ServerReference(s.id(), List.of(), s.otherFields()))
                .orElse(null))
            .build())
        .collect(Collectors.toList());
  }

  private static List<ImageId> ids(List<Image> images) {
    return images.stream().map(Image::id).collect(Collectors.toList());
  }

  private void awaitEnd(Thread thread) throws InterruptedException {
    thread.join(5_000);
    assertThat(thread.isAlive()).as("the cancelled call's thread ended").isFalse();
  }

  @Test
  void theHttpClientWalksAsynchronously(ImageCatalog catalog) {
    List<ImageId> seen = new ArrayList<>();

    long count = catalog.async().forEach(ImageFilter.all(), PageRequest.first(2), i -> seen.add(i.id())).join();

    assertThat(count).isEqualTo(5);
    assertThat(seen).isEqualTo(ids(IMAGES));
    // The emulator writes links from the request (its own host and tenant): compare everything else.
    assertThat(withoutLinks(catalog.async().collect(ImageFilter.all()).join())).isEqualTo(withoutLinks(IMAGES));
    assertThat(catalog.async().find(IMAGES.get(0).id()).join().map(i -> withoutLinks(List.of(i)).get(0)))
        .contains(withoutLinks(List.of(IMAGES.get(0))).get(0));
  }

  @Test
  void aFaultReachesTheFutureTypedAndUnwrapped(ImageCatalog catalog, InMemoryImageCatalog backing) {
    backing.failNext(Faults.badRequest("Invalid marker format"));

    Throwable failure = catalog.async().list(ImageFilter.all(), PageRequest.first()).handle((p, e) -> e).join();

    assertThat(failure).isInstanceOf(ImageCatalogBadRequestException.class);
    assertThat(((ImageCatalogBadRequestException) failure).serviceMessage()).hasValue("Invalid marker format");
  }

  @Test
  void cancellingEndsAnHttpCallWaitingForASlowService(ImageCatalog catalog, ImageEmulator emulator)
      throws Exception {
    emulator.latency(Duration.ofSeconds(20));
    AsyncImageCatalog async = AsyncImageCatalog.of(catalog, recordingExecutor);

    CompletableFuture<Optional<Image>> found = async.find(IMAGES.get(0).id());
    while (emulator.requestCount() == 0) {
      Thread.sleep(5);
    }
    found.cancel(true);

    assertThat(found).isCancelled();
    awaitEnd(threads.get(0));
  }

  @Test
  void cancellingEndsACallToTheFakeDuringItsLatency() throws Exception {
    InMemoryImageCatalog slow = InMemoryImageCatalog.builder().images(IMAGES).latency(Duration.ofSeconds(20)).build();
    AsyncImageCatalog async = AsyncImageCatalog.of(slow, recordingExecutor);

    CompletableFuture<Long> walk = async.forEach(ImageFilter.all(), PageRequest.first(2), i -> {});
    while (slow.callCount() == 0) {
      Thread.sleep(5);
    }
    walk.cancel(true);

    awaitEnd(threads.get(0));
    assertThat(slow.callCount()).isEqualTo(1);
    assertThat(threads).hasSize(1);
  }
}
