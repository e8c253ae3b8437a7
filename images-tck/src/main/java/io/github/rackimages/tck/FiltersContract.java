package io.github.rackimages.tck;

import static io.github.rackimages.tck.ContractImages.DAILY_DB_A;
import static io.github.rackimages.tck.ContractImages.DAILY_DB_B;
import static io.github.rackimages.tck.ContractImages.DAILY_WEB;
import static io.github.rackimages.tck.ContractImages.DB01;
import static io.github.rackimages.tck.ContractImages.DEBIAN;
import static io.github.rackimages.tck.ContractImages.IMPORTED;
import static io.github.rackimages.tck.ContractImages.NAMELESS;
import static io.github.rackimages.tck.ContractImages.NEVER_UPDATED;
import static io.github.rackimages.tck.ContractImages.NO_SUCH_SERVER;
import static io.github.rackimages.tck.ContractImages.OTHER;
import static io.github.rackimages.tck.ContractImages.RETIRED;
import static io.github.rackimages.tck.ContractImages.SPECIAL_NAMES;
import static io.github.rackimages.tck.ContractImages.UBUNTU;
import static io.github.rackimages.tck.ContractImages.UPPER_CASE_TYPE;
import static io.github.rackimages.tck.ContractImages.WEB01;
import static io.github.rackimages.tck.ContractImages.WEB_DELETED;
import static io.github.rackimages.tck.ContractImages.WEB_FAILED;
import static io.github.rackimages.tck.ContractImages.WEB_NIGHTLY;
import static io.github.rackimages.tck.ContractImages.WEB_SAVING;
import static io.github.rackimages.tck.ContractImages.WINDOWS;
import static io.github.rackimages.tck.ContractImages.hour;
import static io.github.rackimages.tck.ContractSupport.BEFORE_ALL;
import static io.github.rackimages.tck.ContractSupport.changesSince;
import static io.github.rackimages.tck.ContractSupport.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Filters alone and combined, on the hand-made zoo, against expectations written out by hand: server id and URL,
 * name, status, {@code changes-since}, type, minDisk and minRam. Runs as {@code ImageCatalogContract.Filters}.
 */
abstract class FiltersContract extends ContractTopic {

  private final ImageCatalog zoo = catalogOf(ContractImages.zoo());

  FiltersContract(ImageCatalogContract suite) {
    super(suite);
  }

  private List<ImageId> listed(ImageFilter filter) {
    Page<Image> page = zoo.list(filter, PageRequest.first(100));
    assertThat(page.hasNext()).as("a page shorter than its limit is the last").isFalse();
    return ids(page.items());
  }

  private ImageFilter.Builder filter() {
    return ImageFilter.builder();
  }

  /** A server id lists that server's listed snapshots, newest first. */
  @Test
  void serverIdListsThatServersSnapshots() {
    assertThat(listed(filter().server(WEB01).build()))
        .containsExactlyElementsOf(ids(List.of(WEB_SAVING, WEB_NIGHTLY, DAILY_WEB)));
    assertThat(listed(filter().server(DB01.value()).build()))
        .containsExactlyElementsOf(ids(List.of(DAILY_DB_B, DAILY_DB_A)));
  }

  /** A server URL matches by its last path segment, given as a URI or as text. */
  @Test
  void serverUrlMatchesByItsLastPathSegment() {
    List<ImageId> web01 = ids(List.of(WEB_SAVING, WEB_NIGHTLY, DAILY_WEB));
    assertThat(listed(filter().server(TestImages.serverUrl(WEB01)).build())).containsExactlyElementsOf(web01);
    assertThat(listed(filter().server(TestImages.serverUrl(WEB01).toString()).build()))
        .containsExactlyElementsOf(web01);
    assertThat(listed(filter().server("https://elsewhere.example/anything/servers/" + OTHER.value()).build()))
        .containsExactly(UPPER_CASE_TYPE.id());
  }

  /** A server URL that ends in '/' names an empty id, which matches nothing. */
  @Test
  void serverUrlEndingInSlashMatchesNothing() {
    assertThat(listed(filter().server(TestImages.serverUrl(WEB01) + "/").build())).isEmpty();
  }

  /** A server with no snapshots lists nothing. */
  @Test
  void unknownServerMatchesNothing() {
    assertThat(listed(filter().server(NO_SUCH_SERVER).build())).isEmpty();
  }

  /** With changes-since, the server filter also lists that server's DELETED and ERROR snapshots. */
  @Test
  void serverFilterWithChangesSinceShowsDeletedAndFailedSnapshots() {
    assertThat(listed(filter().server(WEB01).changesSince(BEFORE_ALL).build()))
        .containsExactlyElementsOf(ids(List.of(WEB_SAVING, WEB_NIGHTLY, WEB_FAILED, WEB_DELETED, DAILY_WEB)));
  }

  /** A name matches exactly, whatever characters it holds; its decoy (a mis-encoded form) does not match. */
  @ParameterizedTest(name = "[{index}] name \"{0}\"")
  @MethodSource("io.github.rackimages.tck.FiltersContract#specialNames")
  void nameMatchesExactlyWhateverCharactersItHolds(String name, ImageId only) {
    assertThat(listed(filter().name(name).build())).containsExactly(only);
  }

  /** A name shared by several images lists all of them, newest first, ties by id descending. */
  @Test
  void nameSharedBySeveralImagesListsThemAll() {
    assertThat(listed(filter().name("Daily backup").build()))
        .containsExactlyElementsOf(ids(List.of(DAILY_DB_B, DAILY_DB_A, DAILY_WEB)));
  }

  /** The status filter lists images in that status only. */
  @Test
  void statusFilterListsThatStatusOnly() {
    assertThat(listed(filter().status(ImageStatus.SAVING).build())).containsExactly(WEB_SAVING.id());
    List<Image> active = new ArrayList<>(ContractImages.zooListedByDefault());
    active.remove(WEB_SAVING);
    assertThat(listed(filter().status(ImageStatus.ACTIVE).build())).containsExactlyElementsOf(ids(active));
  }

  /** changes-since is strictly after: an image changed exactly at the instant is not listed. */
  @Test
  void changesSinceIsStrictlyAfter() {
    assertThat(listed(changesSince(hour(34)))).containsExactly(WEB_DELETED.id(), RETIRED.id());
    assertThat(listed(changesSince(hour(35)))).containsExactly(RETIRED.id());
    assertThat(listed(changesSince(hour(35).minusSeconds(1)))).containsExactly(WEB_DELETED.id(), RETIRED.id());
    assertThat(listed(changesSince(hour(40)))).isEmpty();
  }

  /** changes-since compares the creation time of an image that was never updated. */
  @Test
  void changesSinceUsesCreatedWhenAnImageWasNeverUpdated() {
    assertThat(listed(changesSince(hour(3)))).doesNotContain(NEVER_UPDATED.id()).contains(RETIRED.id());
    assertThat(listed(changesSince(hour(3).minusSeconds(1)))).contains(NEVER_UPDATED.id());
  }

  /** type=base lists base images, whatever the case of their image_type; untyped images are not listed. */
  @Test
  void typeBaseListsBaseImagesInAnyCase() {
    List<Image> base = new ArrayList<>(SPECIAL_NAMES);
    base.addAll(List.of(WINDOWS, NAMELESS, NEVER_UPDATED));
    assertThat(listed(filter().type(ImageType.BASE).build())).containsExactlyElementsOf(ids(base));
  }

  /** type=snapshot lists snapshots, whatever the case of their image_type. */
  @Test
  void typeSnapshotListsSnapshotsInAnyCase() {
    assertThat(listed(filter().type(ImageType.SNAPSHOT).build()))
        .containsExactlyElementsOf(
            ids(List.of(WEB_SAVING, WEB_NIGHTLY, DAILY_DB_B, DAILY_DB_A, UPPER_CASE_TYPE, DAILY_WEB)));
  }

  /** minDisk matches exactly, not as a lower bound. */
  @Test
  void minDiskMatchesExactly() {
    assertThat(listed(filter().minDisk(40).build()))
        .containsExactlyElementsOf(ids(List.of(WINDOWS, WEB_SAVING, WEB_NIGHTLY, DAILY_WEB)));
    assertThat(listed(filter().minDisk(0).build())).containsExactly(IMPORTED.id());
    assertThat(listed(filter().minDisk(30).build())).isEmpty();
  }

  /** minRam matches exactly, not as a lower bound. */
  @Test
  void minRamMatchesExactly() {
    assertThat(listed(filter().minRam(2048).build())).containsExactly(WINDOWS.id());
    assertThat(listed(filter().minRam(1024).build()))
        .containsExactlyElementsOf(ids(List.of(DEBIAN, WEB_SAVING, WEB_NIGHTLY, DAILY_WEB)));
  }

  /** Every filter set at once lists the images that meet all of them. */
  @Test
  void everyFilterAtOnceListsTheImagesMeetingAll() {
    ImageFilter.Builder all =
        filter()
            .server(DB01)
            .name("Daily backup")
            .status(ImageStatus.ACTIVE)
            .type(ImageType.SNAPSHOT)
            .minDisk(80)
            .minRam(4096);
    assertThat(listed(all.changesSince(hour(9)).build())).containsExactly(DAILY_DB_B.id(), DAILY_DB_A.id());
    assertThat(listed(all.changesSince(hour(10)).build())).isEmpty();
    assertThat(listed(all.changesSince(hour(9)).minRam(1024).build())).isEmpty();
  }

  /** Filters combine with AND: an image is listed only when it meets every one. */
  @Test
  void filtersCombineWithAnd() {
    assertThat(listed(filter().type(ImageType.BASE).minRam(1024).build())).containsExactly(DEBIAN.id());
    assertThat(listed(filter().name("Daily backup").server(WEB01).build())).containsExactly(DAILY_WEB.id());
    assertThat(listed(filter().name(UBUNTU.name().orElseThrow()).type(ImageType.SNAPSHOT).build())).isEmpty();
  }

  /** The special names with the one image each names. */
  static Stream<Arguments> specialNames() {
    return SPECIAL_NAMES.stream().map(i -> Arguments.of(i.name().orElseThrow(), i.id()));
  }
}
