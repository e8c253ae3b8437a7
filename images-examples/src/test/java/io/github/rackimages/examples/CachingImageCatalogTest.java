package io.github.rackimages.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.fake.Faults;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the cache adds to the contract: answers kept for their time-to-live, failures never kept, bounded size. */
class CachingImageCatalogTest {

  private final InMemoryImageCatalog service =
      InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).build();
  private final MovableClock clock = new MovableClock();
  private final CachingImageCatalog cache = CachingImageCatalog.of(service, Duration.ofMinutes(5), clock, 3);

  @Test
  void asksTheServiceOncePerTimeToLive() {
    Page<Image> first = cache.list(ImageFilter.all(), PageRequest.first(10));
    clock.advance(Duration.ofMinutes(4));
    Page<Image> second = cache.list(ImageFilter.all(), PageRequest.first(10));

    assertThat(second).isEqualTo(first);
    assertThat(service.callCount()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(1);

    clock.advance(Duration.ofMinutes(1));
    cache.list(ImageFilter.all(), PageRequest.first(10));

    assertThat(service.callCount()).isEqualTo(2);
  }

  @Test
  void keepsDetailSummaryAndFindAnswersApart() {
    ImageId id = SampleCatalogs.rackspace().get(0).id();

    cache.list(ImageFilter.all(), PageRequest.first(5));
    cache.listSummaries(ImageFilter.all(), PageRequest.first(5));
    cache.find(id);
    cache.find(id);

    assertThat(service.callCount()).isEqualTo(3);
  }

  @Test
  void remembersThatAnImageDoesNotExist() {
    ImageId missing = ImageId.of("00000000-0000-4000-8000-000000000000");

    assertThat(cache.find(missing)).isEmpty();
    assertThat(cache.find(missing)).isEmpty();
    assertThat(service.callCount()).isEqualTo(1);
  }

  @Test
  void neverKeepsAFailure() {
    service.failNext(1, Faults.throttled(Duration.ofSeconds(1)));

    assertThatThrownBy(() -> cache.list(ImageFilter.all(), PageRequest.first()))
        .isInstanceOf(ImageCatalogThrottledException.class);
    assertThat(cache.list(ImageFilter.all(), PageRequest.first()).items()).hasSize(55);
    assertThat(service.callCount()).isEqualTo(2);
  }

  @Test
  void aWalkReusesCachedPages() {
    CachingImageCatalog cache = CachingImageCatalog.of(service, Duration.ofMinutes(5), clock, 100);
    ImageFilter snapshots = ImageFilter.builder().type(ImageType.SNAPSHOT).build();
    List<Image> once;
    try (Stream<Image> walk = cache.stream(snapshots, PageRequest.first(4))) {
      once = walk.toList();
    }
    long calls = service.callCount();
    List<Image> again;
    try (Stream<Image> walk = cache.stream(snapshots, PageRequest.first(4))) {
      again = walk.toList();
    }

    assertThat(again).isEqualTo(once).isNotEmpty();
    assertThat(service.callCount()).isEqualTo(calls);
  }

  @Test
  void dropsTheLeastRecentlyUsedAnswerBeyondItsSize() {
    for (int limit = 1; limit <= 4; limit++) {
      cache.list(ImageFilter.all(), PageRequest.first(limit));
    }
    service.resetCallCount();

    cache.list(ImageFilter.all(), PageRequest.first(4));
    cache.list(ImageFilter.all(), PageRequest.first(1));

    assertThat(service.callCount()).isEqualTo(1);
  }

  @Test
  void invalidateAllForgetsEverything() {
    cache.list(ImageFilter.all(), PageRequest.first(5));
    cache.invalidateAll();
    cache.list(ImageFilter.all(), PageRequest.first(5));

    assertThat(service.callCount()).isEqualTo(2);
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> CachingImageCatalog.of(service, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl must be positive");
    assertThatThrownBy(() -> CachingImageCatalog.of(service, Duration.ofSeconds(1), clock, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxEntries must be at least 1: 0");
  }

  /** A clock the test moves by hand. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2025-07-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
