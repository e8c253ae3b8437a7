package io.github.rackimages.core;

import java.util.Collections;
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
 *
 * <p>The resume point is always the marker of the request whose page could not be used, so that a new walk
 * from it lists exactly the items not yet delivered. A walk that failed is finished: it delivers nothing more
 * and makes no further call, even if its consumer catches the failure and asks again.
 */
final class PageWalker<T> extends Spliterators.AbstractSpliterator<T> {

  private final Function<PageRequest, Page<T>> fetch;
  private final Set<PageMarker> seen = new HashSet<>();
  private PageRequest nextRequest;
  private Iterator<T> current = Collections.emptyIterator();

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
    // Finished unless this page is fetched and checked: a failure below leaves nothing to deliver or fetch.
    nextRequest = null;
    // Let the used-up page go before the next one is read, so that a walk holds one page at a time, not two.
    current = Collections.emptyIterator();
    PageMarker resumeMarker = request.marker().orElse(null);
    Page<T> page;
    try {
      page = fetch.apply(request);
    } catch (ImageCatalogException e) {
      if (!e.interruptedWalk()) {
        e.markInterruptedWalk(resumeMarker);
      }
      throw e;
    }
    if (page == null) {
      throw new ImageCatalogProtocolException("the catalog returned no page for " + request)
          .markInterruptedWalk(resumeMarker);
    }
    PageRequest following = null;
    if (page.hasNext()) {
      PageMarker marker = page.nextMarker().orElseThrow();
      if (!seen.add(marker)) {
        throw new ImageCatalogProtocolException(
                "the service repeated the marker " + marker.value() + "; stopping instead of looping")
            .markInterruptedWalk(resumeMarker);
      }
      following = request.next(marker);
    }
    current = page.items().iterator();
    nextRequest = following;
  }
}
