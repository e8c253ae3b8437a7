package io.github.rackimages.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The walk's fetch with a page ahead, on pages of two whose answers the test hands out itself: what is asked
 * ahead, when, and what is dropped when a hint (the next link, read before the page) turns out wrong.
 */
class PageAheadTest {

  /** A fetch that records what it is asked; {@code now} reports {@code hints} before it answers. */
  private static final class Recording implements PageAhead.Fetch<String> {
    final List<String> asked = new CopyOnWriteArrayList<>();
    final Map<String, CompletableFuture<Page<String>>> ahead = new ConcurrentHashMap<>();
    final Map<String, Consumer<PageRequest>> aheadHints = new ConcurrentHashMap<>();
    final Map<String, String> hints;
    final Map<String, Page<String>> pages;

    Recording(Map<String, Page<String>> pages, Map<String, String> hints) {
      this.pages = pages;
      this.hints = hints;
    }

    @Override
    public Page<String> now(PageRequest request, Consumer<PageRequest> next) {
      String key = key(request);
      asked.add("now " + key);
      String hint = hints.get(key);
      if (hint != null) {
        next.accept(request.next(PageMarker.of(hint)));
      }
      return pages.get(key);
    }

    @Override
    public CompletableFuture<Page<String>> ahead(PageRequest request, Consumer<PageRequest> next) {
      String key = key(request);
      asked.add("ahead " + key);
      CompletableFuture<Page<String>> answer = new CompletableFuture<>();
      ahead.put(key, answer);
      aheadHints.put(key, next);
      return answer;
    }

    static String key(PageRequest request) {
      return request.marker().map(PageMarker::value).orElse("first");
    }
  }

  private static Page<String> full(String... items) {
    return Page.of(List.of(items), PageMarker.after(ImageId.of(items[items.length - 1])));
  }

  @Test
  void aHintAsksForTheNextPageBeforeThisOneIsAnswered() {
    Recording fetch = new Recording(Map.of("first", full("a", "b")), Map.of("first", "b"));
    PageAhead<String> walk = new PageAhead<>(fetch);

    walk.apply(PageRequest.first(2));

    // "ahead b" was asked inside now(), before the page came back; the page's own next marker (b) keeps it.
    assertThat(fetch.asked).containsExactly("now first", "ahead b");
    assertThat(fetch.ahead.get("b")).isNotCancelled();
  }

  @Test
  void aHintThatTheFirstPageContradictsIsDroppedForTheRightRequest() {
    Recording fetch = new Recording(Map.of("first", full("a", "b")), Map.of("first", "zzz"));
    PageAhead<String> walk = new PageAhead<>(fetch);

    walk.apply(PageRequest.first(2));

    assertThat(fetch.asked).containsExactly("now first", "ahead zzz", "ahead b");
    assertThat(fetch.ahead.get("zzz")).isCancelled();
    assertThat(fetch.ahead.get("b")).isNotCancelled();
  }

  @Test
  void aHintOfALastPageIsDropped() {
    Recording fetch = new Recording(Map.of("first", Page.last(List.of("a"))), Map.of("first", "a"));
    PageAhead<String> walk = new PageAhead<>(fetch);

    walk.apply(PageRequest.first(2));

    assertThat(fetch.asked).containsExactly("now first", "ahead a");
    assertThat(fetch.ahead.get("a")).isCancelled();
  }

  @Test
  void aPageAheadHintsOnlyWhileTheWalkWaitsForIt() throws Exception {
    Recording fetch = new Recording(Map.of("first", full("a", "b")), Map.of());
    PageAhead<String> walk = new PageAhead<>(fetch);
    walk.apply(PageRequest.first(2));
    assertThat(fetch.asked).containsExactly("now first", "ahead b");

    // Page b's link is read while the walk still reads page 1: no third page is asked for (two pages at most).
    fetch.aheadHints.get("b").accept(PageRequest.first(2).next(PageMarker.of("d")));
    assertThat(fetch.asked).containsExactly("now first", "ahead b");

    // Once the walk waits for page b, its hint asks for page d at once, before b is answered.
    CompletableFuture<Page<String>> waiting =
        CompletableFuture.supplyAsync(() -> walk.apply(PageRequest.first(2).next(PageMarker.of("b"))));
    while (!walk.waiting()) {
      Thread.onSpinWait();
    }
    fetch.aheadHints.get("b").accept(PageRequest.first(2).next(PageMarker.of("d")));
    assertThat(fetch.asked).containsExactly("now first", "ahead b", "ahead d");

    fetch.ahead.get("b").complete(full("c", "d"));
    assertThat(waiting.get().items()).containsExactly("c", "d");
    assertThat(fetch.asked).as("d's request kept, not sent again").containsExactly("now first", "ahead b", "ahead d");
  }

  @Test
  void cancellingDropsTheRequestAheadAndAsksNoMore() {
    Recording fetch = new Recording(Map.of("first", full("a", "b")), Map.of());
    PageAhead<String> walk = new PageAhead<>(fetch);
    walk.apply(PageRequest.first(2));

    walk.cancel();

    assertThat(fetch.ahead.get("b")).isCancelled();
    fetch.aheadHints.get("b").accept(PageRequest.first(2).next(PageMarker.of("d")));
    assertThat(fetch.asked).containsExactly("now first", "ahead b");
  }
}
