package io.github.rackimages.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageCatalogUnavailableException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.fake.FakeImages;
import io.github.rackimages.fake.Faults;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An application service unit-tested against the in-memory adapter, rate limiting included. */
class LatestImageFinderTest {

  private final List<Duration> waits = new ArrayList<>();
  private final InMemoryImageCatalog catalog =
      InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).build();
  private final LatestImageFinder finder = new LatestImageFinder(catalog, 3, Duration.ofSeconds(30), waits::add);

  /** The answer worked out the slow way: every ACTIVE base image of the sample, newest first. */
  private static Image newest(String distro) {
    return SampleCatalogs.rackspace().stream()
        .filter(i -> i.type().equals(Optional.of(ImageType.BASE)) && i.status() == ImageStatus.ACTIVE)
        .filter(i -> i.metadata().getString("os_distro").orElse("").equals(distro))
        .sorted(Image.serviceOrder())
        .findFirst()
        .orElseThrow();
  }

  @Test
  void findsTheNewestActiveBaseImageOfADistribution() {
    assertThat(finder.latestBase("ubuntu")).contains(newest("ubuntu"));
    assertThat(finder.latestBase("Debian")).contains(newest("debian"));
    assertThat(newest("ubuntu").name()).contains("OnMetal - Ubuntu 24.04 LTS (Noble Numbat)");
  }

  @Test
  void skipsImagesTheFlavorClassMayNotBoot() {
    Image forVirtualServers = finder.latestBase("ubuntu", "general1").orElseThrow();

    assertThat(forVirtualServers.name()).contains("Ubuntu 24.04 LTS (Noble Numbat)");
    assertThat(finder.latestBase("ubuntu", "onmetal")).contains(newest("ubuntu"));
  }

  @Test
  void matchesTheOrganisationStyleDistributionNameToo() {
    assertThat(finder.latestBase("com.ubuntu")).contains(newest("ubuntu"));
  }

  @Test
  void ignoresSnapshotsAndImagesThatAreNotActive() {
    Image newerSnapshot =
        FakeImages.snapshot(FakeImages.serverIdFor("web09"), "ubuntu-clone", Instant.parse("2030-01-01T00:00:00Z"))
            .metadata(ImageMetadata.ofStrings(Map.of("image_type", "snapshot", "os_distro", "ubuntu")))
            .build();
    Image newerSaving =
        FakeImages.base("Ubuntu 26.04 LTS", Instant.parse("2030-01-02T00:00:00Z"))
            .metadata(newest("ubuntu").metadata())
            .status(ImageStatus.SAVING)
            .progress(50)
            .build();
    catalog.add(newerSnapshot);
    catalog.add(newerSaving);

    assertThat(finder.latestBase("ubuntu")).contains(newest("ubuntu"));
  }

  @Test
  void answersEmptyForADistributionWithoutImages() {
    assertThat(finder.latestBase("plan9")).isEmpty();
  }

  @Test
  void stopsWalkingAtTheFirstMatch() {
    catalog.resetCallCount();

    finder.latestBase("ubuntu");

    assertThat(catalog.callCount()).isEqualTo(1);
  }

  @Test
  void waitsWhatTheServiceAsksWhenThrottledAndThenSucceeds() {
    catalog.failNext(1, Faults.throttled(Duration.ofSeconds(7)));

    Optional<Image> found = finder.latestBase("ubuntu");

    assertThat(found).contains(newest("ubuntu"));
    assertThat(waits).containsExactly(Duration.ofSeconds(7));
    assertThat(catalog.callCount()).isEqualTo(2);
  }

  @Test
  void resumesAWalkThatWasThrottledMidwayWithoutFetchingPagesAgain() {
    // 1,200 base images older than every real one push the answer onto the second page of 1,000.
    List<Image> filler = new ArrayList<>();
    for (int i = 0; i < 1200; i++) {
      filler.add(FakeImages.base("Filler " + i, Instant.parse("2035-01-01T00:00:00Z").minusSeconds(i)).build());
    }
    catalog.addAll(filler);
    catalog.resetCallCount();
    ThrottleSecondCall throttling = new ThrottleSecondCall(catalog);

    Optional<Image> found =
        new LatestImageFinder(throttling, 3, Duration.ofSeconds(30), waits::add).latestBase("ubuntu");

    assertThat(found).contains(newest("ubuntu"));
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
    // Page 1, page 2 throttled, page 2 again: the first page was not fetched twice.
    assertThat(catalog.callCount()).isEqualTo(3);
  }

  @Test
  void givesUpWithTheServiceExceptionWhenThrottledOnEveryAttempt() {
    catalog.failNext(3, Faults.throttled(Duration.ofSeconds(2)));

    assertThatThrownBy(() -> finder.latestBase("ubuntu"))
        .isInstanceOf(ImageCatalogThrottledException.class)
        .satisfies(e -> assertThat(((ImageCatalogThrottledException) e).retryAfter()).contains(Duration.ofSeconds(2)));
    assertThat(waits).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    assertThat(catalog.callCount()).isEqualTo(3);
  }

  @Test
  void failsAtOnceWhenTheServiceAsksForALongerWaitThanAllowed() {
    catalog.failNext(1, Faults.throttled(Duration.ofMinutes(5)));

    assertThatThrownBy(() -> finder.latestBase("ubuntu")).isInstanceOf(ImageCatalogThrottledException.class);
    assertThat(waits).isEmpty();
  }

  @Test
  void doesNotRetryOtherFailures() {
    catalog.failNext(1, Faults.serviceUnavailable());

    assertThatThrownBy(() -> finder.latestBase("ubuntu")).isInstanceOf(ImageCatalogUnavailableException.class);
    assertThat(waits).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void rejectsABlankDistribution(String distro) {
    assertThatThrownBy(() -> finder.latestBase(distro))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("distro must not be blank");
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> new LatestImageFinder(catalog, 0, Duration.ZERO, waits::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAttempts must be at least 1: 0");
    assertThatThrownBy(() -> new LatestImageFinder(catalog, 1, Duration.ofSeconds(-1), waits::add))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxWait must not be negative");
  }

  /** Throttles the second call it receives, once, as a service does when a walk crosses its rate limit. */
  private static final class ThrottleSecondCall implements io.github.rackimages.core.ImageCatalog {
    private final InMemoryImageCatalog delegate;
    private int calls;

    ThrottleSecondCall(InMemoryImageCatalog delegate) {
      this.delegate = delegate;
    }

    @Override
    public io.github.rackimages.core.Page<Image> list(
        ImageFilter filter, io.github.rackimages.core.PageRequest page) {
      if (++calls == 2) {
        delegate.failNext(1, Faults.throttled(Duration.ofSeconds(2)));
      }
      return delegate.list(filter, page);
    }

    @Override
    public io.github.rackimages.core.Page<io.github.rackimages.core.ImageSummary> listSummaries(
        ImageFilter filter, io.github.rackimages.core.PageRequest page) {
      return delegate.listSummaries(filter, page);
    }

    @Override
    public Optional<Image> find(io.github.rackimages.core.ImageId id) {
      return delegate.find(id);
    }
  }
}
