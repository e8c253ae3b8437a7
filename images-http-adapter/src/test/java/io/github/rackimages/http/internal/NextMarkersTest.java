package io.github.rackimages.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import java.util.List;
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
}
