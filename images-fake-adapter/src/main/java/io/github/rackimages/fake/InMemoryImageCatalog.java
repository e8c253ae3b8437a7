package io.github.rackimages.fake;

import io.github.rackimages.core.Durations;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An {@link ImageCatalog} held in memory that answers exactly as the Rackspace service does: the test double for
 * applications, the default catalog of the emulator, and the reference the contract suite is run against.
 *
 * <pre>{@code
 * InMemoryImageCatalog catalog = InMemoryImageCatalog.of(
 *     FakeImages.base("Ubuntu 24.04 LTS (Noble Numbat)").build(),
 *     FakeImages.snapshot(ServerId.of("87487601-1968-4d3c-b2fa-3034b0d9e6f3"), "web01-nightly").build());
 * catalog.failNext(Faults.throttled(Duration.ofSeconds(5)));  // the next call is rate-limited
 * MyService service = new MyService(catalog);                  // code under test
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
 *   <li>{@link #find(ImageId)} finds every image it holds but the DELETED ones, which the service answers with 404
 *       (glance hides deleted images from customers).
 *   <li>{@link #delete(ImageId)} does what the service's delete does: the image stays, as DELETED with progress 0,
 *       updated at the clock's current instant cut to whole seconds (the service's {@code updated} has no
 *       fraction).
 * </ul>
 *
 * <p><b>Threads and cost.</b> Every method is thread-safe. Images are kept sorted in service order (skip lists,
 * plus an index by id, plus one index per {@code status}, {@code server}, {@code type} and {@code name} value), so
 * a page costs O(log n + limit) without a filter and with a filter on one of those fields, wherever it lies, and a
 * marker costs one lookup by id. A filter combining fields walks the smallest of their groups and tests the rest;
 * {@code changes-since}, {@code minDisk} and {@code minRam} are not indexed, so a filter on them alone scans from
 * the marker until the page is full. The indexes take about 140 bytes per image on top of the images. A page is a
 * snapshot: it reflects the catalog between two mutations, never half of one, and it does not change afterwards.
 * Readers never block each other and rarely wait for writers; a walk ({@link #stream}) concurrent with mutations
 * never fails because of them, unless its marker image is removed or deleted (then the service fails it too).
 *
 * <p><b>Test hooks.</b> {@link #callCount()} counts the calls the catalog received ({@link #list},
 * {@link #listSummaries} and {@link #find}, failed ones included; calls rejected for a null argument are not calls).
 * {@link #failNext(Fault)} and {@link #failNext(int, Fault)} make the next call, or the next {@code n} calls, fail with
 * a {@link Fault} from {@link Faults} (ready-made, or your own with {@link Faults#of}); each failing call throws a
 * fresh exception. The builder's {@link Builder#latency(Duration)} slows every call down.
 *
 * <p><b>Implementation note.</b> This class is a façade over parts with one job each: the indexes and their lock
 * ({@code ImageIndex}), the rules of the test mutations ({@code Mutations}), the call count and fault queue
 * ({@code FaultScript}) and the simulated latency ({@code Latency}). It is longer than 300 lines only because it
 * carries the public API's documentation and the nested {@link Builder}, which stays nested for source
 * compatibility.
 *
 * @since 1.0
 */
public final class InMemoryImageCatalog implements ImageCatalog {

  private final ImageIndex index;
  private final Mutations mutations;
  private final FaultScript script = new FaultScript();
  private final Latency latency;

  private InMemoryImageCatalog(Builder b) {
    this.index = new ImageIndex(b.images);
    this.mutations = new Mutations(index, b.clock);
    this.latency = new Latency(b.latency);
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
   * @throws ImageCatalogException an injected fault (see {@link #failNext(int, Fault)}), or a
   *     {@link ImageCatalogTransportException} if the thread is interrupted during the simulated latency
   */
  @Override
  public Page<Image> list(ImageFilter filter, PageRequest page) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(page, "page");
    receiveCall();
    return index.page(filter, page);
  }

  /**
   * {@inheritDoc} The same pages as {@link #list}, each image mapped with {@link Image#toSummary()}.
   *
   * @throws NullPointerException if an argument is null
   * @throws ImageCatalogBadRequestException if the marker names no image, or a DELETED one while the filter has no
   *     {@code changes-since}
   * @throws ImageCatalogException an injected fault (see {@link #failNext(int, Fault)}), or a
   *     {@link ImageCatalogTransportException} if the thread is interrupted during the simulated latency
   */
  @Override
  public Page<ImageSummary> listSummaries(ImageFilter filter, PageRequest page) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(page, "page");
    receiveCall();
    Page<Image> images = index.page(filter, page);
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
   * @throws ImageCatalogException an injected fault (see {@link #failNext(int, Fault)}), or a
   *     {@link ImageCatalogTransportException} if the thread is interrupted during the simulated latency
   */
  @Override
  public Optional<Image> find(ImageId id) {
    Objects.requireNonNull(id, "id");
    receiveCall();
    return index.find(id);
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
    mutations.add(image);
  }

  /**
   * Adds these images, all or none.
   *
   * @throws NullPointerException if {@code images} or an image is null
   * @throws IllegalArgumentException if the catalog already holds one of the ids, or two of the images have the
   *     same id; then nothing is added
   */
  public void addAll(Collection<? extends Image> images) {
    mutations.addAll(images);
  }

  /**
   * Adds an image, or replaces the one with the same id (which may then move in the order, if its
   * {@code created} changed).
   *
   * @return the image it replaced, empty if it was added
   * @throws NullPointerException if {@code image} is null
   */
  public Optional<Image> put(Image image) {
    return mutations.put(image);
  }

  /**
   * Replaces the image with the same id.
   *
   * @return the image it replaced
   * @throws NullPointerException if {@code image} is null
   * @throws IllegalArgumentException if the catalog holds no image with this id
   */
  public Image replace(Image image) {
    return mutations.replace(image);
  }

  /**
   * Deletes an image as the service does: it stays in the catalog as DELETED, with progress 0 and updated at the
   * clock's current instant cut to whole seconds, so that a listing with {@code changes-since} before that instant
   * shows it (and {@link #find} no longer does, as on the service); every other field is kept.
   *
   * @return the image as it is now
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if the catalog holds no image with this id, or it is already DELETED (the
   *     service answers 404 to both)
   */
  public Image delete(ImageId id) {
    return mutations.delete(id);
  }

  /**
   * Removes an image entirely, as if the service had forgotten it (it is then unknown to {@link #find} and as a
   * marker). To delete it as the service does, use {@link #delete(ImageId)}.
   *
   * @return the image removed, empty if the catalog held none with this id
   * @throws NullPointerException if {@code id} is null
   */
  public Optional<Image> remove(ImageId id) {
    return mutations.remove(id);
  }

  /** Removes every image. Call counts and pending faults are kept. */
  public void clear() {
    mutations.clear();
  }

  /** How many images the catalog holds, DELETED ones included. */
  public int size() {
    return index.size();
  }

  /** Every image the catalog holds, DELETED ones included, in service order; a snapshot. */
  public List<Image> images() {
    return index.snapshot();
  }

  /** The clock that stamps {@link #delete(ImageId)}. */
  public Clock clock() {
    return mutations.clock();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Call counting and fault injection

  /**
   * How many calls ({@link #list}, {@link #listSummaries}, {@link #find}) the catalog received since it was built
   * or {@link #resetCallCount()} was last called, including calls that failed with an injected fault or an
   * unknown marker. A call rejected for a null argument is not counted, as it never reaches the service.
   */
  public long callCount() {
    return script.callCount();
  }

  /**
   * Sets the call count back to zero.
   *
   * @return the count before the reset
   */
  public long resetCallCount() {
    return script.resetCallCount();
  }

  /**
   * Makes the next call (to {@link #list}, {@link #listSummaries} or {@link #find}) fail with a fresh exception from
   * {@code fault}; the same as {@code failNext(1, fault)}.
   *
   * <pre>{@code
   * catalog.failNext(Faults.serviceUnavailable());
   * }</pre>
   *
   * @throws NullPointerException if {@code fault} is null
   * @since 1.0
   */
  public void failNext(Fault<?> fault) {
    failNext(1, fault);
  }

  /**
   * Makes the next {@code calls} calls (to {@link #list}, {@link #listSummaries} or {@link #find}, in any mix)
   * fail, each with a fresh exception from {@code fault}; they are counted as calls. Faults queue up: after
   * {@code failNext(2, a); failNext(b)} the next two calls fail with {@code a}'s exceptions and the third with
   * {@code b}'s. The fault's exception is made when the call fails, after the call was counted and the latency
   * waited; a fault whose supplier returns null, or the same exception twice in a row, fails that call with
   * {@link NullPointerException} or {@link IllegalStateException} instead.
   *
   * <pre>{@code
   * catalog.failNext(3, Faults.throttled(Duration.ofSeconds(30)));
   * }</pre>
   *
   * @throws NullPointerException if {@code fault} is null
   * @throws IllegalArgumentException if {@code calls} is less than 1
   * @since 1.0
   */
  public void failNext(int calls, Fault<?> fault) {
    script.failNext(calls, fault);
  }

  /**
   * Makes the next {@code calls} calls fail, each with an exception from {@code failure}.
   *
   * @throws NullPointerException if {@code failure} is null
   * @throws IllegalArgumentException if {@code calls} is less than 1
   * @deprecated Use {@link #failNext(int, Fault)} with a fault from {@link Faults}, or
   *     {@code Faults.of(failure)} for your own supplier.
   */
  @Deprecated(since = "1.0")
  public void failNext(int calls, Supplier<? extends ImageCatalogException> failure) {
    failNext(calls, Faults.of(failure));
  }

  /**
   * Makes the next call fail with this very exception.
   *
   * @throws NullPointerException if {@code failure} is null
   * @deprecated An exception object made in advance is shared by whatever throws it; use {@link #failNext(Fault)},
   *     which makes a fresh exception for the failing call: {@code failNext(Faults.serviceFault())} rather than
   *     {@code failNext(Faults.serviceFault().get())}.
   */
  @Deprecated(since = "1.0")
  public void failNext(ImageCatalogException failure) {
    Objects.requireNonNull(failure, "failure");
    failNext(1, Faults.of(() -> failure));
  }

  /** Drops every fault not yet thrown. */
  public void clearFaults() {
    script.clear();
  }

  /** How many calls will still fail with an injected fault. */
  public int pendingFaults() {
    return script.pendingFaults();
  }

  @Override
  public String toString() {
    return "InMemoryImageCatalog[" + index.size() + " images]";
  }

  /** Counts the call, waits the simulated latency, then throws the next injected fault, if any. */
  private void receiveCall() {
    script.countCall();
    latency.await();
    script.throwNextFault();
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
        throw new IllegalArgumentException("latency must not be negative: " + Durations.human(latency));
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
