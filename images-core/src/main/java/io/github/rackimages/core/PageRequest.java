package io.github.rackimages.core;

import java.util.Objects;
import java.util.Optional;

/**
 * Which page to fetch: a page size ({@code limit}, 1 to {@value #MAX_LIMIT}) and an optional
 * {@link PageMarker} to start strictly after.
 *
 * <pre>{@code
 * PageRequest first = PageRequest.first(100);
 * PageRequest next = first.next(page.nextMarker().orElseThrow());
 * }</pre>
 *
 * @since 1.0
 */
public final class PageRequest {

  /** The service's largest page, and the default page size. */
  public static final int MAX_LIMIT = 1000;

  private static final PageRequest FIRST = new PageRequest(MAX_LIMIT, null);

  private final int limit;
  private final PageMarker marker;

  private PageRequest(int limit, PageMarker marker) {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ": " + limit);
    }
    this.limit = limit;
    this.marker = marker;
  }

  /** The first page, of the largest size ({@value #MAX_LIMIT}). */
  public static PageRequest first() {
    return FIRST;
  }

  /**
   * The first page, of this size.
   *
   * @throws IllegalArgumentException if {@code limit} is not within 1..{@value #MAX_LIMIT}
   */
  public static PageRequest first(int limit) {
    return new PageRequest(limit, null);
  }

  /**
   * The page of this size that starts strictly after {@code marker}.
   *
   * @throws IllegalArgumentException if {@code limit} is not within 1..{@value #MAX_LIMIT}
   * @throws NullPointerException if {@code marker} is null
   */
  public static PageRequest after(PageMarker marker, int limit) {
    return new PageRequest(limit, Objects.requireNonNull(marker, "marker"));
  }

  /** The page of the same size that starts after {@code marker}. */
  public PageRequest next(PageMarker marker) {
    return after(marker, limit);
  }

  /**
   * This request with another page size.
   *
   * @throws IllegalArgumentException if {@code limit} is not within 1..{@value #MAX_LIMIT}
   */
  public PageRequest withLimit(int limit) {
    return new PageRequest(limit, marker);
  }

  /** The page size, 1..{@value #MAX_LIMIT}. */
  public int limit() {
    return limit;
  }

  /** Where the page starts; empty for the first page. */
  public Optional<PageMarker> marker() {
    return Optional.ofNullable(marker);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PageRequest other && limit == other.limit && Objects.equals(marker, other.marker);
  }

  @Override
  public int hashCode() {
    return Objects.hash(limit, marker);
  }

  @Override
  public String toString() {
    return "PageRequest[limit=" + limit + (marker == null ? "" : ", marker=" + marker) + "]";
  }
}
