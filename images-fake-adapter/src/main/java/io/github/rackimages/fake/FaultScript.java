package io.github.rackimages.fake;

import io.github.rackimages.core.ImageCatalogException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The calls an {@link InMemoryImageCatalog} received and the faults scripted for the next ones: a count, and a
 * queue of (how many calls, which failure) consumed one call at a time. Thread-safe; a call with no fault pending
 * reads one volatile field and takes no lock. The contracts are documented on the catalog's methods of the same
 * names.
 */
final class FaultScript {

  private final AtomicLong calls = new AtomicLong();
  private final Object lock = new Object();
  private final ArrayDeque<PendingFault> faults = new ArrayDeque<>(); // guarded by lock
  private volatile boolean faultsPending;

  /** Counts one call received. */
  void countCall() {
    calls.incrementAndGet();
  }

  long callCount() {
    return calls.get();
  }

  long resetCallCount() {
    return calls.getAndSet(0);
  }

  void failNext(int calls, Supplier<? extends ImageCatalogException> failure) {
    Objects.requireNonNull(failure, "failure");
    if (calls < 1) {
      throw new IllegalArgumentException("calls must be at least 1: " + calls);
    }
    synchronized (lock) {
      faults.add(new PendingFault(calls, failure));
      faultsPending = true;
    }
  }

  void clear() {
    synchronized (lock) {
      faults.clear();
      faultsPending = false;
    }
  }

  int pendingFaults() {
    synchronized (lock) {
      int n = 0;
      for (PendingFault f : faults) {
        n += f.remaining;
      }
      return n;
    }
  }

  /**
   * Consumes the next scripted fault, if any, and throws it.
   *
   * @throws ImageCatalogException the scripted fault
   * @throws NullPointerException if the fault's supplier returned null
   */
  void throwNextFault() {
    if (!faultsPending) {
      return;
    }
    Supplier<? extends ImageCatalogException> failure;
    synchronized (lock) {
      PendingFault next = faults.peek();
      if (next == null) {
        return;
      }
      failure = next.failure;
      if (--next.remaining == 0) {
        faults.remove();
        faultsPending = !faults.isEmpty();
      }
    }
    // The supplier is user code: call it outside the lock.
    ImageCatalogException e = failure.get();
    throw Objects.requireNonNull(e, "the fault supplier returned null");
  }

  private static final class PendingFault {
    private final Supplier<? extends ImageCatalogException> failure;
    private int remaining; // guarded by FaultScript.lock

    PendingFault(int remaining, Supplier<? extends ImageCatalogException> failure) {
      this.remaining = remaining;
      this.failure = failure;
    }
  }
}
