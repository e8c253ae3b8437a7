package io.github.rackimages.tck;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simplest correct catalog: a sorted list, scanned in full for every page with {@link ImageFilter#matches}.
 * It proves the contract passes on a correct implementation; it is deliberately not clever.
 */
final class NaiveImageCatalog implements ImageCatalog {

  private final List<Image> sorted;
  private final Comparator<Image> order;
  private final AtomicLong calls = new AtomicLong();

  NaiveImageCatalog(List<Image> images) {
    this(images, Image.serviceOrder());
  }

  /** A catalog listing in another order: only the flawed catalogs of the self-test use it. */
  NaiveImageCatalog(List<Image> images, Comparator<Image> order) {
    this.order = Objects.requireNonNull(order, "order");
    List<Image> copy = new ArrayList<>(images);
    copy.sort(order);
    this.sorted = List.copyOf(copy);
  }

  /** How many list, listSummaries and find calls this catalog has served. */
  long calls() {
    return calls.get();
  }

  @Override
  public Page<Image> list(ImageFilter filter, PageRequest page) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(page, "page");
    calls.incrementAndGet();
    return page(filter, page);
  }

  @Override
  public Page<ImageSummary> listSummaries(ImageFilter filter, PageRequest page) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(page, "page");
    calls.incrementAndGet();
    Page<Image> details = page(filter, page);
    List<ImageSummary> summaries = details.items().stream().map(Image::toSummary).toList();
    return details.nextMarker().map(m -> Page.of(summaries, m)).orElseGet(() -> Page.last(summaries));
  }

  @Override
  public Optional<Image> find(ImageId id) {
    Objects.requireNonNull(id, "id");
    calls.incrementAndGet();
    // Nova answers 404 for a DELETED image.
    return sorted.stream().filter(i -> i.id().equals(id) && i.status() != ImageStatus.DELETED).findFirst();
  }

  /** The image with this id whatever its status: what a catalog that wrongly finds DELETED images returns. */
  Optional<Image> findAnyStatus(ImageId id) {
    return sorted.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  private Page<Image> page(ImageFilter filter, PageRequest page) {
    Image marker = page.marker().map(m -> markerImage(m, filter)).orElse(null);
    List<Image> items = new ArrayList<>();
    for (Image image : sorted) {
      if (items.size() == page.limit()) {
        break;
      }
      if (marker != null && order.compare(image, marker) <= 0) {
        continue;
      }
      if (filter.matches(image)) {
        items.add(image);
      }
    }
    // The service's rule: a next marker exactly when the page is full.
    return items.size() == page.limit()
        ? Page.of(items, PageMarker.after(items.get(items.size() - 1).id()))
        : Page.last(items);
  }

  /** Glance looks the marker up among all images, hiding deleted ones unless changes-since is given. */
  private Image markerImage(PageMarker marker, ImageFilter filter) {
    return sorted.stream()
        .filter(i -> i.id().value().equals(marker.value()))
        .filter(i -> i.status() != ImageStatus.DELETED || filter.changesSince().isPresent())
        .findFirst()
        .orElseThrow(() -> new ImageCatalogBadRequestException("marker [" + marker.value() + "] not found"));
  }
}
