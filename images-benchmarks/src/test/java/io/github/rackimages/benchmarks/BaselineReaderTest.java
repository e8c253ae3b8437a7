package io.github.rackimages.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.nova.json.NovaJson;
import io.github.rackimages.nova.json.WireList;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineReaderTest {

  private static final String NEXT = "http://127.0.0.1:1/v2/123456/images/detail?limit=50&marker=";

  @Test
  void seesTheSameImagesAndNextLinkAsTheLibrary() {
    List<Image> images = ServiceImages.listed(50);
    byte[] page = render(images, NEXT + images.get(49).id().value());

    BaselineReader.Result baseline = new BaselineReader().read(new ByteArrayInputStream(page));
    WireList<Image> library;
    try (NovaJson json = new NovaJson()) {
      library = json.readDetailList(new ByteArrayInputStream(page));
    }

    assertThat(baseline.images()).isEqualTo(library.items().size()).isEqualTo(50);
    assertThat(baseline.lastId()).isEqualTo(library.items().get(49).id().value());
    assertThat(baseline.next()).isEqualTo(library.nextHref()).contains(NEXT + images.get(49).id().value());
  }

  @Test
  void readsEveryValueIntoItsChecksum() {
    byte[] one = render(List.of(SyntheticCatalog.image(1)), null);
    byte[] longerName =
        new String(one, StandardCharsets.UTF_8)
            .replace("synthetic-1", "synthetic-1-renamed")
            .getBytes(StandardCharsets.UTF_8);

    BaselineReader reader = new BaselineReader();
    BaselineReader.Result original = reader.read(new ByteArrayInputStream(one));
    BaselineReader.Result renamed = reader.read(new ByteArrayInputStream(longerName));

    assertThat(renamed.checksum() - original.checksum()).isEqualTo("-renamed".length());
    assertThat(original.next()).isEmpty();
  }

  @Test
  void takesOnlyTheNextRelationAsTheNextLink() {
    String body =
        "{\"images\": [], \"images_links\": [{\"rel\": \"previous\", \"href\": \"p\"}, {\"href\": \"n\", \"rel\": \"next\"}]}";

    BaselineReader.Result result = new BaselineReader().read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));

    assertThat(result.images()).isZero();
    assertThat(result.next()).contains("n");
  }

  @Test
  void aServicePageOfAThousandImagesIsShapedAndSizedLikeTheService() {
    List<Image> images = ServiceImages.listed(1000);
    byte[] page = render(images, NEXT + "x");

    // The issue asks for pages like the service's: about 2 MB, 20+ metadata keys, 3 links, snapshots with server.
    assertThat(page.length).isBetween(1_500_000, 2_500_000);
    assertThat(images).allSatisfy(image -> assertThat(image.links()).hasSize(3));
    assertThat(images.stream().filter(image -> image.server().isPresent()).count()).isGreaterThan(800);
    assertThat(images.stream().mapToInt(image -> image.metadata().size()).average().orElseThrow())
        .isGreaterThanOrEqualTo(20);
  }

  private static byte[] render(List<Image> images, String next) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (NovaJson json = new NovaJson()) {
      json.writeDetailList(images, next, out);
    }
    return out.toByteArray();
  }
}
