package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.fake.SampleCatalogs;
import io.github.rackimages.nova.json.NovaJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code images show ID}: every field of one image, as a table or as the service's JSON. */
class ShowCommandTest {

  private static final Image SNAPSHOT =
      SampleCatalogs.rackspace().stream()
          .filter(i -> i.server().isPresent() && i.size().isPresent() && i.metadata().size() > 3)
          .findFirst()
          .orElseThrow();

  @Test
  void tableShowsEveryFieldWithMetadataSortedByKey() {
    CliRun run = CliRun.run("show", SNAPSHOT.id().value());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("ID           " + SNAPSHOT.id().value())
        .contains("NAME         " + SNAPSHOT.name().orElseThrow())
        .contains("STATUS       ACTIVE (100%)")
        .contains("TYPE         snapshot")
        .contains("CREATED      " + SNAPSHOT.created())
        .contains("UPDATED      " + SNAPSHOT.updated().orElseThrow())
        .contains("MIN DISK     " + SNAPSHOT.minDisk() + " GB")
        .contains("MIN RAM      " + SNAPSHOT.minRam() + " MB")
        .contains(String.format("%,d bytes", SNAPSHOT.size().getAsLong()))
        .contains("DISK CONFIG  " + SNAPSHOT.diskConfig().map(Enum::name).orElse("-"))
        .contains("SERVER       " + SNAPSHOT.server().orElseThrow().id().value());
    SNAPSHOT.links().forEach(link -> assertThat(run.out()).contains(link.href().toString()));
    SNAPSHOT.server().orElseThrow().links().forEach(link -> assertThat(run.out()).contains(link.href().toString()));

    List<String> metadataKeys = new ArrayList<>();
    boolean inMetadata = false;
    for (String line : run.outLines()) {
      if (line.equals("METADATA")) {
        inMetadata = true;
      } else if (inMetadata && line.startsWith("  ")) {
        metadataKeys.add(line.strip().split("\\s+")[0]);
      } else if (inMetadata) {
        break;
      }
    }
    assertThat(metadataKeys).isSorted().containsExactlyInAnyOrderElementsOf(SNAPSHOT.metadata().values().keySet());
    SNAPSHOT.metadata().asStrings().forEach((k, v) -> assertThat(run.out()).contains(v));
  }

  @Test
  void jsonIsTheServiceImageBodyWithEveryField() {
    CliRun run = CliRun.run("show", SNAPSHOT.id().value(), "--format", "json");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("{\"image\":{");
    try (NovaJson json = new NovaJson()) {
      Image read = json.readImage(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
      assertThat(read).isEqualTo(SNAPSHOT);
    }
  }

  @Test
  void aDeletedImageIsNotFoundAsTheServiceAnswers404() {
    Image deleted =
        SampleCatalogs.rackspace().stream().filter(i -> i.status() == ImageStatus.DELETED).findFirst().orElseThrow();

    CliRun run = CliRun.run("show", deleted.id().value());

    // GET /images/{id} of a deleted image is 404 for a customer (docs/SERVICE-RULES.md, rule 7).
    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
  }

  @Test
  void anUnknownIdFailsWithOneLineSayingWhatToDo() {
    CliRun run = CliRun.run("show", "00000000-0000-4000-8000-000000000000");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly(
            "images show: no image with id 00000000-0000-4000-8000-000000000000 in the sample catalog; "
                + "'images list' shows the ids");
  }

  @Test
  void idsIsNotAFormatOfShow() {
    CliRun run = CliRun.run("show", SNAPSHOT.id().value(), "--format", "ids");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--format 'ids' is for list only");
  }

  @Test
  void anIdIsRequired() {
    CliRun run = CliRun.run("show");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains("Missing required parameter: 'ID'");
  }
}
