package io.github.rackimages.benchmarks;

import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A catalog of any size that stores nothing: image {@code k} (0 = the newest) is computed from its index, so that
 * walking a million images over HTTP measures the walk, not the catalog. Ids encode the index
 * ({@code 00000000-0000-4000-8000-000000000042} is image 42), so a marker is parsed back to its index and a page is
 * generated on demand; a walker can check that it saw consecutive images.
 *
 * <p>The images are lean on purpose (no links, no update time, one metadata key, ACTIVE; about 250 bytes of JSON
 * each): a million of them are served and read in a short test.
 * They are in service order: {@code created} one second apart, newest first. Every image is listed by
 * {@link ImageFilter#all()}; other filters are applied with {@link ImageFilter#matches(Image)}, scanning forward
 * from the marker. Thread-safe (immutable).
 */
public final class SyntheticCatalog implements ImageCatalog {

  /** The creation time of image 0; image {@code k} was created {@code k} seconds earlier. */
  public static final Instant NEWEST = Instant.parse("2025-07-01T00:00:00Z");

  private static final String ID_PREFIX = "00000000-0000-4000-8000-";
  private static final int INDEX_DIGITS = 12;
  private static final long MAX_INDEX = 999_999_999_999L;
  private static final ImageMetadata METADATA = ImageMetadata.ofStrings(Map.of("image_type", "base"));

  private final long size;

  private SyntheticCatalog(long size) {
    if (size < 0 || size > MAX_INDEX) {
      throw new IllegalArgumentException("size must be within 0.." + MAX_INDEX + ": " + size);
    }
    this.size = size;
  }

  /**
   * A catalog of {@code size} images, indexes {@code 0..size-1}.
   *
   * @throws IllegalArgumentException if {@code size} is negative or has more than 12 digits
   */
  public static SyntheticCatalog ofSize(long size) {
    return new SyntheticCatalog(size);
  }

  /** The number of images. */
  public long size() {
    return size;
  }

  /**
   * The id of image {@code index}: {@code 00000000-0000-4000-8000-} and the index in 12 decimal digits, a valid
   * version 4 UUID text.
   *
   * @throws IllegalArgumentException if {@code index} is negative or has more than 12 digits
   */
  public static ImageId idOf(long index) {
    if (index < 0 || index > MAX_INDEX) {
      throw new IllegalArgumentException("index must be within 0.." + MAX_INDEX + ": " + index);
    }
    String digits = Long.toString(index);
    StringBuilder id = new StringBuilder(ID_PREFIX.length() + INDEX_DIGITS).append(ID_PREFIX);
    for (int pad = digits.length(); pad < INDEX_DIGITS; pad++) {
      id.append('0');
    }
    return ImageId.of(id.append(digits).toString());
  }

  /**
   * The index an id encodes, if it is one of this class's ids.
   *
   * @throws NullPointerException if {@code id} is null
   */
  public static Optional<Long> indexOf(ImageId id) {
    String text = Objects.requireNonNull(id, "id").value();
    if (text.length() != ID_PREFIX.length() + INDEX_DIGITS || !text.startsWith(ID_PREFIX)) {
      return Optional.empty();
    }
    long index = 0;
    for (int i = ID_PREFIX.length(); i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
      index = index * 10 + (c - '0');
    }
    return Optional.of(index);
  }

  /**
   * Image {@code index} of any synthetic catalog (it does not depend on the catalog's size).
   *
   * @throws IllegalArgumentException if {@code index} is negative or has more than 12 digits
   */
  public static Image image(long index) {
    ImageId id = idOf(index);
    Instant created = NEWEST.minusSeconds(index);
    // No links and no update time: each would cost the reader a URI or a date-time parse per image, and a walk
    // of a million images is meant to measure paging and memory, not those.
    return Image.builder(id, created)
        .name("synthetic-" + index)
        .minDisk(20)
        .minRam(512)
        .size(1_073_741_824L)
        .metadata(METADATA)
        .build();
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if an argument is null
   * @throws ImageCatalogBadRequestException if the marker is not the id of an image of this catalog
   */
  @Override
  public Page<Image> list(ImageFilter filter, PageRequest page) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(page, "page");
    long start = page.marker().map(this::indexAfter).orElse(0L);
    List<Image> items = new ArrayList<>(Math.min(page.limit(), (int) Math.min(PageRequest.MAX_LIMIT, size)));
    for (long k = start; k < size && items.size() < page.limit(); k++) {
      Image image = image(k);
      // Every image is ACTIVE, so ImageFilter.all() takes them all; any other filter decides image by image.
      if (filter.matches(image)) {
        items.add(image);
      }
    }
    return Page.byServiceRule(items, page, image -> PageMarker.after(image.id()));
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if an argument is null
   * @throws ImageCatalogBadRequestException if the marker is not the id of an image of this catalog
   */
  @Override
  public Page<ImageSummary> listSummaries(ImageFilter filter, PageRequest page) {
    Page<Image> images = list(filter, page);
    List<ImageSummary> summaries = new ArrayList<>(images.size());
    for (Image image : images.items()) {
      summaries.add(image.toSummary());
    }
    return Page.byServiceRule(summaries, page, summary -> PageMarker.after(summary.id()));
  }

  /**
   * {@inheritDoc}
   *
   * @throws NullPointerException if {@code id} is null
   */
  @Override
  public Optional<Image> find(ImageId id) {
    return indexOf(id).filter(index -> index < size).map(SyntheticCatalog::image);
  }

  private long indexAfter(PageMarker marker) {
    Optional<Long> index = indexOf(ImageId.of(marker.value())).filter(k -> k < size);
    if (index.isEmpty()) {
      // What the service answers for a marker it does not know.
      String message = "marker [" + marker.value() + "] not found";
      throw new ImageCatalogBadRequestException(
          message, ErrorDetails.status(400).withFaultName("badRequest").withServiceMessage(message), null);
    }
    return index.get() + 1;
  }

  @Override
  public String toString() {
    return "SyntheticCatalog[size=" + size + "]";
  }
}
