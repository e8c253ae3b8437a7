package io.github.rackimages.fake;

import io.github.rackimages.core.ImageCatalogException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * What an {@link InMemoryImageCatalog} throws when a scripted call fails: a recipe for an exception, not an
 * exception. Each failing call gets a fresh exception from {@link #get()}, so no two calls (or threads) ever share
 * one exception object, its stack trace or its suppressed exceptions.
 *
 * <pre>{@code
 * catalog.failNext(Faults.transport());                              // the next call: a connection reset
 * catalog.failNext(3, Faults.throttled(Duration.ofSeconds(30)));     // then three calls: 413 overLimit
 * catalog.failNext(Faults.of(() -> new ImageCatalogException("x"))); // then one of your own
 * }</pre>
 *
 * <p>Get one from {@link Faults}. A fault is immutable and thread-safe, and one fault may be scripted any number of
 * times, on any number of catalogs.
 *
 * @param <E> the type of exception it throws
 * @since 1.0
 */
public final class Fault<E extends ImageCatalogException> implements Supplier<E> {

  private final String description;
  private final Supplier<? extends E> newException;
  // Only to catch a supplier that hands out one exception again and again; see get().
  private final AtomicReference<ImageCatalogException> last = new AtomicReference<>();

  Fault(String description, Supplier<? extends E> newException) {
    this.description = Objects.requireNonNull(description, "description");
    this.newException = Objects.requireNonNull(newException, "newException");
  }

  /**
   * A fresh exception, as the next failing call will throw it; to look at what a fault throws.
   *
   * @throws NullPointerException if the fault's supplier returned null
   * @throws IllegalStateException if the fault's supplier returned the exception it returned last time:
   *     exceptions must not be shared between calls
   */
  @Override
  public E get() {
    E e = Objects.requireNonNull(newException.get(), "the fault supplier returned null");
    if (last.getAndSet(e) == e) {
      throw new IllegalStateException(
          "the fault supplier returned the same exception twice; make a new one on each call: " + e);
    }
    return e;
  }

  /** What it throws, for example {@code Fault[413 overLimit, retry after 30 s]}. */
  @Override
  public String toString() {
    return "Fault[" + description + "]";
  }
}
