package io.github.rackimages.http;

import io.github.rackimages.http.internal.Sleeper;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/** Records every wait the catalog asks for and returns at once, moving the test clock instead of sleeping. */
final class RecordingSleeper implements Sleeper {

  private final TestClock clock;
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  RecordingSleeper(TestClock clock) {
    this.clock = clock;
  }

  List<Duration> waits() {
    return List.copyOf(waits);
  }

  @Override
  public void sleep(Duration wait) {
    waits.add(wait);
    clock.advance(wait);
  }

  @Override
  public CompletableFuture<Void> delay(Duration wait, Executor executor) {
    sleep(wait);
    return CompletableFuture.runAsync(() -> {}, executor);
  }
}
