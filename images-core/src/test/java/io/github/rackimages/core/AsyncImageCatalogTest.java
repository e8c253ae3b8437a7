package io.github.rackimages.core;

import static io.github.rackimages.core.TestImages.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.rackimages.core.ImageCatalogStreamTest.CountingCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The blocking catalog's asynchronous view ({@code async()}) and the walks every async view derives. */
@Timeout(20)
class AsyncImageCatalogTest {

  private static final Image ONE = image("img-1", 1).build();

  /** {@code count} ACTIVE images in the service's order. */
  private static List<Image> images(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> image(String.format("img-%05d", i), count - i).build())
        .sorted(Image.serviceOrder())
        .collect(Collectors.toList());
  }

  private static List<ImageId> ids(List<Image> images) {
    return images.stream().map(Image::id).collect(Collectors.toList());
  }

  /**
   * A catalog whose calls block until released, and that reports the threads running them and whether they were
   * interrupted.
   */
  static class BlockingCatalog implements ImageCatalog {
    final BlockingQueue<Thread> entered = new ArrayBlockingQueue<>(10);
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger calls = new AtomicInteger();
    final CountDownLatch interrupted = new CountDownLatch(1);

    private <T> T block(T answer) {
      calls.incrementAndGet();
      entered.add(Thread.currentThread());
      try {
        release.await();
        return answer;
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw new ImageCatalogTransportException("interrupted", ErrorDetails.none(), e);
      }
    }

    @Override
    public Page<Image> list(ImageFilter filter, PageRequest page) {
      return block(Page.last(List.of(ONE)));
    }

    @Override
    public Page<ImageSummary> listSummaries(ImageFilter filter, PageRequest page) {
      return block(Page.last(List.of(ONE.toSummary())));
    }

    @Override
    public Optional<Image> find(ImageId id) {
      return block(Optional.of(ONE));
    }
  }

  @Nested
  class Calls {
    @Test
    void eachCallAnswersOnADaemonThreadOfItsOwnThatEndsWithIt() throws Exception {
      BlockingCatalog catalog = new BlockingCatalog();
      catalog.release.countDown();

      assertThat(catalog.async().list(ImageFilter.all(), PageRequest.first()).get().items()).containsExactly(ONE);
      assertThat(catalog.async().listSummaries(ImageFilter.all(), PageRequest.first()).get().items())
          .containsExactly(ONE.toSummary());
      assertThat(catalog.async().find(ONE.id()).get()).contains(ONE);

      List<Thread> threads = new ArrayList<>(catalog.entered);
      assertThat(threads).hasSize(3).doesNotContain(Thread.currentThread()).allMatch(Thread::isDaemon);
      assertThat(threads).extracting(Thread::getName).allMatch(name -> name.startsWith("images-async-"));
      for (Thread thread : threads) {
        thread.join(5_000);
        assertThat(thread.isAlive()).as("%s ended", thread).isFalse();
      }
    }

    @Test
    void theCallerIsNotBlocked() {
      BlockingCatalog catalog = new BlockingCatalog();

      CompletableFuture<Optional<Image>> found = catalog.async().find(ONE.id());

      assertThat(found).isNotDone();
      catalog.release.countDown();
      assertThat(found.join()).contains(ONE);
    }

    @Test
    void aFailureCompletesTheFutureWithTheExceptionItself() {
      ImageCatalogThrottledException throttled = new ImageCatalogThrottledException("slow down");
      ImageCatalog catalog = new CountingCatalog(images(3)).failOnCall(1, throttled);

      CompletableFuture<Page<Image>> page = catalog.async().list(ImageFilter.all(), PageRequest.first());

      Throwable seen = page.handle((p, failure) -> failure).join();
      assertThat(seen).isSameAs(throttled);
      assertThatThrownBy(page::join).isInstanceOf(CompletionException.class).hasCause(throttled);
      assertThatThrownBy(page::get).isInstanceOf(ExecutionException.class).hasCause(throttled);
    }

    @Test
    void nullArgumentsThrowAtOnceWithoutACall() {
      CountingCatalog catalog = new CountingCatalog(images(1));
      AsyncImageCatalog async = catalog.async();

      assertThatNullPointerException().isThrownBy(() -> async.list(null, PageRequest.first()));
      assertThatNullPointerException().isThrownBy(() -> async.listSummaries(ImageFilter.all(), null));
      assertThatNullPointerException().isThrownBy(() -> async.find(null));
      assertThatNullPointerException().isThrownBy(() -> async.forEach(ImageFilter.all(), PageRequest.first(), null));
      assertThatNullPointerException().isThrownBy(() -> AsyncImageCatalog.of(catalog, null));
      assertThatNullPointerException().isThrownBy(() -> AsyncImageCatalog.of(null));
      assertThat(catalog.calls()).isZero();
    }

    @Test
    void aChosenExecutorRunsTheCalls() {
      BlockingCatalog catalog = new BlockingCatalog();
      catalog.release.countDown();
      Executor direct = Runnable::run;

      CompletableFuture<Optional<Image>> found = AsyncImageCatalog.of(catalog, direct).find(ONE.id());

      assertThat(found).isCompletedWithValue(Optional.of(ONE));
      assertThat(catalog.entered).containsExactly(Thread.currentThread());
    }

    @Test
    void aRejectedCallFailsTheFuture() {
      RejectedExecutionException rejected = new RejectedExecutionException("full");
      AsyncImageCatalog async = AsyncImageCatalog.of(new BlockingCatalog(), task -> {
        throw rejected;
      });

      assertThat(async.find(ONE.id()).handle((found, failure) -> failure).join()).isSameAs(rejected);
    }
  }

  @Nested
  class Cancellation {
    @Test
    void cancellingInterruptsTheRunningCallAndItsOutcomeIsDropped() throws Exception {
      BlockingCatalog catalog = new BlockingCatalog();
      CompletableFuture<Page<Image>> page = catalog.async().list(ImageFilter.all(), PageRequest.first());
      Thread runner = catalog.entered.poll(5, TimeUnit.SECONDS);

      assertThat(page.cancel(false)).isTrue();

      assertThat(catalog.interrupted.await(5, TimeUnit.SECONDS)).as("the call was interrupted").isTrue();
      runner.join(5_000);
      assertThat(runner.isAlive()).isFalse();
      assertThat(page).isCancelled();
      assertThatThrownBy(page::join).isInstanceOf(CancellationException.class);
    }

    @Test
    void aCallCancelledBeforeItStartsNeverStarts() {
      List<Runnable> queued = new ArrayList<>();
      BlockingCatalog catalog = new BlockingCatalog();
      catalog.release.countDown();
      CompletableFuture<Optional<Image>> found = AsyncImageCatalog.of(catalog, queued::add).find(ONE.id());

      found.cancel(true);
      queued.forEach(Runnable::run);

      assertThat(catalog.calls).hasValue(0);
      assertThat(found).isCancelled();
    }

    @Test
    void thePoolThreadIsNotLeftInterrupted() throws Exception {
      ExecutorService pool = Executors.newSingleThreadExecutor();
      try {
        BlockingCatalog catalog = new BlockingCatalog();
        AsyncImageCatalog async = AsyncImageCatalog.of(catalog, pool);
        CompletableFuture<Optional<Image>> first = async.find(ONE.id());
        catalog.entered.poll(5, TimeUnit.SECONDS);
        first.cancel(true);
        assertThat(catalog.interrupted.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Boolean> next = new CompletableFuture<>();
        pool.execute(() -> next.complete(Thread.currentThread().isInterrupted()));
        assertThat(next.get(5, TimeUnit.SECONDS)).isFalse();
      } finally {
        pool.shutdownNow();
      }
    }

    @Test
    void theCallersInterruptStatusIsKeptWithADirectExecutor() {
      CountingCatalog catalog = new CountingCatalog(images(2));
      Thread.currentThread().interrupt();
      try {
        CompletableFuture<Optional<Image>> found = AsyncImageCatalog.of(catalog, Runnable::run).find(ONE.id());
        assertThat(found).isCompletedWithValue(Optional.empty());
        assertThat(Thread.currentThread().isInterrupted()).as("not ours to clear").isTrue();
      } finally {
        Thread.interrupted();
      }
    }
  }

  @Nested
  class Walks {
    @Test
    void forEachHandsOverEveryImageInOrderPageAfterPage() {
      List<Image> all = images(7);
      CountingCatalog catalog = new CountingCatalog(all);
      List<ImageId> seen = new ArrayList<>();

      long count = catalog.async().forEach(ImageFilter.all(), PageRequest.first(3), i -> seen.add(i.id())).join();

      assertThat(count).isEqualTo(7);
      assertThat(seen).isEqualTo(ids(all));
      assertThat(catalog.calls()).isEqualTo(3);
    }

    @Test
    void forEachSummaryAndCollect() {
      List<Image> all = images(5);
      CountingCatalog catalog = new CountingCatalog(all);
      List<ImageSummary> summaries = new ArrayList<>();

      assertThat(catalog.async().forEachSummary(ImageFilter.all(), PageRequest.first(2), summaries::add).join())
          .isEqualTo(5);
      assertThat(summaries).extracting(ImageSummary::id).isEqualTo(ids(all));
      assertThat(catalog.async().collect(ImageFilter.all()).join()).isEqualTo(all);
    }

    @Test
    void aCatalogAnsweringAtOnceDoesNotOverflowTheStack() {
      int pages = 50_000;
      ImageCatalog endless = new BlockingCatalog() {
        @Override
        public Page<Image> list(ImageFilter filter, PageRequest page) {
          int n = page.marker().map(m -> Integer.parseInt(m.value())).orElse(0) + 1;
          return n == pages ? Page.last(List.of(ONE)) : Page.of(List.of(ONE), PageMarker.after(ImageId.of("" + n)));
        }
      };
      AsyncImageCatalog direct = AsyncImageCatalog.of(endless, Runnable::run);

      assertThat(direct.forEach(ImageFilter.all(), PageRequest.first(1), i -> {}).join()).isEqualTo(pages);
    }

    @Test
    void aFailedPageEndsTheWalkWithWhereToResume() {
      List<Image> all = images(7);
      ImageCatalogUnavailableException unavailable = new ImageCatalogUnavailableException("down");
      CountingCatalog catalog = new CountingCatalog(all).failOnCall(2, unavailable);
      List<ImageId> seen = new ArrayList<>();

      CompletableFuture<Long> walk = catalog.async().forEach(ImageFilter.all(), PageRequest.first(3), i -> seen.add(i.id()));

      Throwable failure = walk.handle((n, e) -> e).join();
      assertThat(failure).isInstanceOf(ImageCatalogUnavailableException.class).isNotSameAs(unavailable);
      ImageCatalogException e = (ImageCatalogException) failure;
      assertThat(e.interruptedWalk()).isTrue();
      assertThat(e.resumeMarker()).contains(PageMarker.after(all.get(2).id()));
      assertThat(seen).isEqualTo(ids(all.subList(0, 3)));
      assertThat(unavailable.interruptedWalk()).as("the catalog's own exception is untouched").isFalse();
      assertThat(catalog.calls()).isEqualTo(2);
    }

    @Test
    void aRepeatedMarkerEndsTheWalk() {
      Image a = image("a", 2).build();
      Image b = image("b", 1).build();
      ImageCatalogStreamTest.ScriptedCatalog catalog = new ImageCatalogStreamTest.ScriptedCatalog()
          .answer(null, Page.of(List.of(a), PageMarker.after(a.id())))
          .answer(PageMarker.after(a.id()), Page.of(List.of(b), PageMarker.after(a.id())));

      Throwable failure = catalog.async().forEach(ImageFilter.all(), PageRequest.first(1), i -> {})
          .handle((n, e) -> e).join();

      assertThat(failure).isInstanceOf(ImageCatalogProtocolException.class).hasMessageContaining("repeated");
      assertThat(catalog.calls).isEqualTo(2);
    }

    @Test
    void anActionThatThrowsEndsTheWalkWithItsException() {
      CountingCatalog catalog = new CountingCatalog(images(7));
      IllegalStateException boom = new IllegalStateException("boom");

      Throwable failure = catalog.async().forEach(ImageFilter.all(), PageRequest.first(3), i -> {
        throw boom;
      }).handle((n, e) -> e).join();

      assertThat(failure).isSameAs(boom);
      assertThat(catalog.calls()).isEqualTo(1);
    }

    @Test
    void cancellingAWalkCancelsThePageInFlightAndFetchesNoOther() throws Exception {
      BlockingCatalog catalog = new BlockingCatalog();
      List<Image> seen = new ArrayList<>();

      CompletableFuture<Long> walk = catalog.async().forEach(ImageFilter.all(), PageRequest.first(), seen::add);
      catalog.entered.poll(5, TimeUnit.SECONDS);
      walk.cancel(true);

      assertThat(catalog.interrupted.await(5, TimeUnit.SECONDS)).isTrue();
      catalog.release.countDown();
      Thread.sleep(50); // Room for a wrong late delivery or fetch to show.
      assertThat(seen).isEmpty();
      assertThat(catalog.calls).hasValue(1);
      assertThat(walk).isCancelled();
    }

    @Test
    void cancellingCollectStopsItsWalk() throws Exception {
      BlockingCatalog catalog = new BlockingCatalog();

      CompletableFuture<List<Image>> all = catalog.async().collect(ImageFilter.all());
      catalog.entered.poll(5, TimeUnit.SECONDS);
      all.cancel(true);

      assertThat(catalog.interrupted.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(outcome(all)).isInstanceOf(CancellationException.class);
    }

    private Throwable outcome(CompletableFuture<?> future) {
      return catchThrowable(() -> future.get(1, TimeUnit.SECONDS));
    }
  }

  @Test
  void theDefaultViewDescribesItself() {
    assertThat(new CountingCatalog(List.of()).async().toString()).contains("a daemon thread per call");
  }
}
