package io.github.rackimages.fake;

import io.github.rackimages.core.ImageCatalogException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The calls an {@link InMemoryImageCatalog} received and the faults scripted for the next ones: a count, and a
 * queue of (how many calls, which fault) consumed one call at a time. Thread-safe; a call with no fault pending
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

  void failNext(int calls, Fault<?> fault) {
    Objects.requireNonNull(fault, "fault");
    if (calls < 1) {
      throw new IllegalArgumentException("calls must be at least 1: " + calls);
    }
    synchronized (lock) {
      faults.add(new PendingFault(calls, fault));
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
   * @throws ImageCatalogException the scripted fault's fresh exception
   * @throws NullPointerException if the fault's supplier returned null
   * @throws IllegalStateException if the fault's supplier returned the same exception twice in a row
   */
  void throwNextFault() {
    if (!faultsPending) {
      return;
    }
    Fault<?> fault;
    synchronized (lock) {
      PendingFault next = faults.peek();
      if (next == null) {
        return;
      }
      fault = next.fault;
      if (--next.remaining == 0) {
        faults.remove();
        faultsPending = !faults.isEmpty();
      }
    }
    // The fault's supplier may be user code: call it outside the lock.
    throw fault.get();
  }

  private static final class PendingFault {
    private final Fault<?> fault;
    private int remaining; // guarded by FaultScript.lock

    PendingFault(int remaining, Fault<?> fault) {
      this.remaining = remaining;
      this.fault = fault;
    }
  }
}
