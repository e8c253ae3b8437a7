package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.fake.SampleCatalogs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code --marker} the embedded sample or a catalog file cannot start from is a usage error (exit 2) in the
 * command line's words: no HTTP status or request id for a request that was never sent. A real service's refusal
 * stays the service's error (see {@link ErrorPathsTest}).
 */
class MarkerTest {

  private static final String UNKNOWN = "00000000-0000-4000-8000-000000000000";
  private static final Image DELETED =
      SampleCatalogs.rackspace().stream().filter(i -> i.status() == ImageStatus.DELETED).findFirst().orElseThrow();

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"table", "ids", "json"})
  void anUnknownMarkerOnTheSampleIsAUsageErrorNamingIt(String format) {
    CliRun run = CliRun.run("list", "--marker", UNKNOWN, "--format", format);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly(
            "images list: --marker '" + UNKNOWN + "' is not an image id of the sample catalog; 'images list "
                + "--format ids' lists them (see 'images list --help')");
  }

  @Test
  void anUnknownMarkerStartingAWalkIsTheSameUsageError() {
    CliRun run = CliRun.run("list", "--all", "--limit", "5", "--marker", UNKNOWN);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--marker '" + UNKNOWN + "' is not an image id of the sample catalog");
    assertThat(run.err()).doesNotContain("HTTP", "badRequest", "req-", "add --marker", "go on from there");
  }

  @Test
  void aDeletedImageAsMarkerNeedsChangesSince() {
    CliRun run = CliRun.run("list", "--marker", DELETED.id().value());

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().lines())
        .containsExactly(
            "images list: --marker '" + DELETED.id().value() + "' is a DELETED image, which the listing leaves "
                + "out without --changes-since (see 'images list --help')");
  }

  @Test
  void aDeletedImageAsMarkerWorksWithChangesSince() {
    CliRun run =
        CliRun.run("list", "--marker", DELETED.id().value(), "--changes-since", "2000-01-01", "--format", "ids");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void anUnknownMarkerInACatalogFileNamesTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("catalog.json");
    CliRun written = CliRun.run("list", "--detail", "--all", "--format", "json");
    Files.writeString(file, written.out(), StandardCharsets.UTF_8);

    CliRun run = CliRun.run("list", "--catalog", file.toString(), "--marker", UNKNOWN);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().lines())
        .containsExactly(
            "images list: --marker '" + UNKNOWN + "' is not an image id of catalog file " + file + "; 'images list "
                + "--format ids' lists them (see 'images list --help')");
  }

  @Test
  void aKnownMarkerStillStartsAfterThatImage() {
    List<String> ids = CliRun.run("list", "--format", "ids").outLines();

    CliRun run = CliRun.run("list", "--format", "ids", "--marker", ids.get(2), "--limit", "2");

    assertThat(run.outLines()).containsExactly(ids.get(3), ids.get(4));
  }
}
