package io.github.rackimages.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class NextMarkersTest {

  @Test
  void aFullPageEndsWithTheLastIdAsItsMarker() {
    Page<String> page = NextMarkers.page(List.of("x", "y"), 2, ImageId::of);

    assertThat(page.nextMarker()).contains(PageMarker.of("y"));
  }

  @Test
  void aShortOrEmptyPageHasNoNextMarker() {
    assertThat(NextMarkers.page(List.of("x"), 2, ImageId::of).hasNext()).isFalse();
    assertThat(NextMarkers.page(List.<String>of(), 1, ImageId::of).hasNext()).isFalse();
  }

  @Test
  void aPageLongerThanTheLimitCountsAsFull() {
    assertThat(NextMarkers.page(List.of("x", "y", "z"), 2, ImageId::of).nextMarker())
        .contains(PageMarker.of("z"));
  }

  @Test
  void aHintIsTakenOnlyFromALinkToTheCollectionRequested() {
    URI collection = URI.create("http://127.0.0.1:8774/v2/123456/images/detail");
    PageRequest first = PageRequest.first(2);
    List<PageRequest> asked = new ArrayList<>();
    Consumer<String> hint = NextMarkers.hint(first, collection, asked::add);

    hint.accept("http://127.0.0.1:8774/v2/123456/images/detail?limit=2&marker=b%2D1");
    assertThat(asked).containsExactly(first.next(PageMarker.of("b-1")));

    asked.clear();
    for (String elsewhere : List.of(
        "http://evil.example:8774/v2/123456/images/detail?limit=2&marker=b",
        "http://127.0.0.1:9999/v2/123456/images/detail?limit=2&marker=b",
        "https://127.0.0.1:8774/v2/123456/images/detail?limit=2&marker=b",
        "http://127.0.0.1:8774/v2/999/images/detail?limit=2&marker=b",
        "http://127.0.0.1:8774/v2/123456/images/detail?limit=2",
        "not a link at all")) {
      hint.accept(elsewhere);
    }
    assertThat(asked).isEmpty();
  }
}
