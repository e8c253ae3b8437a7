package io.github.rackimages.fake;

import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

/**
 * An {@link ImageCatalog} held in memory that answers exactly as the Rackspace service does: the test double for
 * applications, the default catalog of the emulator, and the reference the contract suite is run against.
 *
 * <pre>{@code
 * InMemoryImageCatalog catalog = InMemoryImageCatalog.of(
 *     FakeImages.base("Ubuntu 24.04 LTS (Noble Numbat)").build(),
 *     FakeImages.snapshot(ServerId.of("87487601-1968-4d3c-b2fa-3034b0d9e6f3"), "web01-nightly").build());
 * catalog.failNext(Faults.throttled(Duration.ofSeconds(5)).get());  // the next call is rate-limited
 * MyService service = new MyService(catalog);                        // code under test
 * ...
 * assertThat(catalog.callCount()).isEqualTo(2);
 * }</pre>
 *
 * <p><b>The service's semantics.</b>
 *
 * <ul>
 *   <li>Pages follow {@link Image#serviceOrder()}: {@code created} descending, then id descending.
 *   <li>Which images are listed is decided by {@link ImageFilter#matches(Image)}: without {@code changes-since}
 *       only ACTIVE and SAVING images, with it every image changed strictly after the instant.
 *   <li>A page holds at most {@link PageRequest#limit()} images and carries a next marker exactly when it is full,
 *       so a listing of exactly N * limit images ends with an empty page.
 *   <li>A marker is the id of an image; the page starts right after that image's position, whether or not the
 *       image matches the filter. An id the catalog does not hold, or a DELETED image when the filter has no
 *       {@code changes-since} (the service hides those), is refused with {@link ImageCatalogBadRequestException}
 *       (400 {@code badRequest}, message {@code marker [<id>] not found}).
 *   <li>{@link #find(ImageId)} finds every image it holds, DELETED ones included.
 *   <li>{@link #delete(ImageId)} does what the service's delete does: the image stays, as DELETED with progress 0,
 *       updated at the clock's current instant.
 * </ul>
 *
 * <p><b>Threads and cost.</b> Every method is thread-safe. Images are kept sorted in service order (skip lists,
 * plus an index by id), so a page costs O(log n + limit) without a filter and O(log n + images scanned) with one,
 * and a marker costs one lookup by id; no call scans the whole catalog unless its filter forces it to. A page is a
 * snapshot: it reflects the catalog between two mutations, never half of one, and it does not change afterwards.
 * Readers never block each other and rarely wait for writers; a walk ({@link #stream}) concurrent with mutations
 * never fails because of them, unless its marker image is removed or deleted (then the service fails it too).
 *
 * <p><b>Test hooks.</b> {@link #callCount()} counts the calls the catalog received ({@link #list},
 * {@link #listSummaries} and {@link #find}, failed ones included; calls rejected for a null argument are not calls).
 * {@link #failNext(int, Supplier)} makes the next calls fail with exceptions from {@link Faults} or your own. The
 * builder's {@link Builder#latency(Duration)} slows every call down.
 *
 * @since 1.0
 */
public final class InMemoryImageCatalog implements ImageCatalog {

  private static final Comparator<Image> ORDER = Image.serviceOrder();
  private static final ImageFilter DEFAULT_LISTING = ImageFilter.all();

  private final Clock clock;
  private final Duration latency;

  /*
   * Writers take the write lock, so mutations are serialised and each is applied whole. Readers take an optimistic
   * stamp, read the concurrent structures without locking, and validate: only if a write overlapped do they read
   * again under the read lock. The structures are concurrent so that an optimistic read racing a write never
   * throws; the stamp is what makes the result a snapshot.
   */
  private final StampedLock lock = new StampedLock();
  private final ConcurrentHashMap<ImageId, Image> byId;
  /** Every image, in service order. */
  private final ConcurrentSkipListSet<Image> all = new ConcurrentSkipListSet<>(ORDER);
  /** The images a listing without changes-since shows (ACTIVE and SAVING), so that it skips none. */
  private final ConcurrentSkipListSet<Image> listed = new ConcurrentSkipListSet<>(ORDER);

  private final AtomicLong calls = new AtomicLong();
  private final Object faultLock = new Object();
  private final ArrayDeque<PendingFault> faults = new ArrayDeque<>(); // guarded by faultLock
  private volatile boolean faultsPending;

  private InMemoryImageCatalog(Builder b) {
    this.clock = b.clock;
    this.latency = b.latency;
    // Sized up front: growing a map of a million entries step by step costs more than filling it.
    this.byId = new ConcurrentHashMap<>(Math.max(16, b.images.size()));
    insertAll(b.images);
  }

  /** A builder for an empty catalog with the system UTC clock and no latency. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A catalog holding these images, with the system UTC clock.
   *
   * @throws NullPointerException if {@code images} or an image is null
   * @throws IllegalArgumentException if two images have the same id
   */
  public static InMemoryImageCatalog of(Image... images) {
    Objects.requireNonNull(images, "images");
    return builder().images(List.of(images)).build();
  }

  /** A catalog holding no image, with the system UTC clock. */
  public static InMemoryImageCatalog empty() {
    return builder().build();
  }

  // ---------------------------------------------------------------------------------------------------------
  // The port

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if an argument is null
   * @throws ImageCatalogBadRequestException if the marker names no image, or a DELETED one while the filter has no
   *     {@code changes-since}
   * @throws ImageCatalogException an injected fault (see {@link #failNext(int, Supplier)}), or a
   *     {@link ImageCatalogTransportException} if the thread is interrupted during the simulated latency
   */
  @Override
  public Page<Image> list(ImageFilter filter, PageRequest page) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(page, "page");
    receiveCall();
    return read(() -> slice(filter, page)).toPage(page);
  }

  /**
   * {@inheritDoc} The same pages as {@link #list}, each image mapped with {@link Image#toSummary()}.
   *
   * @throws NullPointerException if an argument is null
   * @throws ImageCatalogBadRequestException if the marker names no image, or a DELETED one while the filter has no
   *     {@code changes-since}
   * @throws ImageCatalogException an injected fault (see {@link #failNext(int, Supplier)}), or a
   *     {@link ImageCatalogTransportException} if the thread is interrupted during the simulated latency
   */
  @Override
  public Page<ImageSummary> listSummaries(ImageFilter filter, PageRequest page) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(page, "page");
    receiveCall();
    Page<Image> images = read(() -> slice(filter, page)).toPage(page);
    List<ImageSummary> summaries = new ArrayList<>(images.size());
    for (Image image : images.items()) {
      summaries.add(image.toSummary());
    }
    return Page.byServiceRule(summaries, page, summary -> PageMarker.after(summary.id()));
  }

  /**
   * {@inheritDoc} DELETED images are found too.
   *
   * @throws NullPointerException if {@code id} is null
   * @throws ImageCatalogException an injected fault (see {@link #failNext(int, Supplier)}), or a
   *     {@link ImageCatalogTransportException} if the thread is interrupted during the simulated latency
   */
  @Override
  public Optional<Image> find(ImageId id) {
    Objects.requireNonNull(id, "id");
    receiveCall();
    // Through read(), so that it never sees an image of an addAll that is being rolled back.
    return Optional.ofNullable(read(() -> byId.get(id)));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Mutations for tests

  /**
   * Adds an image.
   *
   * @throws NullPointerException if {@code image} is null
   * @throws IllegalArgumentException if the catalog already holds an image with this id
   */
  public void add(Image image) {
    Objects.requireNonNull(image, "image");
    write(
        () -> {
          if (byId.containsKey(image.id())) {
            throw new IllegalArgumentException("the catalog already holds an image with id " + image.id());
          }
          insert(image);
          return null;
        });
  }

  /**
   * Adds these images, all or none.
   *
   * @throws NullPointerException if {@code images} or an image is null
   * @throws IllegalArgumentException if the catalog already holds one of the ids, or two of the images have the
   *     same id; then nothing is added
   */
  public void addAll(Collection<? extends Image> images) {
    List<Image> copy = List.copyOf(Objects.requireNonNull(images, "images"));
    write(
        () -> {
          insertAll(copy);
          return null;
        });
  }

  /**
   * Adds an image, or replaces the one with the same id (which may then move in the order, if its
   * {@code created} changed).
   *
   * @return the image it replaced, empty if it was added
   * @throws NullPointerException if {@code image} is null
   */
  public Optional<Image> put(Image image) {
    Objects.requireNonNull(image, "image");
    return write(
        () -> {
          Image previous = byId.get(image.id());
          if (previous != null) {
            unlink(previous);
          }
          insert(image);
          return Optional.ofNullable(previous);
        });
  }

  /**
   * Replaces the image with the same id.
   *
   * @return the image it replaced
   * @throws NullPointerException if {@code image} is null
   * @throws IllegalArgumentException if the catalog holds no image with this id
   */
  public Image replace(Image image) {
    Objects.requireNonNull(image, "image");
    return write(
        () -> {
          Image previous = byId.get(image.id());
          if (previous == null) {
            throw new IllegalArgumentException("the catalog holds no image with id " + image.id());
          }
          unlink(previous);
          insert(image);
          return previous;
        });
  }

  /**
   * Deletes an image as the service does: it stays in the catalog as DELETED, with progress 0 and updated at the
   * clock's current instant, so that {@link #find} still returns it and a listing with {@code changes-since}
   * before that instant shows it; every other field is kept.
   *
   * @return the image as it is now
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if the catalog holds no image with this id, or it is already DELETED (the
   *     service answers 404 to both)
   */
  public Image delete(ImageId id) {
    Objects.requireNonNull(id, "id");
    return write(
        () -> {
          Image previous = byId.get(id);
          if (previous == null) {
            throw new IllegalArgumentException("the catalog holds no image with id " + id);
          }
          if (previous.status() == ImageStatus.DELETED) {
            throw new IllegalArgumentException("the image " + id + " is already deleted");
          }
          Image deleted = FakeImages.deleted(previous, clock.instant());
          unlink(previous);
          insert(deleted);
          return deleted;
        });
  }

  /**
   * Removes an image entirely, as if the service had forgotten it (it is then unknown to {@link #find} and as a
   * marker). To delete it as the service does, use {@link #delete(ImageId)}.
   *
   * @return the image removed, empty if the catalog held none with this id
   * @throws NullPointerException if {@code id} is null
   */
  public Optional<Image> remove(ImageId id) {
    Objects.requireNonNull(id, "id");
    return write(
        () -> {
          Image previous = byId.get(id);
          if (previous != null) {
            unlink(previous);
          }
          return Optional.ofNullable(previous);
        });
  }

  /** Removes every image. Call counts and pending faults are kept. */
  public void clear() {
    write(
        () -> {
          byId.clear();
          all.clear();
          listed.clear();
          return null;
        });
  }

  /** How many images the catalog holds, DELETED ones included. */
  public int size() {
    return read(byId::size);
  }

  /** Every image the catalog holds, DELETED ones included, in service order; a snapshot. */
  public List<Image> images() {
    return read(() -> List.copyOf(all));
  }

  /** The clock that stamps {@link #delete(ImageId)}. */
  public Clock clock() {
    return clock;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Call counting and fault injection

  /**
   * How many calls ({@link #list}, {@link #listSummaries}, {@link #find}) the catalog received since it was built
   * or {@link #resetCallCount()} was last called, including calls that failed with an injected fault or an
   * unknown marker. A call rejected for a null argument is not counted, as it never reaches the service.
   */
  public long callCount() {
    return calls.get();
  }

  /**
   * Sets the call count back to zero.
   *
   * @return the count before the reset
   */
  public long resetCallCount() {
    return calls.getAndSet(0);
  }

  /**
   * Makes the next {@code calls} calls (to {@link #list}, {@link #listSummaries} or {@link #find}, in any mix)
   * fail, each with a fresh exception from {@code failure}; they are counted as calls. Faults queue up: after
   * {@code failNext(2, a); failNext(1, b)} the next two calls fail with {@code a}'s exceptions and the third with
   * {@code b}'s.
   *
   * @throws NullPointerException if {@code failure} is null
   * @throws IllegalArgumentException if {@code calls} is less than 1
   */
  public void failNext(int calls, Supplier<? extends ImageCatalogException> failure) {
    Objects.requireNonNull(failure, "failure");
    if (calls < 1) {
      throw new IllegalArgumentException("calls must be at least 1: " + calls);
    }
    synchronized (faultLock) {
      faults.add(new PendingFault(calls, failure));
      faultsPending = true;
    }
  }

  /**
   * Makes the next call fail with this exception. The same instance is thrown; use
   * {@link #failNext(int, Supplier)} to fail several calls with fresh instances.
   *
   * @throws NullPointerException if {@code failure} is null
   */
  public void failNext(ImageCatalogException failure) {
    Objects.requireNonNull(failure, "failure");
    failNext(1, () -> failure);
  }

  /** Drops every fault not yet thrown. */
  public void clearFaults() {
    synchronized (faultLock) {
      faults.clear();
      faultsPending = false;
    }
  }

  /** How many calls will still fail with an injected fault. */
  public int pendingFaults() {
    synchronized (faultLock) {
      int n = 0;
      for (PendingFault f : faults) {
        n += f.remaining;
      }
      return n;
    }
  }

  @Override
  public String toString() {
    return "InMemoryImageCatalog[" + byId.size() + " images]";
  }

  // ---------------------------------------------------------------------------------------------------------
  // Internals

  /** Counts the call, waits the simulated latency, then throws the next injected fault, if any. */
  private void receiveCall() {
    calls.incrementAndGet();
    if (!latency.isZero()) {
      try {
        TimeUnit.NANOSECONDS.sleep(latency.toNanos());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ImageCatalogTransportException(
            "interrupted while waiting for the in-memory catalog's simulated latency", ErrorDetails.none(), e);
      }
    }
    if (!faultsPending) {
      return;
    }
    Supplier<? extends ImageCatalogException> failure;
    synchronized (faultLock) {
      PendingFault next = faults.peek();
      if (next == null) {
        return;
      }
      failure = next.failure;
      if (--next.remaining == 0) {
        faults.remove();
        faultsPending = !faults.isEmpty();
      }
    }
    // The supplier is user code: call it outside the lock.
    ImageCatalogException e = failure.get();
    throw Objects.requireNonNull(e, "the fault supplier returned null");
  }

  /**
   * The images of one page, or the news that the marker is unknown. Computed without throwing, because under an
   * optimistic read it may see a half-applied write; {@link #read} then discards it and computes it again.
   */
  private Slice slice(ImageFilter filter, PageRequest request) {
    boolean withDeleted = filter.changesSince().isPresent();
    NavigableSet<Image> source = withDeleted ? all : listed;
    NavigableSet<Image> view = source;
    Optional<PageMarker> marker = request.marker();
    if (marker.isPresent()) {
      Image at = byId.get(ImageId.of(marker.get().value()));
      if (at == null || (at.status() == ImageStatus.DELETED && !withDeleted)) {
        return new Slice(List.of(), marker.get());
      }
      // The position counts, not the image: a marker image the filter excludes is still a valid start.
      view = source.tailSet(at, false);
    }
    int limit = request.limit();
    // `listed` holds exactly what the default filter accepts, so that listing needs no test per image.
    boolean everything = filter.equals(DEFAULT_LISTING);
    List<Image> items = new ArrayList<>(Math.min(limit, 128));
    for (Image image : view) {
      if (everything || filter.matches(image)) {
        items.add(image);
        if (items.size() == limit) {
          break;
        }
      }
    }
    return new Slice(items, null);
  }

  private <T> T read(Supplier<T> reader) {
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0L) {
      T result = reader.get();
      if (lock.validate(stamp)) {
        return result;
      }
    }
    stamp = lock.readLock();
    try {
      return reader.get();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  private <T> T write(Supplier<T> writer) {
    long stamp = lock.writeLock();
    try {
      return writer.get();
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /**
   * Inserts images, all or none: if one has the id of a held image or of another in the list, nothing is inserted.
   * Caller holds the write lock (or is the constructor).
   */
  private void insertAll(List<Image> images) {
    for (int i = 0; i < images.size(); i++) {
      Image image = images.get(i);
      if (byId.putIfAbsent(image.id(), image) != null) {
        for (int j = 0; j < i; j++) {
          byId.remove(images.get(j).id());
        }
        throw new IllegalArgumentException(
            "the image id " + image.id() + " is given twice or already in the catalog");
      }
    }
    for (Image image : images) {
      all.add(image);
      if (DEFAULT_LISTING.matches(image)) {
        listed.add(image);
      }
    }
  }

  private void insert(Image image) {
    byId.put(image.id(), image);
    all.add(image);
    if (DEFAULT_LISTING.matches(image)) {
      listed.add(image);
    }
  }

  private void unlink(Image image) {
    byId.remove(image.id());
    // The sets compare by (created, id) only, so this removes the held image even if `image` is an equal copy.
    all.remove(image);
    listed.remove(image);
  }

  /** One page's images, or the marker that was not found. */
  private record Slice(List<Image> items, PageMarker unknownMarker) {

    Page<Image> toPage(PageRequest request) {
      if (unknownMarker != null) {
        String message = "marker [" + unknownMarker.value() + "] not found";
        throw new ImageCatalogBadRequestException(
            message, Faults.fault(400, "badRequest", message), null);
      }
      return Page.byServiceRule(items, request, image -> PageMarker.after(image.id()));
    }
  }

  private static final class PendingFault {
    private final Supplier<? extends ImageCatalogException> failure;
    private int remaining; // guarded by faultLock

    PendingFault(int remaining, Supplier<? extends ImageCatalogException> failure) {
      this.remaining = remaining;
      this.failure = failure;
    }
  }

  /**
   * Builds an {@link InMemoryImageCatalog}; not thread-safe. Defaults: no images, the system UTC clock, no latency.
   *
   * @since 1.0
   */
  public static final class Builder {
    private final List<Image> images = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Duration latency = Duration.ZERO;

    private Builder() {}

    /**
     * Adds these images (in any order; the catalog sorts them).
     *
     * @throws NullPointerException if {@code images} or an image is null
     */
    public Builder images(Collection<? extends Image> images) {
      Objects.requireNonNull(images, "images");
      for (Image image : images) {
        this.images.add(Objects.requireNonNull(image, "image"));
      }
      return this;
    }

    /**
     * Adds one image.
     *
     * @throws NullPointerException if {@code image} is null
     */
    public Builder image(Image image) {
      images.add(Objects.requireNonNull(image, "image"));
      return this;
    }

    /**
     * The clock {@link InMemoryImageCatalog#delete(ImageId)} reads; a fixed or mutable one makes tests exact.
     *
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * A delay before every call is answered, to simulate a remote service (timeouts, progress output,
     * concurrency). Zero by default.
     *
     * @throws NullPointerException if {@code latency} is null
     * @throws IllegalArgumentException if {@code latency} is negative
     */
    public Builder latency(Duration latency) {
      Objects.requireNonNull(latency, "latency");
      if (latency.isNegative()) {
        throw new IllegalArgumentException("latency must not be negative: " + latency);
      }
      this.latency = latency;
      return this;
    }

    /**
     * The catalog, holding a snapshot of the images added so far.
     *
     * @throws IllegalArgumentException if two images have the same id
     */
    public InMemoryImageCatalog build() {
      return new InMemoryImageCatalog(this);
    }
  }
}
