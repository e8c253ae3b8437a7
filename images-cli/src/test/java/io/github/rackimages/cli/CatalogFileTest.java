package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.fake.SampleCatalogs;
import io.github.rackimages.nova.json.NovaJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --catalog FILE}: what {@code list --detail --all --format json} writes loads again, unchanged. */
class CatalogFileTest {

  @TempDir Path dir;

  @Test
  void aListingWrittenToAFileIsLoadedAgainWithEveryImageUnchanged() throws IOException {
    CliRun written = CliRun.run("list", "--detail", "--all", "--format", "json", "--changes-since", "2000-01-01");
    Path file = dir.resolve("catalog.json");
    Files.writeString(file, written.out(), StandardCharsets.UTF_8);

    CliRun again =
        CliRun.run(
            "list", "--catalog", file.toString(), "--detail", "--all", "--format", "json", "--changes-since",
            "2000-01-01");

    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(read(again.out())).containsExactlyElementsOf(read(written.out()));
    assertThat(read(again.out())).containsExactlyInAnyOrderElementsOf(SampleCatalogs.rackspace());
  }

  @Test
  void numbersNotSentStayAbsentAndZerosStayZeroThroughAFile() throws IOException {
    // Our own document: one image without progress, minDisk, minRam or size (a deployment without the size
    // extension, as in Rackspace's 2012 listings), one with zeros and a null size (an image still queued).
    String catalog = "{\"images\": ["
        + "{\"id\": \"absent-1\", \"name\": \"absent\", \"status\": \"ACTIVE\", \"created\": \"2015-03-10T18:35:18Z\","
        + " \"links\": [], \"metadata\": {}},"
        + "{\"id\": \"zero-1\", \"name\": \"zero\", \"status\": \"SAVING\", \"created\": \"2015-03-09T18:35:18Z\","
        + " \"progress\": 0, \"minDisk\": 0, \"minRam\": 0, \"OS-EXT-IMG-SIZE:size\": null, \"links\": [],"
        + " \"metadata\": {}}]}";
    Path file = dir.resolve("absent.json");
    Files.writeString(file, catalog, StandardCharsets.UTF_8);

    CliRun written = CliRun.run("list", "--catalog", file.toString(), "--detail", "--all", "--format", "json");
    Path again = dir.resolve("again.json");
    Files.writeString(again, written.out(), StandardCharsets.UTF_8);
    CliRun rewritten = CliRun.run("list", "--catalog", again.toString(), "--detail", "--all", "--format", "json");

    assertThat(written.exitCode()).as(written.toString()).isZero();
    assertThat(rewritten.out()).isEqualTo(written.out());
    List<Image> images = read(rewritten.out());
    assertThat(images).containsExactlyElementsOf(read(catalog));
    assertThat(images.get(0).reportedMinDisk()).isEmpty();
    assertThat(images.get(0).sizeReported()).isFalse();
    assertThat(images.get(1).reportedMinDisk()).hasValue(0);
    assertThat(images.get(1).sizeReported()).isTrue();
    String first = written.out().substring(0, written.out().indexOf("zero-1"));
    assertThat(first).doesNotContain("progress", "minDisk", "minRam", "OS-EXT-IMG-SIZE:size");

    CliRun table = CliRun.run("show", "absent-1", "--catalog", file.toString());
    assertThat(table.out()).containsPattern("MIN DISK +-\n").containsPattern("MIN RAM +-\n");
  }

  @Test
  void showFindsAnImageOfTheFile() throws IOException {
    Image image = SampleCatalogs.rackspace().get(3);
    Path file = dir.resolve("one.json");
    try (NovaJson json = new NovaJson(); var out = Files.newOutputStream(file)) {
      json.writeDetailList(List.of(image), null, out);
    }

    CliRun run = CliRun.run("show", image.id().value(), "--catalog", file.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains(image.name().orElseThrow());
  }

  @Test
  void aFileThatIsNotADetailListIsAUsageErrorSayingHowToMakeOne() throws IOException {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\"images\": [ {\"id\": ", StandardCharsets.UTF_8);

    CliRun run = CliRun.run("list", "--catalog", file.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("is not a detail list").contains("list --detail --all --format json > FILE");
  }

  @Test
  void aFileHoldingAnImageTwiceIsRefused() throws IOException {
    Image image = SampleCatalogs.rackspace().get(0);
    Path file = dir.resolve("twice.json");
    try (NovaJson json = new NovaJson(); var out = Files.newOutputStream(file)) {
      json.writeDetailList(List.of(image, image), null, out);
    }

    CliRun run = CliRun.run("list", "--catalog", file.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("is not usable").contains(image.id().value());
  }

  private static List<Image> read(String text) {
    try (NovaJson json = new NovaJson()) {
      return json.readDetailList(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).items();
    }
  }
}
