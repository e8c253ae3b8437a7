package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.fake.FakeImages;
import io.github.rackimages.fake.SampleCatalogs;
import io.github.rackimages.nova.json.NovaJson;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code images list} over the embedded sample catalog: filters, paging, formats, terminal behaviour. */
class ListCommandTest {

  private static final List<Image> SAMPLE = SampleCatalogs.rackspace();

  /** The ids the service would list for this filter, in its order. */
  private static List<String> expectedIds(ImageFilter filter) {
    return SAMPLE.stream()
        .filter(filter::matches)
        .sorted(Image.serviceOrder())
        .map(i -> i.id().value())
        .toList();
  }

  @Test
  void listsTheSampleCatalogByDefaultWithoutNetworkOrAccount() {
    CliRun run = CliRun.run("list", "--format", "ids");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines()).containsExactlyElementsOf(expectedIds(ImageFilter.all())).hasSize(55);
    assertThat(run.err()).isEmpty();
  }

  static Stream<Arguments> filters() {
    Image snapshot =
        SAMPLE.stream().filter(i -> i.server().isPresent()).findFirst().orElseThrow();
    String serverId = snapshot.server().orElseThrow().id().value();
    Instant since = Instant.parse("2025-06-20T00:00:00Z");
    return Stream.of(
        Arguments.of(List.of("--type", "snapshot"), ImageFilter.builder().type(ImageType.SNAPSHOT).build()),
        Arguments.of(List.of("--type", "BASE"), ImageFilter.builder().type(ImageType.BASE).build()),
        Arguments.of(List.of("--status", "saving"), ImageFilter.builder().status(ImageStatus.SAVING).build()),
        Arguments.of(
            List.of("--name", "Debian 12 (Bookworm)"), ImageFilter.builder().name("Debian 12 (Bookworm)").build()),
        Arguments.of(List.of("--server", serverId), ImageFilter.builder().server(serverId).build()),
        Arguments.of(
            List.of("--server", FakeImages.ENDPOINT + "/servers/" + serverId),
            ImageFilter.builder().server(serverId).build()),
        Arguments.of(
            List.of("--changes-since", "2025-06-20"), ImageFilter.builder().changesSince(since).build()),
        Arguments.of(
            List.of("--changes-since", "2025-06-20T02:00+02:00"), ImageFilter.builder().changesSince(since).build()),
        Arguments.of(
            List.of("--changes-since", "2025-06-20T00:00:00Z", "--status", "DELETED"),
            ImageFilter.builder().changesSince(since).status(ImageStatus.DELETED).build()),
        Arguments.of(List.of("--status", "ACTIVE"), ImageFilter.builder().status(ImageStatus.ACTIVE).build()),
        Arguments.of(List.of("--status", "queued"), ImageFilter.builder().glanceStatus("queued").build()),
        Arguments.of(List.of("--status", "Saving"), ImageFilter.builder().glanceStatus("saving").build()),
        Arguments.of(
            List.of("--status", "killed", "--changes-since", "2000-01-01"),
            ImageFilter.builder().glanceStatus("killed").changesSince(Instant.parse("2000-01-01T00:00:00Z")).build()),
        Arguments.of(
            List.of("--status", "KILLED", "--changes-since", "2000-01-01"),
            ImageFilter.builder().glanceStatus("killed").changesSince(Instant.parse("2000-01-01T00:00:00Z")).build()),
        Arguments.of(
            List.of("--property", "os_type=windows"), ImageFilter.builder().property("os_type", "windows").build()),
        Arguments.of(
            List.of("--property", "os_type=linux", "--property", "image_type=snapshot"),
            ImageFilter.builder().property("os_type", "linux").property("image_type", "snapshot").build()),
        Arguments.of(List.of("--min-disk", "40"), ImageFilter.builder().minDisk(40).build()),
        Arguments.of(List.of("--min-ram", "1024"), ImageFilter.builder().minRam(1024).build()),
        Arguments.of(
            List.of("--type", "snapshot", "--min-ram", "512"),
            ImageFilter.builder().type(ImageType.SNAPSHOT).minRam(512).build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("filters")
  void filtersAsTheServiceDoes(List<String> options, ImageFilter filter) {
    String[] args = Stream.concat(Stream.of("list", "--format", "ids"), options.stream()).toArray(String[]::new);

    CliRun run = CliRun.run(args);

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(expectedIds(filter)).isNotEmpty();
    assertThat(run.outLines()).containsExactlyElementsOf(expectedIds(filter));
  }

  @Test
  void statusSavingIsGlanceSavingAndQueuedImagesAreAskedForByName() {
    List<String> saving = CliRun.run("list", "--format", "ids", "--status", "SAVING").outLines();
    List<String> queued = CliRun.run("list", "--format", "ids", "--status", "queued").outLines();

    // The API shows both as SAVING, but the service matches glance's status: SAVING alone misses the queued ones.
    List<String> shownSaving =
        expectedIds(ImageFilter.all()).stream()
            .filter(id -> SAMPLE.stream().anyMatch(i -> i.id().value().equals(id) && i.status() == ImageStatus.SAVING))
            .toList();
    assertThat(saving).isNotEmpty().doesNotContainAnyElementsOf(queued);
    assertThat(queued).isNotEmpty();
    assertThat(Stream.concat(saving.stream(), queued.stream())).containsExactlyInAnyOrderElementsOf(shownSaving);
  }

  @Test
  void aKilledStatusListsTheImagesTheApiShowsAsError() {
    CliRun run = CliRun.run("list", "--format", "ids", "--status", "killed", "--changes-since", "2000-01-01");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines())
        .isNotEmpty()
        .containsExactlyInAnyOrderElementsOf(
            SAMPLE.stream().filter(i -> i.status() == ImageStatus.ERROR).map(i -> i.id().value()).toList());
  }

  @Test
  void pendingDeleteIsAcceptedAndMatchesWhatTheServiceMatches() {
    CliRun run =
        CliRun.run("list", "--format", "ids", "--status", "PENDING_DELETE", "--changes-since", "2000-01-01");

    // The API's shape cannot tell pending_delete from deleted, so no image read back from it is pending_delete.
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines())
        .containsExactlyElementsOf(
            expectedIds(
                ImageFilter.builder()
                    .glanceStatus("pending_delete")
                    .changesSince(Instant.parse("2000-01-01T00:00:00Z"))
                    .build()));
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aPropertyMatchesItsValueExactlyNotTrimmedNorInAnyCase() {
    assertThat(CliRun.run("list", "--format", "ids", "--property", "os_type=WINDOWS").outLines()).isEmpty();
    assertThat(CliRun.run("list", "--format", "ids", "--property", "os_type= windows").outLines()).isEmpty();
    assertThat(CliRun.run("list", "--format", "ids", "--property", "os_type=windows").outLines()).isNotEmpty();
  }

  @Test
  void aPropertyValueMayContainEqualsSignsAndBeEmpty() {
    CliRun equals = CliRun.run("list", "--format", "ids", "--property", "k=a=b");
    CliRun empty = CliRun.run("list", "--format", "ids", "--property", "k=");

    assertThat(equals.exitCode()).as(equals.toString()).isZero();
    assertThat(empty.exitCode()).as(empty.toString()).isZero();
    assertThat(equals.outLines())
        .containsExactlyElementsOf(expectedIds(ImageFilter.builder().property("k", "a=b").build()));
  }

  @Test
  void aPropertyKeyGivenTwiceIsAUsageError() {
    CliRun run = CliRun.run("list", "--property", "os_type=linux", "--property", "os_type=windows");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly(
            "images list: --property 'os_type=windows' repeats the key os_type; an image has one value per key, "
                + "give each key once (see 'images list --help')");
  }

  @Test
  void withoutAllListsOnePageOfTheGivenSize() {
    CliRun run = CliRun.run("list", "--format", "ids", "--limit", "10");

    assertThat(run.outLines()).containsExactlyElementsOf(expectedIds(ImageFilter.all()).subList(0, 10));
  }

  @Test
  void withAllWalksEveryPage() {
    CliRun run = CliRun.run("list", "--format", "ids", "--limit", "7", "--all");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).containsExactlyElementsOf(expectedIds(ImageFilter.all()));
  }

  @Test
  void markerStartsAfterThatImage() {
    List<String> all = expectedIds(ImageFilter.all());

    CliRun run = CliRun.run("list", "--format", "ids", "--marker", all.get(4), "--limit", "3");

    assertThat(run.outLines()).containsExactlyElementsOf(all.subList(5, 8));
  }

  @Test
  void maxStopsAfterThatManyImagesAcrossPages() {
    CliRun run = CliRun.run("list", "--format", "ids", "--limit", "5", "--all", "--max", "12");

    assertThat(run.outLines()).containsExactlyElementsOf(expectedIds(ImageFilter.all()).subList(0, 12));
  }

  @Test
  void maxWithAllWalksWithTheDefaultPageSize() {
    CliRun run = CliRun.run("list", "--format", "ids", "--all", "--max", "54");

    assertThat(run.outLines()).containsExactlyElementsOf(expectedIds(ImageFilter.all()).subList(0, 54));
  }

  @Test
  void maxAloneAsksForNoMoreThanItNeeds() {
    CliRun run = CliRun.run("list", "--format", "ids", "--max", "3");

    assertThat(run.outLines()).containsExactlyElementsOf(expectedIds(ImageFilter.all()).subList(0, 3));
  }

  @Test
  void detailJsonIsTheServiceShapeWithEveryField() {
    CliRun run = CliRun.run("list", "--detail", "--all", "--format", "json", "--changes-since", "2000-01-01");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).startsWith("{\"images\":[");
    List<Image> read;
    try (NovaJson json = new NovaJson()) {
      read = json.readDetailList(bytes(run.out())).items();
    }
    assertThat(read).containsExactlyElementsOf(SAMPLE.stream().sorted(Image.serviceOrder()).toList());
  }

  @Test
  void summaryJsonHasIdNameAndLinks() {
    CliRun run = CliRun.run("list", "--format", "json", "--limit", "4");

    List<ImageSummary> read;
    try (NovaJson json = new NovaJson()) {
      read = json.readSummaryList(bytes(run.out())).items();
    }
    assertThat(read)
        .containsExactlyElementsOf(
            SAMPLE.stream().filter(ImageFilter.all()::matches).limit(4).map(Image::toSummary).toList());
    assertThat(run.out()).doesNotContain("\"status\"").contains("\"links\"");
  }

  @Test
  void emptyJsonListIsStillAList() {
    CliRun run = CliRun.run("list", "--format", "json", "--name", "no such image");

    assertThat(run.out().strip()).isEqualTo("{\"images\":[]}");
  }

  @Test
  void pipedTableKeepsFullIdsAndNames() {
    CliRun run = CliRun.run("list", "--detail");

    assertThat(run.outLines().get(0).split("\\s{2,}"))
        .containsExactly("ID", "NAME", "STATUS", "TYPE", "MIN DISK", "MIN RAM", "SIZE", "UPDATED");
    String longest = "Windows Server 2025 + SQL Server 2022 Standard";
    Image windows = SAMPLE.stream().filter(i -> i.name().orElse("").equals(longest)).findFirst().orElseThrow();
    assertThat(run.out()).contains(windows.id().value() + "  " + longest + "  ");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void tableShowsHumanSizesAndUtcTimes() {
    Image image = SAMPLE.stream().filter(i -> i.size().isPresent()).findFirst().orElseThrow();

    CliRun run = CliRun.run("list", "--detail", "--name", image.name().orElseThrow());

    String row = run.outLines().get(1);
    assertThat(row)
        .contains(Text.bytes(image.size().getAsLong()))
        .contains(Text.minutes(image.updated().orElseThrow()))
        .contains(image.minDisk() + " GB");
    assertThat(Text.bytes(image.size().getAsLong())).matches("\\d+(\\.\\d)?[KMGT]");
  }

  @Test
  void anEightyColumnTerminalGetsLinesThatFit() {
    CliRun run = CliRun.run(Map.of(), Terminal.interactive(80), "list", "--detail");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(56).allSatisfy(line -> assertThat(Text.width(line)).isLessThanOrEqualTo(80));
    assertThat(run.out()).contains(Text.ELLIPSIS);
    // Ids are cut to their first 8 characters there, and the run says so.
    Image first = SAMPLE.stream().filter(ImageFilter.all()::matches).findFirst().orElseThrow();
    assertThat(run.outLines().get(1)).startsWith(first.id().value().substring(0, 8) + " ");
    assertThat(run.err()).contains("--format ids prints them whole");
  }

  @Test
  void aWideTerminalGetsFullIds() {
    CliRun run = CliRun.run(Map.of(), Terminal.interactive(160), "list", "--detail");

    assertThat(run.outLines()).allSatisfy(line -> assertThat(Text.width(line)).isLessThanOrEqualTo(160));
    assertThat(run.outLines().get(1)).startsWith(expectedIds(ImageFilter.all()).get(0) + "  ");
    assertThat(run.err()).doesNotContain("shortened");
  }

  @Test
  void summaryTableFitsEightyColumnsWithFullIds() {
    CliRun run = CliRun.run(Map.of(), Terminal.interactive(80), "list");

    assertThat(run.outLines()).allSatisfy(line -> assertThat(Text.width(line)).isLessThanOrEqualTo(80));
    assertThat(run.outLines().get(1)).startsWith(expectedIds(ImageFilter.all()).get(0) + "  ");
  }

  @Test
  void aWalkOnATerminalShowsProgressOnStderr() {
    CliRun run = CliRun.run(Map.of(), Terminal.interactive(100), "list", "--all", "--limit", "10", "--format", "ids");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).contains("6 pages, 55 images,").contains("images/s");
    assertThat(run.outLines()).hasSize(55);
  }

  @Test
  void aPipedWalkPrintsNothingOnStderr() {
    CliRun run = CliRun.run("list", "--all", "--limit", "10", "--detail");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aTerminalIsToldWhenMorePagesFollow() {
    CliRun run = CliRun.run(Map.of(), Terminal.interactive(100), "list", "--limit", "5");

    assertThat(run.err()).contains("more images follow: add --all");
  }

  @Test
  void deletedImagesAreFoundByIdInTheListing() {
    Image deleted = SAMPLE.stream().filter(i -> i.status() == ImageStatus.DELETED).findFirst().orElseThrow();

    CliRun run = CliRun.run("list", "--format", "ids", "--changes-since", "2000-01-01T00:00:00Z", "--status", "deleted");

    List<String> deletedIds =
        SAMPLE.stream()
            .filter(i -> i.status() == ImageStatus.DELETED)
            .sorted(Image.serviceOrder())
            .map(i -> i.id().value())
            .toList();
    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines()).contains(deleted.id().value()).containsExactlyElementsOf(deletedIds);
  }

  private static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
