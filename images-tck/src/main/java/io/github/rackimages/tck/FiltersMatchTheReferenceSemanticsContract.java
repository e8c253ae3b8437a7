package io.github.rackimages.tck;

import static io.github.rackimages.tck.ContractAssertions.walk;
import static io.github.rackimages.tck.ContractImages.DB01;
import static io.github.rackimages.tck.ContractImages.NO_SUCH_SERVER;
import static io.github.rackimages.tck.ContractImages.hour;
import static io.github.rackimages.tck.ContractSupport.BEFORE_ALL;
import static io.github.rackimages.tck.ContractSupport.changesSince;
import static io.github.rackimages.tck.ContractSupport.expected;
import static io.github.rackimages.tck.ContractSupport.ids;
import static io.github.rackimages.tck.ContractSupport.items;
import static io.github.rackimages.tck.ContractSupport.variedCatalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filters alone and combined on a large varied catalog, checked against the reference semantics
 * ({@link ImageFilter#matches(Image)}) in one page and in a marker walk. Runs as
 * {@code ImageCatalogContract.FiltersMatchTheReferenceSemantics}.
 */
abstract class FiltersMatchTheReferenceSemanticsContract extends ContractTopic {

  FiltersMatchTheReferenceSemanticsContract(ImageCatalogContract suite) {
    super(suite);
  }

  /** On a large varied catalog, one page of up to 1000 lists exactly what the reference semantics list. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("io.github.rackimages.tck.FiltersMatchTheReferenceSemanticsContract#filterCases")
  void listsWhatTheReferenceSemanticsList(String description, ImageFilter filter) {
    List<Image> images = variedCatalog();
    ImageCatalog catalog = catalogOf(images);
    Page<Image> page = catalog.list(filter, PageRequest.first(PageRequest.MAX_LIMIT));
    assertThat(ids(page.items())).as(description).containsExactlyElementsOf(ids(expected(images, filter)));
    assertThat(page.hasNext()).as(description).isFalse();
  }

  /** On a large varied catalog, a marker walk in small pages lists what the reference semantics list. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("io.github.rackimages.tck.FiltersMatchTheReferenceSemanticsContract#filterCases")
  void walksWhatTheReferenceSemanticsList(String description, ImageFilter filter) {
    List<Image> images = variedCatalog();
    List<Image> expected = expected(images, filter);
    ImageCatalog catalog = catalogOf(images);
    List<Image> walked = items(walk(catalog::list, filter, PageRequest.first(25), expected.size()));
    assertThat(ids(walked)).as(description).containsExactlyElementsOf(ids(expected));
  }

  /** Filters alone and combined, for the reference-semantics cases. */
  static Stream<Arguments> filterCases() {
    // many() creates images over six days and updates them up to 30 days later: this splits them about in half.
    Instant midMany = TestImages.EPOCH.plusSeconds(15 * 86_400L);
    return Stream.of(
        Arguments.of("no filter", ImageFilter.all()),
        Arguments.of("server id", ImageFilter.builder().server(TestImages.serverId(1)).build()),
        Arguments.of("server URL", ImageFilter.builder().server(TestImages.serverUrl(TestImages.serverId(2))).build()),
        Arguments.of(
            "server URL as text",
            ImageFilter.builder().server(TestImages.serverUrl(TestImages.serverId(3)).toString()).build()),
        Arguments.of(
            "server URL ending in /",
            ImageFilter.builder().server(TestImages.serverUrl(TestImages.serverId(3)) + "/").build()),
        Arguments.of("unknown server", ImageFilter.builder().server(NO_SUCH_SERVER).build()),
        Arguments.of("name shared by many", ImageFilter.builder().name("web backup").build()),
        Arguments.of("name with & and #", ImageFilter.builder().name("app & db #2").build()),
        Arguments.of("name of a base image", ImageFilter.builder().name("CentOS 7 (PVHVM)").build()),
        Arguments.of("status ACTIVE", ImageFilter.builder().status(ImageStatus.ACTIVE).build()),
        Arguments.of("status SAVING", ImageFilter.builder().status(ImageStatus.SAVING).build()),
        Arguments.of("status DELETED", ImageFilter.builder().status(ImageStatus.DELETED).build()),
        Arguments.of("status queued", ImageFilter.builder().glanceStatus("queued").build()),
        Arguments.of("status ERROR (no such glance status)", ImageFilter.builder().glanceStatus("ERROR").build()),
        Arguments.of("status UNKNOWN (no such glance status)", ImageFilter.builder().glanceStatus("UNKNOWN").build()),
        Arguments.of(
            "changes-since + killed", ImageFilter.builder().changesSince(BEFORE_ALL).glanceStatus("killed").build()),
        Arguments.of("property os_type", ImageFilter.builder().property("os_type", "linux").build()),
        Arguments.of(
            "property image_type + os_type",
            ImageFilter.builder().property("image_type", "snapshot").property("os_type", "linux").build()),
        Arguments.of("changes-since before all", changesSince(BEFORE_ALL)),
        Arguments.of("changes-since amid the images", changesSince(midMany)),
        Arguments.of("changes-since after most", changesSince(hour(34))),
        Arguments.of("type base", ImageFilter.builder().type(ImageType.BASE).build()),
        Arguments.of("type snapshot", ImageFilter.builder().type(ImageType.SNAPSHOT).build()),
        Arguments.of("minDisk 20", ImageFilter.builder().minDisk(20).build()),
        Arguments.of("minDisk 0", ImageFilter.builder().minDisk(0).build()),
        Arguments.of("minRam 1024", ImageFilter.builder().minRam(1024).build()),
        Arguments.of("minRam 0", ImageFilter.builder().minRam(0).build()),
        Arguments.of(
            "snapshot + server + ACTIVE",
            ImageFilter.builder()
                .type(ImageType.SNAPSHOT)
                .server(TestImages.serverId(1))
                .status(ImageStatus.ACTIVE)
                .build()),
        Arguments.of(
            "changes-since + DELETED",
            ImageFilter.builder().changesSince(BEFORE_ALL).status(ImageStatus.DELETED).build()),
        Arguments.of(
            "changes-since + ERROR + server",
            ImageFilter.builder()
                .changesSince(TestImages.EPOCH.plusSeconds(86_400L))
                .glanceStatus("killed")
                .server(TestImages.serverId(4))
                .build()),
        Arguments.of(
            "changes-since + snapshot + server URL",
            ImageFilter.builder()
                .changesSince(BEFORE_ALL)
                .type(ImageType.SNAPSHOT)
                .server(TestImages.serverUrl(TestImages.serverId(5)))
                .build()),
        Arguments.of(
            "base + minDisk + minRam",
            ImageFilter.builder().type(ImageType.BASE).minDisk(20).minRam(512).build()),
        Arguments.of("SAVING + snapshot", ImageFilter.builder().status(ImageStatus.SAVING).type(ImageType.SNAPSHOT).build()),
        Arguments.of(
            "all seven filters",
            ImageFilter.builder()
                .server(DB01)
                .name("Daily backup")
                .status(ImageStatus.ACTIVE)
                .changesSince(hour(8))
                .type(ImageType.SNAPSHOT)
                .minDisk(80)
                .minRam(4096)
                .build()));
  }
}
