package io.github.rackimages.nova.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.AttributeValue;
import io.github.rackimages.core.DiskConfig;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.ImageType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NovaJsonTest {

  private static final NovaJson JSON = new NovaJson();

  @AfterAll
  static void close() {
    JSON.close();
  }

  private static InputStream resource(String name) {
    InputStream in = NovaJsonTest.class.getResourceAsStream("/nova/" + name);
    assertThat(in).as(name).isNotNull();
    return in;
  }

  private static InputStream bytes(String json) {
    return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsATolerantDetailListWithoutLosingAnything() throws IOException {
    WireList<Image> list;
    try (InputStream in = resource("images-detail-tolerant.json")) {
      list = JSON.readDetailList(in);
    }
    assertThat(list.nextHref()).contains(
        "https://dfw.servers.api.rackspacecloud.com/v2/123456/images/detail?limit=2&marker=bbbbbbbb-0000-4000-8000-000000000002");
    assertThat(list.items()).hasSize(2);

    Image snapshot = list.items().get(0);
    assertThat(snapshot.name()).isEmpty();
    assertThat(snapshot.updated()).isEmpty();
    assertThat(snapshot.size()).hasValue(1_017_415_075L);
    assertThat(snapshot.diskConfig()).contains(DiskConfig.MANUAL);
    assertThat(snapshot.type()).contains(ImageType.SNAPSHOT);
    assertThat(snapshot.server()).get().satisfies(s -> {
      assertThat(s.id().value()).isEqualTo("cccccccc-0000-4000-8000-000000000009");
      assertThat(s.links()).extracting(l -> l.rel()).containsExactly("self", "bookmark");
    });
    assertThat(snapshot.links()).extracting(l -> l.rel()).containsExactly("self", "bookmark", "alternate");
    assertThat(snapshot.links().get(2).type()).contains("application/vnd.openstack.image");
    assertThat(snapshot.metadata().get("block_device_mapping"))
        .contains(AttributeValue.structured("[{\"device_name\":\"/dev/vda\",\"boot_index\":0}]"));
    assertThat(snapshot.metadata().getString("cache_in_nova")).contains("true");
    assertThat(snapshot.metadata().get("weight")).contains(AttributeValue.structured("3"));
    assertThat(snapshot.otherFields()).containsEntry(
        "x-unknown-extension", AttributeValue.structured("{\"nested\":[1,2,3]}"));

    Image odd = list.items().get(1);
    assertThat(odd.name()).contains("Scientific Linux 6 (PVHVM) & friends #1");
    assertThat(odd.status()).isEqualTo(ImageStatus.UNRECOGNIZED);
    assertThat(odd.rawStatus()).isEqualTo("SHELVED_SOMEHOW");
    assertThat(odd.created()).isEqualTo(Instant.parse("2012-09-14T20:11:57.585Z"));
    assertThat(odd.updated()).contains(Instant.parse("2015-03-06T21:01:00Z"));
    assertThat(odd.minDisk()).isEqualTo(20);
    assertThat(odd.size()).isEmpty();
    assertThat(odd.diskConfig()).isEmpty();
  }

  @Test
  void writtenDetailListReadsBackEqual() throws IOException {
    List<Image> images;
    try (InputStream in = resource("images-detail-tolerant.json")) {
      images = JSON.readDetailList(in).items();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.writeDetailList(images, "https://example.test/v2/1/images/detail?marker=x", out);
    WireList<Image> back = JSON.readDetailList(new ByteArrayInputStream(out.toByteArray()));
    assertThat(back.items()).isEqualTo(images);
    assertThat(back.nextHref()).contains("https://example.test/v2/1/images/detail?marker=x");
  }

  @Test
  void absentNumbersStayAbsentAndZerosStayZero() {
    String body = "{\"images\": ["
        + "{\"id\": \"absent\", \"created\": \"2015-03-10T18:35:18Z\"},"
        + "{\"id\": \"zero\", \"created\": \"2015-03-10T18:35:18Z\", \"progress\": 0, \"minDisk\": 0,"
        + " \"minRam\": 0, \"OS-EXT-IMG-SIZE:size\": 0},"
        + "{\"id\": \"unknown\", \"created\": \"2015-03-10T18:35:18Z\", \"OS-EXT-IMG-SIZE:size\": null}]}";
    List<Image> images = JSON.readDetailList(bytes(body)).items();

    Image absent = images.get(0);
    assertThat(absent.reportedProgress()).isEmpty();
    assertThat(absent.reportedMinDisk()).isEmpty();
    assertThat(absent.reportedMinRam()).isEmpty();
    assertThat(absent.sizeReported()).isFalse();
    Image zero = images.get(1);
    assertThat(zero.reportedProgress()).hasValue(0);
    assertThat(zero.reportedMinDisk()).hasValue(0);
    assertThat(zero.reportedMinRam()).hasValue(0);
    assertThat(zero.size()).hasValue(0L);
    Image unknown = images.get(2);
    assertThat(unknown.sizeReported()).isTrue();
    assertThat(unknown.size()).isEmpty();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.writeDetailList(images, null, out);
    String written = out.toString(StandardCharsets.UTF_8);
    assertThat(JSON.readDetailList(new ByteArrayInputStream(out.toByteArray())).items()).isEqualTo(images);
    String firstImage = written.substring(0, written.indexOf("\"zero\""));
    assertThat(firstImage).doesNotContain("progress", "minDisk", "minRam", "OS-EXT-IMG-SIZE:size");
    assertThat(written).contains("\"OS-EXT-IMG-SIZE:size\":null");
  }

  @Test
  void aServerKeepsEveryKeyAndWritesThemBack() {
    String body = "{\"image\": {\"id\": \"a\", \"created\": \"2015-03-10T18:35:18Z\", \"server\": {\"id\": \"s1\","
        + " \"name\": \"web01\", \"links\": [], \"x-ext\": {\"n\": [1]}}}}";
    Image image = JSON.readImage(bytes(body));

    assertThat(image.server()).get().satisfies(s -> {
      assertThat(s.name()).contains("web01");
      assertThat(s.otherFields()).containsExactly(
          java.util.Map.entry("name", AttributeValue.text("web01")),
          java.util.Map.entry("x-ext", AttributeValue.structured("{\"n\":[1]}")));
    });
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.writeImage(image, out);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"name\":\"web01\"");
    assertThat(JSON.readImage(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(image);
  }

  @Test
  void summaryListKeepsIdNameAndLinks() {
    WireList<ImageSummary> list = JSON.readSummaryList(bytes(
        "{\"images\":[{\"id\":\"a\",\"name\":\"A\",\"links\":[{\"rel\":\"self\",\"href\":\"https://h/v2/1/images/a\"}]},"
            + "{\"id\":\"b\",\"name\":null,\"links\":[],\"extra\":1}]}"));
    assertThat(list.items()).extracting(s -> s.id().value()).containsExactly("a", "b");
    assertThat(list.items().get(1).name()).isEmpty();
    assertThat(list.nextHref()).isEmpty();
  }

  @Test
  void faultCodesWrittenAsStringsAreNumbers() {
    assertThat(JSON.readFault(bytes("{\"overLimit\": {\"code\": \"413\", \"message\": \"m\"}}")).code())
        .hasValue(413);
    assertThatThrownBy(() -> JSON.readFault(bytes("{\"overLimit\": {\"code\": \"four\"}}")))
        .isInstanceOf(WireFormatException.class)
        .hasMessage("$.overLimit.code: expected a number, found a string that is not one");
  }

  @Test
  void theDetailsOfAFaultAreKeptEvenWhenTheyAreNotText() {
    assertThat(JSON.readFault(bytes("{\"overLimit\": {\"details\": \"Only 10 GET request(s)\"}}")).details())
        .contains("Only 10 GET request(s)");
    assertThat(JSON.readFault(bytes("{\"badRequest\": {\"details\": {\"field\": [\"limit\"]}}}")).details())
        .contains("{\"field\":[\"limit\"]}");
  }

  @Test
  void readsAFaultBodyInAnyKeyOrder() {
    Fault fault = JSON.readFault(bytes(
        "{\"overLimit\": {\"message\": \"OverLimit Retry...\", \"code\": 413, \"retryAfter\": \"2015-12-02T05:00:28Z\"}}"));
    assertThat(fault.name()).isEqualTo("overLimit");
    assertThat(fault.code()).hasValue(413);
    assertThat(fault.message()).contains("OverLimit Retry...");
    assertThat(fault.retryAfter()).contains("2015-12-02T05:00:28Z");
  }

  @Test
  void imageBodyRoundTrips() {
    Image image = JSON.readDetailList(resource("images-detail-tolerant.json")).items().get(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.writeImage(image, out);
    assertThat(JSON.readImage(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(image);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "   ",
      "null",
      "[]",
      "<html><body>502 Bad Gateway</body></html>",
      "{\"images\": [",
      "{\"images\": [{\"id\": \"a\", \"created\": \"2015-03-10T18:35:18Z\"",
      "{\"images\": {}}",
      "{\"images\": [{\"name\": \"no id\", \"created\": \"2015-03-10T18:35:18Z\"}]}",
      "{\"images\": [{\"id\": \"a\"}]}",
      "{\"images\": [{\"id\": \"a\", \"created\": \"yesterday\"}]}",
      "{\"images\": [{\"id\": \"a\", \"created\": \"2015-03-10T18:35:18Z\", \"minDisk\": -1}]}",
      "{\"images\": [{\"id\": \"a\", \"created\": \"2015-03-10T18:35:18Z\", \"minRam\": 1e999999999}]}",
      "{\"images\": [{\"id\": \"a\", \"created\": \"2015-03-10T18:35:18Z\", \"OS-EXT-IMG-SIZE:size\": \"big\"}]}",
      "{\"images\": [{\"id\": \"a\", \"created\": \"2015-03-10T18:35:18Z\", \"links\": [{\"rel\": \"self\", \"href\": \"not a uri\"}]}]}",
      "{\"images\": [{\"id\": 5"
  })
  void malformedBodiesAreWireFormatErrors(String body) {
    assertThatThrownBy(() -> JSON.readDetailList(bytes(body))).isInstanceOf(WireFormatException.class);
  }

  @Test
  void deepNestingIsRefusedNotAStackOverflow() {
    String deep = "{\"images\": [{\"id\": \"a\", \"created\": \"2015-03-10T18:35:18Z\", \"x\": "
        + "[".repeat(10_000) + "]".repeat(10_000) + "}]}";
    assertThatThrownBy(() -> JSON.readDetailList(bytes(deep))).isInstanceOf(WireFormatException.class);
  }
}
