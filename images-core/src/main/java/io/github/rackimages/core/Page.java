package io.github.rackimages.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One page of a listing: its items, in the service's order, and the marker of the next page when there may be
 * one. A plain value: it holds no connection and fetches nothing.
 *
 * <p>The service's rule, which every adapter follows: the next marker is present exactly when the page is full
 * (as many items as the request's limit). So a listing of exactly N * limit images ends with an empty page, and
 * a page with fewer items than the limit is the last.
 *
 * @param <T> {@link Image} or {@link ImageSummary}
 * @since 1.0
 */
public final class Page<T> {

  private final List<T> items;
  private final PageMarker nextMarker;

  private Page(List<T> items, PageMarker nextMarker) {
    this.items = List.copyOf(Objects.requireNonNull(items, "items"));
    this.nextMarker = nextMarker;
  }

  /**
   * A page that may be followed by another, starting after {@code nextMarker}.
   *
   * @throws NullPointerException if an argument or an item is null
   */
  public static <T> Page<T> of(List<T> items, PageMarker nextMarker) {
    return new Page<>(items, Objects.requireNonNull(nextMarker, "nextMarker"));
  }

  /**
   * The last page of a listing.
   *
   * @throws NullPointerException if {@code items} or an item is null
   */
  public static <T> Page<T> last(List<T> items) {
    return new Page<>(items, null);
  }

  /**
   * A page cut by the service's paging rule: {@code items} are what {@code request} found (at most its limit, in
   * the service's order), and the next marker, the marker of the last item, is present exactly when the page is
   * full. Adapters that page on their own (the in-memory one, an emulator) build their pages with it.
   *
   * <pre>{@code
   * Page<Image> page = Page.byServiceRule(found, request, image -> PageMarker.after(image.id()));
   * }</pre>
   *
   * @param markerOf the marker that resumes a listing right after an item
   * @throws IllegalArgumentException if there are more items than the request's limit
   * @throws NullPointerException if an argument or an item is null, or {@code markerOf} gives null
   * @since 1.0
   */
  public static <T> Page<T> byServiceRule(
      List<T> items, PageRequest request, Function<? super T, PageMarker> markerOf) {
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(markerOf, "markerOf");
    if (items.size() > request.limit()) {
      throw new IllegalArgumentException(
          "a page of limit " + request.limit() + " cannot hold " + items.size() + " items");
    }
    if (items.size() < request.limit()) {
      return last(items);
    }
    return of(items, markerOf.apply(items.get(items.size() - 1)));
  }

  /** An empty last page. */
  public static <T> Page<T> empty() {
    return new Page<>(List.of(), null);
  }

  /** The items, in the service's order; unmodifiable, possibly empty (even when a next page exists). */
  public List<T> items() {
    return items;
  }

  /** Where the next page starts; empty on the last page. */
  public Optional<PageMarker> nextMarker() {
    return Optional.ofNullable(nextMarker);
  }

  /** Whether a next page may follow; it may be empty (see the class comment). */
  public boolean hasNext() {
    return nextMarker != null;
  }

  /** The number of items on this page. */
  public int size() {
    return items.size();
  }

  /** Whether this page has no item. */
  public boolean isEmpty() {
    return items.isEmpty();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Page<?> other && items.equals(other.items) && Objects.equals(nextMarker, other.nextMarker);
  }

  @Override
  public int hashCode() {
    return Objects.hash(items, nextMarker);
  }

  @Override
  public String toString() {
    return "Page[" + items.size() + " items" + (nextMarker == null ? ", last" : ", next=" + nextMarker) + "]";
  }
}
