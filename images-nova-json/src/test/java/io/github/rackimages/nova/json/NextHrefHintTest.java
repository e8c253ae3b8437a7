package io.github.rackimages.nova.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The next link read from a list body's tail, before its images: found where Nova writes it, and only when its
 * marker is an image id of the body; never guessed.
 */
class NextHrefHintTest {

  private static final String NEXT = "http://h/v2/1/images/detail?limit=2&marker=b";
  private static final String IMAGES = "\"images\": [{\"id\": \"a\", \"created\": \"2015-03-10T18:35:18Z\"},"
      + " {\"id\": \"b\", \"created\": \"2015-03-10T18:35:18Z\"}]";

  @Test
  void theNextLinkAtTheEndIsHandedOverBeforeTheListIsRead() {
    String body = "{" + IMAGES + ", \"images_links\": [{\"rel\": \"self\", \"href\": \"x\"},"
        + " {\"href\": \"" + NEXT + "\", \"rel\": \"next\"}]}";
    List<String> hints = new ArrayList<>();

    WireList<?> list = new NovaJson().readDetailList(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), hints::add);

    assertThat(hints).containsExactly(NEXT);
    assertThat(list.items()).hasSize(2);
    assertThat(ImageListReader.nextHrefHint(body, ReadLimits.defaults())).isEqualTo(NEXT);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    // Links first: the tail is not the links.
    "{\"images_links\": [{\"rel\": \"next\", \"href\": \"h\"}], " + IMAGES + "}",
    // No next link, no links at all, links cut short.
    "{" + IMAGES + ", \"images_links\": [{\"rel\": \"self\", \"href\": \"h\"}]}",
    "{" + IMAGES + "}",
    "{" + IMAGES + ", \"images_links\": [{\"rel\": \"next\", \"href\": \"h\"}",
    // The key's text as a value at the end.
    "{" + IMAGES + ", \"note\": \"images_links\"}",
    // A marker that is no image's id in the body (a server naming fresh markers).
    "{" + IMAGES + ", \"images_links\": [{\"rel\": \"next\", \"href\": \"http://h/x?limit=2&marker=fresh1\"}]}",
    // A link without a marker.
    "{" + IMAGES + ", \"images_links\": [{\"rel\": \"next\", \"href\": \"http://h/x?limit=2\"}]}"
  })
  void noHintUnlessTheTailIsTheNextLink(String body) {
    assertThat(ImageListReader.nextHrefHint(body, ReadLimits.defaults())).isNull();
  }
}
