package io.github.rackimages.tck;

import static io.github.rackimages.tck.ContractImages.hour;
import static io.github.rackimages.tck.ContractImages.id;
import static io.github.rackimages.tck.ContractSupport.BEFORE_ALL;
import static io.github.rackimages.tck.ContractSupport.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.PageRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The filters as Nova hands them to glance: {@code status} compared with the glance status (so SAVING is not
 * {@code queued}, and ERROR and UNKNOWN match nothing), values never trimmed, and {@code property-<key>} filters
 * matched exactly against the metadata. Runs as {@code ImageCatalogContract.ServiceFilters}; the expected listings
 * are written out by hand, in the service's order.
 */
abstract class ServiceFiltersContract extends ContractTopic {

  // Glance queued (SAVING at 25%) and saving (SAVING at 50%), active, killed (ERROR) and deleted images.
  static final Image QUEUED = image(51, 9, "snapshot", Map.of("os_type", "linux")).status(ImageStatus.SAVING)
      .progress(25).size(null).build();
  static final Image SAVING = image(52, 8, "snapshot", Map.of("os_type", "linux")).status(ImageStatus.SAVING)
      .progress(50).size(null).build();
  static final Image WINDOWS = image(53, 7, "base", Map.of("os_type", "windows", "os_distro", "windows")).build();
  static final Image LINUX = image(54, 6, "base", Map.of("os_type", "linux", "os_distro", "ubuntu")).build();
  static final Image ODD_VALUES =
      image(55, 5, " base", Map.of("os_type", "Linux", "tag", "a&b=c #1", "org.openstack__1__os_distro", "com.x"))
          .build();
  static final Image KILLED =
      image(56, 4, "snapshot", Map.of("os_type", "linux")).status(ImageStatus.ERROR).progress(0).size(null).build();
  static final Image DELETED =
      image(57, 3, "base", Map.of("os_type", "linux")).status(ImageStatus.DELETED).progress(0).updated(hour(30))
          .build();

  private static final List<Image> IMAGES = List.of(QUEUED, SAVING, WINDOWS, LINUX, ODD_VALUES, KILLED, DELETED);

  private final ImageCatalog catalog = catalogOf(IMAGES);

  ServiceFiltersContract(ImageCatalogContract suite) {
    super(suite);
  }

  private List<ImageId> listed(ImageFilter filter) {
    return ids(catalog.list(filter, PageRequest.first(100)).items());
  }

  private static ImageFilter.Builder filter() {
    return ImageFilter.builder();
  }

  /** status=SAVING lists the images glance calls {@code saving} (50%), not the {@code queued} ones (25%). */
  @Test
  void savingListsOnlyGlancesSavingNotQueued() {
    assertThat(listed(filter().status(ImageStatus.SAVING).build())).containsExactly(SAVING.id());
  }

  /** status=queued lists the SAVING images at 25%. */
  @Test
  void queuedListsTheImagesStillQueued() {
    assertThat(listed(filter().glanceStatus("queued").build())).containsExactly(QUEUED.id());
  }

  /** status=ACTIVE and status=active list the same: Nova lower-cases the value. */
  @Test
  void activeInAnyCaseListsActiveImages() {
    List<ImageId> active = List.of(WINDOWS.id(), LINUX.id(), ODD_VALUES.id());
    assertThat(listed(filter().status(ImageStatus.ACTIVE).build())).containsExactlyElementsOf(active);
    assertThat(listed(filter().glanceStatus("ACTIVE").build())).containsExactlyElementsOf(active);
    assertThat(listed(filter().glanceStatus("Active").build())).containsExactlyElementsOf(active);
  }

  /** status=ERROR, UNKNOWN or any text glance does not use lists nothing, even with changes-since. */
  @ParameterizedTest(name = "[{index}] status \"{0}\"")
  @ValueSource(strings = {"ERROR", "error", "UNKNOWN", "pending", "saving,active"})
  void aStatusGlanceDoesNotUseListsNothing(String status) {
    assertThat(listed(filter().glanceStatus(status).build())).isEmpty();
    assertThat(listed(filter().glanceStatus(status).changesSince(BEFORE_ALL).build())).isEmpty();
  }

  /** status=killed lists the images shown as ERROR, with changes-since only (killed images are hidden otherwise). */
  @Test
  void killedListsErrorImagesWithChangesSince() {
    assertThat(listed(filter().glanceStatus("killed").changesSince(BEFORE_ALL).build()))
        .containsExactly(KILLED.id());
    assertThat(listed(filter().glanceStatus("killed").build())).isEmpty();
  }

  /** status=DELETED lists the deleted images, with changes-since only. */
  @Test
  void deletedListsDeletedImagesWithChangesSince() {
    assertThat(listed(filter().status(ImageStatus.DELETED).changesSince(BEFORE_ALL).build()))
        .containsExactly(DELETED.id());
    assertThat(listed(filter().status(ImageStatus.DELETED).build())).isEmpty();
  }

  /** A status is not trimmed: " active" and "active " list nothing. */
  @ParameterizedTest(name = "[{index}] status \"{0}\"")
  @ValueSource(strings = {" active", "active ", "\tactive"})
  void aStatusIsNotTrimmed(String status) {
    assertThat(listed(filter().glanceStatus(status).build())).isEmpty();
  }

  /** type=base does not match an image_type of " base": values are not trimmed. */
  @Test
  void theTypeIsNotTrimmed() {
    assertThat(listed(filter().type(ImageType.BASE).build())).containsExactly(WINDOWS.id(), LINUX.id());
    assertThat(listed(filter().property("image_type", " base").build())).containsExactly(ODD_VALUES.id());
  }

  /** property-os_type=linux lists the listed images whose metadata os_type is exactly linux. */
  @Test
  void aPropertyMatchesTheMetadataExactly() {
    assertThat(listed(filter().property("os_type", "linux").build()))
        .containsExactly(QUEUED.id(), SAVING.id(), LINUX.id());
    assertThat(listed(filter().property("os_type", "Linux").build())).containsExactly(ODD_VALUES.id());
    assertThat(listed(filter().property("os_type", "linux ").build())).isEmpty();
    assertThat(listed(filter().property("no_such_key", "linux").build())).isEmpty();
  }

  /** Several properties are ANDed, and combine with the other filters. */
  @Test
  void propertiesAreAndedWithEachOtherAndWithTheOtherFilters() {
    assertThat(listed(filter().property("os_type", "linux").property("os_distro", "ubuntu").build()))
        .containsExactly(LINUX.id());
    assertThat(listed(filter().property("os_type", "windows").property("os_distro", "ubuntu").build())).isEmpty();
    assertThat(listed(filter().property("os_type", "linux").status(ImageStatus.SAVING).build()))
        .containsExactly(SAVING.id());
    assertThat(listed(filter().property("os_type", "linux").changesSince(BEFORE_ALL).build()))
        .containsExactly(QUEUED.id(), SAVING.id(), LINUX.id(), KILLED.id(), DELETED.id());
  }

  /** Keys and values that need encoding on the wire (dots, {@code &}, {@code =}, {@code #}, spaces) match exactly. */
  @Test
  void propertiesThatNeedEncodingMatch() {
    assertThat(listed(filter().property("tag", "a&b=c #1").build())).containsExactly(ODD_VALUES.id());
    assertThat(listed(filter().property("tag", "a").build())).isEmpty();
    assertThat(listed(filter().property("org.openstack__1__os_distro", "com.x").build()))
        .containsExactly(ODD_VALUES.id());
  }

  private static Image.Builder image(int n, int createdHour, String type, Map<String, String> more) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("image_type", type);
    metadata.putAll(new TreeMap<>(more));
    return TestImages.builder(id(n), hour(createdHour))
        .name("service filters " + n)
        .updated(hour(createdHour).plusSeconds(600))
        .size(2_000_000_000L + n)
        .metadata(ImageMetadata.ofStrings(metadata));
  }
}
