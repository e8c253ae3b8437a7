package io.github.rackimages.fake;

import static io.github.rackimages.fake.InMemoryImageCatalogListingTest.active;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogNotFoundException;
import io.github.rackimages.core.ImageCatalogServiceFaultException;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.ImageCatalogUnavailableException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InMemoryImageCatalogFaultTest {

  private final InMemoryImageCatalog catalog = InMemoryImageCatalog.of(active("a", 2), active("b", 1));

  @Test
  void countsEveryKindOfCall() {
    catalog.list(ImageFilter.all(), PageRequest.first());
    catalog.listSummaries(ImageFilter.all(), PageRequest.first());
    catalog.find(ImageId.of("a"));
    catalog.find(ImageId.of("unknown"));

    assertThat(catalog.callCount()).isEqualTo(4);
  }

  @Test
  void aStreamCountsOneCallPerPageAndNoneBeforeItsTerminalOperation() {
    Stream<?> stream = catalog.stream(ImageFilter.all(), PageRequest.first(1));
    assertThat(catalog.callCount()).isZero();

    assertThat(stream.count()).isEqualTo(2);

    // Two full pages of one image, then the empty last page.
    assertThat(catalog.callCount()).isEqualTo(3);
  }

  @Test
  void failedCallsCountToo() {
    catalog.failNext(Faults.transport());

    catchThrowable(() -> catalog.find(ImageId.of("a")));
    catchThrowable(() -> catalog.list(ImageFilter.all(), PageRequest.after(PageMarker.of("nope"), 1)));

    assertThat(catalog.callCount()).isEqualTo(2);
  }

  @Test
  void resetSetsTheCountBackToZeroAndReturnsTheOldCount() {
    catalog.find(ImageId.of("a"));
    catalog.find(ImageId.of("b"));

    assertThat(catalog.resetCallCount()).isEqualTo(2);
    assertThat(catalog.callCount()).isZero();
    catalog.find(ImageId.of("a"));
    assertThat(catalog.callCount()).isEqualTo(1);
  }

  @Test
  void theNextCallFailsWithTheFaultThenCallsSucceed() {
    catalog.failNext(Faults.serviceUnavailable());

    assertThat(catalog.pendingFaults()).isEqualTo(1);
    assertThatThrownBy(() -> catalog.find(ImageId.of("a"))).isInstanceOf(ImageCatalogUnavailableException.class);
    assertThat(catalog.find(ImageId.of("a"))).isPresent();
    assertThat(catalog.callCount()).isEqualTo(2);
    assertThat(catalog.pendingFaults()).isZero();
  }

  @Test
  void theNextNCallsOfAnyKindFailWithFreshExceptionsThenCallsSucceed() {
    catalog.failNext(3, Faults.throttled(Duration.ofSeconds(30)));

    Throwable first = catchThrowable(() -> catalog.list(ImageFilter.all(), PageRequest.first()));
    Throwable second = catchThrowable(() -> catalog.listSummaries(ImageFilter.all(), PageRequest.first()));
    Throwable third = catchThrowable(() -> catalog.find(ImageId.of("a")));

    assertThat(List.of(first, second, third)).allSatisfy(
        t -> assertThat(t).isInstanceOf(ImageCatalogThrottledException.class));
    assertThat(first).isNotSameAs(second).isNotSameAs(third);
    assertThat(second).isNotSameAs(third);
    assertThat(List.of(first, second, third))
        .extracting(t -> ((ImageCatalogException) t).requestId())
        .doesNotHaveDuplicates();
    assertThat(catalog.list(ImageFilter.all(), PageRequest.first()).items()).hasSize(2);
    assertThat(catalog.callCount()).isEqualTo(4);
    assertThat(catalog.pendingFaults()).isZero();
  }

  @Test
  void oneFaultScriptedOnTwoCatalogsGivesEachItsOwnException() {
    InMemoryImageCatalog other = InMemoryImageCatalog.of(active("a", 1));
    Fault<?> fault = Faults.serviceFault();
    catalog.failNext(fault);
    other.failNext(fault);

    Throwable here = catchThrowable(() -> catalog.find(ImageId.of("a")));
    Throwable there = catchThrowable(() -> other.find(ImageId.of("a")));

    assertThat(here).isInstanceOf(ImageCatalogServiceFaultException.class).isNotSameAs(there);
    assertThat(there).isInstanceOf(ImageCatalogServiceFaultException.class);
  }

  @Test
  void faultsQueueUpInTheOrderTheyWereGiven() {
    catalog.failNext(2, Faults.serviceUnavailable());
    catalog.failNext(Faults.transport());
    catalog.failNext(Faults.of(() -> new ImageCatalogNotFoundException("gone")));

    assertThat(catalog.pendingFaults()).isEqualTo(4);
    assertThatThrownBy(() -> catalog.find(ImageId.of("a"))).isInstanceOf(ImageCatalogUnavailableException.class);
    assertThatThrownBy(() -> catalog.find(ImageId.of("a"))).isInstanceOf(ImageCatalogUnavailableException.class);
    assertThatThrownBy(() -> catalog.find(ImageId.of("a"))).isInstanceOf(ImageCatalogTransportException.class);
    assertThatThrownBy(() -> catalog.find(ImageId.of("a")))
        .isInstanceOf(ImageCatalogNotFoundException.class)
        .hasMessageContaining("gone");
    assertThat(catalog.find(ImageId.of("a"))).isPresent();
    assertThat(catalog.callCount()).isEqualTo(5);
  }

  @Test
  void aSupplierThatSharesOneExceptionFailsTheSecondCallLoudly() {
    ImageCatalogException shared = new ImageCatalogException("shared");
    catalog.failNext(2, Faults.of(() -> shared));

    assertThatThrownBy(() -> catalog.find(ImageId.of("a"))).isSameAs(shared);
    assertThatThrownBy(() -> catalog.find(ImageId.of("a")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("same exception twice");
  }

  @Test
  @SuppressWarnings("deprecation")
  void theDeprecatedShapesStillScriptFaults() {
    ImageCatalogException failure = new ImageCatalogServiceFaultException("made in advance");
    catalog.failNext(2, () -> new ImageCatalogNotFoundException("gone"));
    catalog.failNext(failure);

    Throwable first = catchThrowable(() -> catalog.find(ImageId.of("a")));
    Throwable second = catchThrowable(() -> catalog.find(ImageId.of("a")));

    assertThat(first).isInstanceOf(ImageCatalogNotFoundException.class).isNotSameAs(second);
    assertThat(second).isInstanceOf(ImageCatalogNotFoundException.class);
    assertThatThrownBy(() -> catalog.find(ImageId.of("a"))).isSameAs(failure);
    assertThat(catalog.find(ImageId.of("a"))).isPresent();
  }

  @Test
  void clearFaultsDropsWhatIsPending() {
    catalog.failNext(5, Faults.serviceFault());

    catalog.clearFaults();

    assertThat(catalog.pendingFaults()).isZero();
    assertThat(catalog.find(ImageId.of("a"))).isPresent();
  }

  @Test
  void aFaultInAStreamSurfacesMidWalkWithTheMarkerToResumeFrom() {
    Iterator<Image> walk = catalog.stream(ImageFilter.all(), PageRequest.first(1)).iterator();
    assertThat(walk.next().id()).isEqualTo(ImageId.of("a"));

    catalog.failNext(Faults.serviceFault());
    Throwable thrown = catchThrowable(walk::next);

    assertThat(thrown).isInstanceOfSatisfying(
        ImageCatalogServiceFaultException.class,
        e -> {
          assertThat(e.interruptedWalk()).isTrue();
          assertThat(e.resumeMarker()).contains(PageMarker.of("a"));
        });
    assertThat(catalog.stream(ImageFilter.all(), PageRequest.after(PageMarker.of("a"), 1)).map(Image::id))
        .containsExactly(ImageId.of("b"));
  }

  @Test
  void theFaultIsThrownAfterTheCallArrivesSoArgumentErrorsComeFirst() {
    catalog.failNext(Faults.serviceFault());

    assertThatThrownBy(() -> catalog.find(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> catalog.find(ImageId.of("a"))).isInstanceOf(ImageCatalogServiceFaultException.class);
  }

  @Test
  void anInjectedFaultComesBeforeMarkerValidation() {
    catalog.failNext(Faults.transport());

    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.after(PageMarker.of("nope"), 1)))
        .isInstanceOf(ImageCatalogTransportException.class);
    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.after(PageMarker.of("nope"), 1)))
        .isInstanceOf(ImageCatalogBadRequestException.class);
  }

  @Test
  void aSupplierThatReturnsNullIsReported() {
    catalog.failNext(Faults.of(() -> null));

    assertThatThrownBy(() -> catalog.find(ImageId.of("a")))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("fault supplier returned null");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void failNextRefusesACountBelowOne(int calls) {
    assertThatThrownBy(() -> catalog.failNext(calls, Faults.serviceFault()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Integer.toString(calls));
    assertThatThrownBy(() -> catalog.failNext(1, (Fault<?>) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> catalog.failNext((Fault<?>) null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void latencyDelaysEveryCallByAtLeastItsDuration() {
    InMemoryImageCatalog slow =
        InMemoryImageCatalog.builder().image(active("a", 1)).latency(Duration.ofMillis(30)).build();

    long start = System.nanoTime();
    slow.find(ImageId.of("a"));
    slow.list(ImageFilter.all(), PageRequest.first());
    long elapsed = System.nanoTime() - start;

    assertThat(Duration.ofNanos(elapsed)).isGreaterThanOrEqualTo(Duration.ofMillis(60));
  }

  @Test
  void anInterruptDuringLatencyIsATransportFailureAndKeepsTheInterruptFlag() {
    InMemoryImageCatalog slow =
        InMemoryImageCatalog.builder().image(active("a", 1)).latency(Duration.ofMinutes(5)).build();
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> slow.find(ImageId.of("a")))
          .isInstanceOf(ImageCatalogTransportException.class)
          .hasCauseInstanceOf(InterruptedException.class);
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
      assertThat(slow.callCount()).isEqualTo(1);
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void latencyMustNotBeNegative() {
    assertThatThrownBy(() -> InMemoryImageCatalog.builder().latency(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1 ms");
    assertThatThrownBy(() -> InMemoryImageCatalog.builder().latency(null)).isInstanceOf(NullPointerException.class);
  }
}
