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
