package io.github.rackimages.core;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks a listing page after page for {@link ImageCatalog#stream}: lazily, one page in memory, with a guard
 * against a service that repeats a marker, and with the resume point recorded on any failure.
 */
final class PageWalker<T> extends Spliterators.AbstractSpliterator<T> {

  private final Function<PageRequest, Page<T>> fetch;
  private final Set<PageMarker> seen = new HashSet<>();
  private PageRequest nextRequest;
  private Iterator<T> current = java.util.Collections.emptyIterator();

  private PageWalker(PageRequest start, Function<PageRequest, Page<T>> fetch) {
    super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
    this.nextRequest = start;
    this.fetch = fetch;
    start.marker().ifPresent(seen::add);
  }

  static <T> Stream<T> stream(PageRequest start, Function<PageRequest, Page<T>> fetch) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(fetch, "fetch");
    // The supplier form defers even the spliterator's creation to the terminal operation.
    return StreamSupport.stream(
        () -> new PageWalker<>(start, fetch), Spliterator.ORDERED | Spliterator.NONNULL, false);
  }

  @Override
  public boolean tryAdvance(Consumer<? super T> action) {
    while (!current.hasNext()) {
      if (nextRequest == null) {
        return false;
      }
      fetchNext();
    }
    action.accept(current.next());
    return true;
  }

  private void fetchNext() {
    PageRequest request = nextRequest;
    Page<T> page;
    try {
      page = fetch.apply(request);
    } catch (ImageCatalogException e) {
      if (!e.interruptedWalk()) {
        e.markInterruptedWalk(request.marker().orElse(null));
      }
      throw e;
    }
    if (page == null) {
      throw new ImageCatalogProtocolException("the catalog returned no page for " + request)
          .markInterruptedWalk(request.marker().orElse(null));
    }
    current = page.items().iterator();
    nextRequest = null;
    if (page.hasNext()) {
      PageMarker marker = page.nextMarker().orElseThrow();
      if (!seen.add(marker)) {
        throw new ImageCatalogProtocolException(
                "the service repeated the marker " + marker.value() + "; stopping instead of looping")
            .markInterruptedWalk(marker);
      }
      nextRequest = request.next(marker);
    }
  }
}
