package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.fake.SampleCatalogs;
import io.github.rackimages.nova.json.NovaJson;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON output streams: each page reaches the output before the next is fetched, not at the end. */
class JsonImagesTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, false, StandardCharsets.UTF_8);
  private final List<Image> sample = SampleCatalogs.rackspace();

  @Test
  void eachPageIsWrittenOutWhenItEnds() {
    JsonImages json = new JsonImages(out);
    json.image(sample.get(0));
    json.image(sample.get(1));
    json.endOfPage();
    String afterFirstPage = bytes.toString(StandardCharsets.UTF_8);

    assertThat(afterFirstPage).startsWith("{\"images\":[").contains(sample.get(1).id().value());

    json.image(sample.get(2));
    json.endOfPage();
    String afterSecondPage = bytes.toString(StandardCharsets.UTF_8);
    json.finish();

    assertThat(afterSecondPage).startsWith(afterFirstPage).contains(sample.get(2).id().value());
    assertThat(read(bytes.toString(StandardCharsets.UTF_8))).containsExactlyElementsOf(sample.subList(0, 3));
  }

  @Test
  void aFailedListingIsLeftUnterminatedSoThatItCannotPassForAWholeOne() {
    JsonImages json = new JsonImages(out);
    json.image(sample.get(0));
    json.endOfPage();
    json.abandon();

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).contains(sample.get(0).id().value()).doesNotEndWith("]}\n").doesNotEndWith("]}");
  }

  private static List<Image> read(String text) {
    try (NovaJson json = new NovaJson()) {
      return json.readDetailList(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).items();
    }
  }
}
