package io.github.rackimages.nova.json;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.AttributeValue;
import io.github.rackimages.core.Image;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Documents shaped like what real services and Nova's own samples published over the years (sources in
 * {@code src/test/resources/nova/README.md}): each is read, checked, written back and read again equal.
 */
class RealDocumentsTest {

  private static final NovaJson JSON = new NovaJson();

  @AfterAll
  static void close() {
    JSON.close();
  }

  private static InputStream resource(String name) {
    InputStream in = RealDocumentsTest.class.getResourceAsStream("/nova/" + name);
    assertThat(in).as(name).isNotNull();
    return in;
  }

  private static List<Image> list(String name) throws IOException {
    try (InputStream in = resource(name)) {
      return JSON.readDetailList(in).items();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "images-detail-tolerant.json",
      "nova-2013.1-images-details-string-size.json",
      "rackspace-2012-images-detail-no-size.json"})
  void everyListReadsBackEqualAfterItIsWritten(String name) throws IOException {
    List<Image> images = list(name);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.writeDetailList(images, null, out);

    assertThat(JSON.readDetailList(new ByteArrayInputStream(out.toByteArray())).items()).isEqualTo(images);
  }

  @Test
  void novaSamplesWithStringSizesAreRead() throws IOException {
    List<Image> images = list("nova-2013.1-images-details-string-size.json");

    assertThat(images).extracting(i -> i.size().getAsLong()).containsExactly(25_165_824L, 58_145_823L);
    assertThat(images.get(1).diskConfig()).isEmpty();
    assertThat(images.get(1).metadata().get("ramdisk_id")).contains(AttributeValue.structured("null"));
    assertThat(images.get(0).reportedMinDisk()).hasValue(0);
  }

  @Test
  void listingsFromBeforeTheSizeExtensionHaveNoSizeRatherThanAnUnknownOne() throws IOException {
    List<Image> images = list("rackspace-2012-images-detail-no-size.json");

    assertThat(images).allSatisfy(i -> assertThat(i.sizeReported()).isFalse());
    assertThat(images).extracting(Image::minDisk).containsExactly(10, 0);
    assertThat(images.get(1).reportedMinDisk()).hasValue(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.writeDetailList(images, null, out);
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("OS-EXT-IMG-SIZE:size");
  }

  @Test
  void aSnapshotKeepsItsServersName() throws IOException {
    Image image;
    try (InputStream in = resource("nova-image-get-snapshot-server-name.json")) {
      image = JSON.readImage(in);
    }
    assertThat(image.size()).hasValue(74_185_822L);
    assertThat(image.server()).get().satisfies(s -> assertThat(s.name()).contains("web01"));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.writeImage(image, out);
    assertThat(JSON.readImage(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(image);
  }

  @ParameterizedTest
  @ValueSource(strings = {"nova-2014.1-ratelimit-fault.json", "rackspace-overlimit-fault.json"})
  void faultsKeepTheirDetailsAndWriteThemBack(String name) throws IOException {
    Fault fault;
    try (InputStream in = resource(name)) {
      fault = JSON.readFault(in);
    }
    assertThat(fault.name()).isEqualTo("overLimit");
    assertThat(fault.details()).isPresent();
    assertThat(fault.retryAfter()).isPresent();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.writeFault(fault, out);
    Fault back = JSON.readFault(new ByteArrayInputStream(out.toByteArray()));
    assertThat(back.details()).isEqualTo(fault.details());
    assertThat(back.code()).isEqualTo(fault.code());
    assertThat(back.message()).isEqualTo(fault.message());
  }
}
