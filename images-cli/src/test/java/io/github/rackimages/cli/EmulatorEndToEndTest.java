package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ServerReference;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import io.github.rackimages.nova.json.NovaJson;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The command line against the emulator, end to end over HTTP: a catalog written by one run is served and listed
 * again unchanged, and a walk over 25,000 images returns each exactly once, throttled or not.
 */
class EmulatorEndToEndTest {

  private static final int LARGE = 25_000;
  private static final long SEED = 2026;
  private static List<Image> large;
  private static ImageEmulator emulator;

  @TempDir Path dir;

  @BeforeAll
  static void startLargeEmulator() {
    large = SampleCatalogs.generated(LARGE, SEED);
    emulator =
        ImageEmulator.builder().catalog(InMemoryImageCatalog.builder().images(large).build()).port(0).start();
  }

  @AfterAll
  static void stopLargeEmulator() {
    emulator.stop();
  }

  @Test
  void aCatalogWrittenByListIsServedAndListedAgainUnchanged() throws Exception {
    CliRun written = CliRun.run("list", "--detail", "--all", "--format", "json", "--changes-since", "2000-01-01");
    assertThat(written.exitCode()).as(written.toString()).isZero();
    Path file = dir.resolve("catalog.json");
    Files.writeString(file, written.out(), StandardCharsets.UTF_8);

    try (Serving serving = Serving.start("--catalog", file.toString())) {
      CliRun again =
          CliRun.run(
              "list", "--detail", "--all", "--limit", "7", "--format", "json", "--changes-since", "2000-01-01",
              "--identity", serving.identity().toString(), "--username", "demo", "--api-key", "demo-api-key");

      assertThat(again.exitCode()).as(again.toString()).isZero();
      List<Image> original = read(written.out());
      assertThat(original).containsExactlyInAnyOrderElementsOf(SampleCatalogs.rackspace());
      List<Image> served = read(again.out());
      // Every field comes back, but the links: the emulator writes them from the request, as Nova does
      // (docs/SERVICE-RULES.md, rule 9), so they name the emulator, not the catalog file's endpoint.
      assertThat(served.stream().map(EmulatorEndToEndTest::withoutLinks).toList())
          .containsExactlyElementsOf(original.stream().map(EmulatorEndToEndTest::withoutLinks).toList());
      served.forEach(image -> assertLinksNameTheEmulator(image, serving.compute()));
    }
  }

  @ParameterizedTest(name = "throttle every {0} requests")
  @ValueSource(ints = {0, 7})
  void aWalkOverTwentyFiveThousandImagesReturnsEachExactlyOnce(int throttleEvery) {
    emulator.throttleEvery(throttleEvery).retryAfter(java.time.Duration.ZERO);
    emulator.resetRequestCounts();
    try {
      CliRun run =
          CliRun.run(
              "list", "--all", "--format", "ids", "--changes-since", "2000-01-01",
              "--identity", emulator.identityUrl().toString(), "--username", "demo", "--api-key", "demo-api-key");

      assertThat(run.exitCode()).as(run.err()).isZero();
      List<String> ids = run.outLines();
      assertThat(ids).hasSize(LARGE);
      assertThat(new HashSet<>(ids)).hasSize(LARGE);
      Set<String> expected = new HashSet<>();
      large.forEach(i -> expected.add(i.id().value()));
      assertThat(new HashSet<>(ids)).isEqualTo(expected);
      assertThat(run.err()).isEmpty();
      if (throttleEvery > 0) {
        // 26 pages (the last one empty) and their throttled repeats: the throttling did happen.
        assertThat(emulator.imagesRequestCount()).isGreaterThan(26);
      }
    } finally {
      emulator.throttleEvery(0);
    }
  }

  @Test
  void theDefaultListingOfTheLargeCatalogIsWhatTheServiceLists() {
    CliRun run =
        CliRun.run(
            "list", "--all", "--format", "ids", "--limit", "1000",
            "--identity", emulator.identityUrl().toString(), "--username", "demo", "--password", "demo-password");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines())
        .containsExactlyElementsOf(large.stream().filter(ImageFilter.all()::matches).map(i -> i.id().value()).toList());
  }

  @Test
  void showFindsAnImageOverHttpWithEveryField() {
    // A snapshot, so that its server's links are checked too; DELETED images are not found (rule 7).
    Image image =
        large.stream()
            .skip(123)
            .filter(i -> i.server().isPresent() && i.status() != ImageStatus.DELETED)
            .findFirst()
            .orElseThrow();

    CliRun run =
        CliRun.run(
            "show", image.id().value(), "--format", "json",
            "--identity", emulator.identityUrl().toString(), "--username", "demo", "--api-key", "demo-api-key");

    assertThat(run.exitCode()).as(run.err()).isZero();
    try (NovaJson json = new NovaJson()) {
      Image shown = json.readImage(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
      assertThat(withoutLinks(shown)).isEqualTo(withoutLinks(image));
      assertLinksNameTheEmulator(shown, emulator.computeEndpoint());
    }
  }

  @Test
  void filtersTravelToTheServiceAndComeBackAsTheServiceMeansThem() {
    Instant since = large.get(5000).created();

    CliRun run =
        CliRun.run(
            "list", "--all", "--format", "ids", "--type", "snapshot", "--changes-since", since.toString(),
            "--identity", emulator.identityUrl().toString(), "--username", "demo", "--api-key", "demo-api-key");

    ImageFilter filter =
        ImageFilter.builder().type(io.github.rackimages.core.ImageType.SNAPSHOT).changesSince(since).build();
    assertThat(run.outLines())
        .isNotEmpty()
        .containsExactlyElementsOf(large.stream().filter(filter::matches).map(i -> i.id().value()).toList());
  }

  /** The image with no links of its own or of its server: what a catalog holds, apart from where it is served. */
  private static Image withoutLinks(Image image) {
    Image.Builder b = image.toBuilder().links(List.of());
    image.server().ifPresent(s -> b.server(new ServerReference(s.id(), List.of(), s.otherFields())));
    return b.build();
  }

  /**
   * The links the emulator writes for a request to {@code compute} ({@code http://host:port/v2/<tenant>}):
   * {@code self} under it, {@code bookmark} and {@code alternate} under {@code http://host:port/<tenant>}, for the
   * image's own id, and the same for its server.
   */
  private static void assertLinksNameTheEmulator(Image image, URI compute) {
    String origin = compute.getScheme() + "://" + compute.getRawAuthority();
    String tenant = compute.getPath().substring(compute.getPath().lastIndexOf('/') + 1);
    String id = image.id().value();
    assertThat(image.links())
        .extracting(l -> l.rel() + " " + l.href())
        .containsExactly(
            "self " + compute + "/images/" + id,
            "bookmark " + origin + "/" + tenant + "/images/" + id,
            "alternate " + origin + "/" + tenant + "/images/" + id);
    image.server().ifPresent(
        s -> assertThat(s.links())
            .extracting(l -> l.rel() + " " + l.href())
            .containsExactly(
                "self " + compute + "/servers/" + s.id().value(),
                "bookmark " + origin + "/" + tenant + "/servers/" + s.id().value()));
  }

  private static List<Image> read(String text) {
    try (NovaJson json = new NovaJson()) {
      return json.readDetailList(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))).items();
    }
  }
}
