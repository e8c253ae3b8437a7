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
 * Walks a listing page after page for {@link ImageCatalog#stream} and {@link ImageCatalog#pages}: lazily, with a
 * guard against a service that repeats a marker, and with the resume point recorded on any failure.
 *
 * <p>The resume point is always the marker of the request whose page could not be used, so that a new walk
 * from it lists exactly the items not yet delivered. It is written on a copy of the failure made for this walk
 * alone ({@link ImageCatalogException#interruptingWalk}): a failure that several callers share (one sign-in that
 * many threads waited for) is never changed, so no walk can resume from another walk's place. A walk that failed
 * is finished: it delivers nothing more and makes no further call, even if its consumer catches the failure and
 * asks again.
 */
final class PageWalker<T> {

  private static final int CHARACTERISTICS = Spliterator.ORDERED | Spliterator.NONNULL;

  private final Function<PageRequest, Page<T>> fetch;
  private final Set<PageMarker> seen = new HashSet<>();
  private PageRequest nextRequest;

  private PageWalker(PageRequest start, Function<PageRequest, Page<T>> fetch) {
    this.nextRequest = start;
    this.fetch = fetch;
    start.marker().ifPresent(seen::add);
  }

  /** The items of every page, one page held at a time. */
  static <T> Stream<T> items(PageRequest start, Function<PageRequest, Page<T>> fetch) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(fetch, "fetch");
    // The supplier form defers even the spliterator's creation to the terminal operation.
    return StreamSupport.stream(() -> new Items<>(new PageWalker<>(start, fetch)), CHARACTERISTICS, false);
  }

  /** Every page, as fetched. */
  static <T> Stream<Page<T>> pages(PageRequest start, Function<PageRequest, Page<T>> fetch) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(fetch, "fetch");
    return StreamSupport.stream(() -> new Pages<>(new PageWalker<>(start, fetch)), CHARACTERISTICS, false);
  }

  /** The next page, or null when the walk is over. */
  private Page<T> nextPage() {
    PageRequest request = nextRequest;
    if (request == null) {
      return null;
    }
    // Finished unless this page is fetched and checked: a failure below leaves nothing to deliver or fetch.
    nextRequest = null;
    PageMarker resumeMarker = request.marker().orElse(null);
    Page<T> page;
    try {
      page = fetch.apply(request);
    } catch (ImageCatalogException e) {
      // This walk's place, on a copy that is this walk's alone (even when the failure names another walk's
      // place: an adapter that walked on its own to answer one page does not know where this walk stands).
      throw e.interruptingWalk(resumeMarker);
    }
    if (page == null) {
      throw new ImageCatalogProtocolException("the catalog returned no page for " + request)
          .interruptingWalk(resumeMarker);
    }
    if (page.hasNext()) {
      PageMarker marker = page.nextMarker().orElseThrow();
      if (!seen.add(marker)) {
        throw new ImageCatalogProtocolException(
                "the service repeated the marker " + marker.value() + " (a page ended with the same item as an"
                    + " earlier page, or named the same next marker); stopping instead of looping")
            .interruptingWalk(resumeMarker);
      }
      nextRequest = request.next(marker);
    }
    return page;
  }

  private static final class Pages<T> extends Spliterators.AbstractSpliterator<Page<T>> {
    private final PageWalker<T> walker;

    Pages(PageWalker<T> walker) {
      super(Long.MAX_VALUE, CHARACTERISTICS);
      this.walker = walker;
    }

    @Override
    public boolean tryAdvance(Consumer<? super Page<T>> action) {
      Page<T> page = walker.nextPage();
      if (page == null) {
        return false;
      }
      action.accept(page);
      return true;
    }
  }

  private static final class Items<T> extends Spliterators.AbstractSpliterator<T> {
    private final PageWalker<T> walker;
    private Iterator<T> current = Collections.emptyIterator();

    Items(PageWalker<T> walker) {
      super(Long.MAX_VALUE, CHARACTERISTICS);
      this.walker = walker;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
      while (!current.hasNext()) {
        // Let the used-up page go before the next one is read, so that a walk holds one page at a time, not two.
        current = Collections.emptyIterator();
        Page<T> page = walker.nextPage();
        if (page == null) {
          return false;
        }
        current = page.items().iterator();
      }
      action.accept(current.next());
      return true;
    }
  }
}
