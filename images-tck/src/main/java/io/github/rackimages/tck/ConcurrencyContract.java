package io.github.rackimages.tck;

import static io.github.rackimages.tck.ContractAssertions.walk;
import static io.github.rackimages.tck.ContractSupport.BEFORE_ALL;
import static io.github.rackimages.tck.ContractSupport.changesSince;
import static io.github.rackimages.tck.ContractSupport.expected;
import static io.github.rackimages.tck.ContractSupport.items;
import static io.github.rackimages.tck.ContractSupport.summaries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * One catalog serves many threads at once: eight concurrent walks, streams and finds all get complete, correct
 * results in bounded time. Runs as {@code ImageCatalogContract.Concurrency}.
 */
abstract class ConcurrencyContract extends ContractTopic {

  /** How long the concurrency check may take before it counts as hung. */
  private static final long CONCURRENCY_TIMEOUT_SECONDS = 60;

  ConcurrencyContract(ImageCatalogContract suite) {
    super(suite);
  }

  /** Eight threads walking, streaming and finding at once all get complete, correct results in bounded time. */
  @Test
  void concurrentWalksAndFindsAllSucceed() throws InterruptedException {
    List<Image> images = new ArrayList<>(ContractImages.zoo());
    images.addAll(TestImages.many(300, 21L));
    ImageCatalog catalog = catalogOf(images);
    ImageFilter everything = changesSince(BEFORE_ALL);
    ImageFilter snapshots = ImageFilter.builder().type(ImageType.SNAPSHOT).build();
    List<Image> expectedAll = expected(images, everything);
    List<Image> expectedDefault = expected(images, ImageFilter.all());
    List<Image> expectedSnapshots = expected(images, snapshots);
    int threads = 8;
    int[] limits = {5, 13, 27, 50, 100, 250, 1000, 7};
    CountDownLatch ready = new CountDownLatch(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int limit = limits[t];
        int offset = t;
        results.add(
            pool.submit(
                () -> {
                  ready.countDown();
                  ready.await();
                  int checks = 0;
                  for (int round = 0; round < 2; round++) {
                    List<Image> walked =
                        items(walk(catalog::list, everything, PageRequest.first(limit), expectedAll.size()));
                    assertThat(walked).containsExactlyElementsOf(expectedAll);
                    List<ImageSummary> summaries =
                        items(
                            walk(
                                catalog::listSummaries,
                                ImageFilter.all(),
                                PageRequest.first(limit),
                                expectedDefault.size()));
                    assertThat(summaries).containsExactlyElementsOf(summaries(expectedDefault));
                    assertThat(catalog.stream(snapshots, PageRequest.first(limit)).toList())
                        .containsExactlyElementsOf(expectedSnapshots);
                    for (int i = offset; i < images.size(); i += 17) {
                      Image image = images.get(i);
                      // A DELETED image is not found, as on the service.
                      assertThat(catalog.find(image.id()))
                          .isEqualTo(image.status() == ImageStatus.DELETED ? Optional.empty() : Optional.of(image));
                    }
                    assertThat(catalog.find(ImageId.of("00000000-0000-4000-8000-99999999999" + offset))).isEmpty();
                    checks++;
                  }
                  return checks;
                }));
      }
      pool.shutdown();
      if (!pool.awaitTermination(CONCURRENCY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        fail("%d threads did not finish their walks within %d s", threads, CONCURRENCY_TIMEOUT_SECONDS);
      }
      for (Future<Integer> result : results) {
        assertThat(outcome(result)).isEqualTo(2);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private int outcome(Future<Integer> result) throws InterruptedException {
    try {
      return result.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof AssertionError assertion) {
        throw assertion;
      }
      throw new AssertionError("a concurrent walk failed: " + cause, cause);
    }
  }
}
