package io.github.rackimages.http.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NextMarkersTest {

  private static final URI DETAIL = URI.create("https://dfw.servers.api.rackspacecloud.com/v2/820712/images/detail");

  @Test
  void aLinkToTheSameCollectionGivesItsDecodedMarker() {
    assertThat(
            NextMarkers.trustedMarker(
                "https://DFW.servers.api.rackspacecloud.com:443/v2/820712/images/detail?limit=2&marker=a%2Db&type=snapshot",
                DETAIL))
        .contains(PageMarker.of("a-b"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://dfw.servers.api.rackspacecloud.com/v2/820712/images/detail?limit=2&marker=m",
        "https://dfw.servers.api.rackspacecloud.com/v2/820712/images?limit=2&marker=m",
        "https://evil.example/v2/820712/images/detail?limit=2&marker=m",
        "https://dfw.servers.api.rackspacecloud.com:8443/v2/820712/images/detail?limit=2&marker=m",
        "https://dfw.servers.api.rackspacecloud.com/v2/820712/images/detail?name=a b&limit=2&marker=m",
        "/v2/820712/images/detail?limit=2&marker=m",
        "https://dfw.servers.api.rackspacecloud.com/v2/820712/images/detail?limit=2&marker=",
        "https://dfw.servers.api.rackspacecloud.com/v2/820712/images/detail?limit=2&marker",
        "https://dfw.servers.api.rackspacecloud.com/v2/820712/images/detail?limit=2&marker=m#frag",
        "https://dfw.servers.api.rackspacecloud.com/v2/820712/images/detail",
        "mailto:someone@example.com"
      })
  void anyOtherLinkIsNotTrusted(String href) {
    assertThat(NextMarkers.trustedMarker(href, DETAIL)).isEmpty();
  }

  @Test
  void aFullPageWithoutATrustedLinkUsesTheLastId() {
    Page<String> page = NextMarkers.page(List.of("x", "y"), 2, "http://plain/v2/1/images/detail?marker=q", DETAIL, ImageId::of);

    assertThat(page.nextMarker()).contains(PageMarker.of("y"));
  }

  @Test
  void aShortOrEmptyPageHasNoNextMarker() {
    assertThat(NextMarkers.page(List.of("x"), 2, DETAIL + "?marker=x", DETAIL, ImageId::of).hasNext()).isFalse();
    assertThat(NextMarkers.page(List.<String>of(), 1, null, DETAIL, ImageId::of).hasNext()).isFalse();
  }

  @Test
  void aPageLongerThanTheLimitCountsAsFull() {
    assertThat(NextMarkers.page(List.of("x", "y", "z"), 2, null, DETAIL, ImageId::of).nextMarker())
        .contains(PageMarker.of("z"));
  }
}
