package io.github.rackimages.nova.json;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One list response as it came over the wire: the items, and the {@code href} of the {@code rel: next} link of
 * {@code images_links} exactly as sent (it may be relative, unencoded, or point at another host: the caller
 * decides what to trust).
 *
 * @param <T> {@code Image} or {@code ImageSummary}
 */
public final class WireList<T> {

  private final List<T> items;
  private final String nextHref;

  WireList(List<T> items, String nextHref) {
    this.items = List.copyOf(Objects.requireNonNull(items, "items"));
    this.nextHref = nextHref;
  }

  public List<T> items() {
    return items;
  }

  /** The {@code href} of the {@code next} link, when the service sent one. */
  public Optional<String> nextHref() {
    return Optional.ofNullable(nextHref);
  }
}
