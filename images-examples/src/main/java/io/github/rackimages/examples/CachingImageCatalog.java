package io.github.rackimages.examples;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * An adapter written by a user: a decorator that keeps the answers of another {@link ImageCatalog} for a while,
 * so that an application asking the same question many times (a dashboard refreshing, a scheduler checking the
 * latest image every minute) calls the service once per time-to-live. It passes the contract suite
 * ({@code ImageCatalogContract}), which is how an adapter proves that it behaves as the service does.
 *
 * <pre>{@code
 * ImageCatalog catalog = CachingImageCatalog.of(HttpImageCatalog.builder()...build(), Duration.ofMinutes(5));
 * }</pre>
 *
 * <ul>
 *   <li>Pages are cached by (filter, page request), detail and summary lists apart; {@link #find} answers by id,
 *       an absent image included. The streams are the port's own, built on {@link #list}, so a walk reuses the
 *       cached pages.
 *   <li>Failures are never cached: the next call asks the delegate again.
 *   <li>At most {@code maxEntries} answers are kept; the least recently used goes first.
 *   <li>Thread-safe. Two threads missing the same entry at once may both call the delegate; the later answer
 *       wins. That is cheaper than making every reader wait for a slow call.
 * </ul>
 *
 * @since 1.0
 */
public final class CachingImageCatalog implements ImageCatalog {

  private final ImageCatalog delegate;
  private final Duration ttl;
  private final Clock clock;
  private final int maxEntries;
  private final Map<Key, Entry> entries; // guarded by itself
  private final AtomicLong hits = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();

  private CachingImageCatalog(ImageCatalog delegate, Duration ttl, Clock clock, int maxEntries) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl must be positive: " + ttl);
    }
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
    }
    this.maxEntries = maxEntries;
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > CachingImageCatalog.this.maxEntries;
          }
        };
  }

  /**
   * A cache over {@code delegate} keeping answers for {@code ttl}, at most 1000 of them, on the system clock.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code ttl} is not positive
   */
  public static CachingImageCatalog of(ImageCatalog delegate, Duration ttl) {
    return new CachingImageCatalog(delegate, ttl, Clock.systemUTC(), 1000);
  }

  /**
   * A cache with every setting given: the clock decides when answers expire (tests pass one they move by hand).
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code ttl} is not positive or {@code maxEntries} is below 1
   */
  public static CachingImageCatalog of(ImageCatalog delegate, Duration ttl, Clock clock, int maxEntries) {
    return new CachingImageCatalog(delegate, ttl, clock, maxEntries);
  }

  /**
   * {@inheritDoc}
   *
   * <p>From the cache when the same filter and page were asked for less than the time-to-live ago.
   *
   * @throws NullPointerException if an argument is null
   * @throws io.github.rackimages.core.ImageCatalogException as the delegate throws it
   */
  @Override
  public Page<Image> list(ImageFilter filter, PageRequest page) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(page, "page");
    return cached(new Key("detail", filter, page), () -> delegate.list(filter, page));
  }

  /**
   * {@inheritDoc}
   *
   * <p>From the cache when the same filter and page were asked for less than the time-to-live ago.
   *
   * @throws NullPointerException if an argument is null
   * @throws io.github.rackimages.core.ImageCatalogException as the delegate throws it
   */
  @Override
  public Page<ImageSummary> listSummaries(ImageFilter filter, PageRequest page) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(page, "page");
    return cached(new Key("summary", filter, page), () -> delegate.listSummaries(filter, page));
  }

  /**
   * {@inheritDoc}
   *
   * <p>From the cache when the same id was asked for less than the time-to-live ago, an absent image included.
   *
   * @throws NullPointerException if {@code id} is null
   * @throws io.github.rackimages.core.ImageCatalogException as the delegate throws it
   */
  @Override
  public Optional<Image> find(ImageId id) {
    Objects.requireNonNull(id, "id");
    return cached(new Key("find", id, null), () -> delegate.find(id));
  }

  /** Forgets every answer, so that the next calls ask the delegate. */
  public void invalidateAll() {
    synchronized (entries) {
      entries.clear();
    }
  }

  /** How many calls were answered from the cache. */
  public long hits() {
    return hits.get();
  }

  /** How many calls went to the delegate. */
  public long misses() {
    return misses.get();
  }

  @SuppressWarnings("unchecked")
  private <T> T cached(Key key, Supplier<T> call) {
    Instant now = clock.instant();
    synchronized (entries) {
      Entry entry = entries.get(key);
      if (entry != null && now.isBefore(entry.expires)) {
        hits.incrementAndGet();
        return (T) entry.value;
      }
    }
    misses.incrementAndGet();
    // Outside the lock: a slow service must not block readers of other entries. A failure propagates uncached.
    T value = call.get();
    synchronized (entries) {
      entries.put(key, new Entry(value, now.plus(ttl)));
    }
    return value;
  }

  @Override
  public String toString() {
    return "CachingImageCatalog[ttl=" + ttl + ", over " + delegate + "]";
  }

  /** What was asked: the kind of call and its arguments (filters and page requests are values). */
  private record Key(String kind, Object first, Object second) {}

  private record Entry(Object value, Instant expires) {}
}
