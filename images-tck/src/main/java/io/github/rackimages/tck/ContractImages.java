package io.github.rackimages.tck;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ServerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The hand-made catalogs of the contract, whose expected listings are written out by hand in the tests (so the
 * suite does not only mirror {@code ImageFilter.matches}). Ids are {@code 000000NN-0000-4000-8000-0000000000NN},
 * so their order is the order of {@code NN}; times are whole hours after {@link #T0}.
 */
final class ContractImages {

  /** Hour 0 of the zoo. */
  static final Instant T0 = Instant.parse("2024-05-01T00:00:00Z");

  static final ServerId WEB01 = TestImages.serverId(101);
  static final ServerId DB01 = TestImages.serverId(102);
  static final ServerId OTHER = TestImages.serverId(103);
  static final ServerId NO_SUCH_SERVER = TestImages.serverId(199);

  // Base images with names that break naive URL encoding; each decoy is what a wrong encoding would match.
  static final Image UBUNTU = named(1, "Ubuntu 24.04 LTS (Noble Numbat) & friends #1", 30);
  static final Image DEBIAN = base(2, "Débian ☃ 12", 29).minRam(1024).build();
  static final Image CPP = named(3, "C++ toolchain", 28);
  static final Image CPP_DECOY = named(4, "C   toolchain", 27);
  static final Image PERCENT = named(5, "100% pure", 26);
  static final Image PERCENT_DECOY = named(6, "100%25 pure", 25);
  static final Image EQUALS = named(7, "key=value", 24);
  static final Image AMPERSAND = named(8, "a&b=c", 23);
  static final Image AMPERSAND_DECOY = named(9, "a", 22);
  static final Image SLASH = named(10, "path/to/image", 21);
  static final Image QUESTION = named(11, "what? why?", 20);
  static final Image PADDED = named(12, "  padded  ", 19);
  static final Image PADDED_DECOY = named(13, "padded", 18);
  static final Image EMOJI = named(14, "📦 box", 17);
  static final Image CENTOS = named(15, "CentOS 7", 16);
  static final Image CENTOS_DECOY = named(16, "centos 7", 15);

  static final Image WINDOWS =
      base(20, "Windows Server 2022", 12)
          .minDisk(40)
          .minRam(2048)
          .metadata(ImageMetadata.ofStrings(Map.of("image_type", "Base", "os_type", "windows")))
          .build();
  static final Image RETIRED =
      base(21, "CentOS 6 (PVHVM)", 2).status(ImageStatus.DELETED).progress(0).updated(hour(40)).build();
  static final Image WEB_NIGHTLY = snapshot(22, "web01-nightly", WEB01, 10).build();
  static final Image WEB_SAVING =
      snapshot(23, "web01-saving", WEB01, 11).status(ImageStatus.SAVING).progress(50).size(null).build();
  static final Image WEB_DELETED =
      snapshot(24, "web01-deleted", WEB01, 5).status(ImageStatus.DELETED).progress(0).updated(hour(35)).build();
  static final Image WEB_FAILED =
      snapshot(25, "web01-failed", WEB01, 6).status(ImageStatus.ERROR).progress(0).build();
  static final Image DAILY_WEB = snapshot(26, "Daily backup", WEB01, 1).build();
  static final Image DAILY_DB_A = snapshot(27, "Daily backup", DB01, 9).minDisk(80).minRam(4096).build();
  static final Image DAILY_DB_B = snapshot(28, "Daily backup", DB01, 9).minDisk(80).minRam(4096).build();
  static final Image UPPER_CASE_TYPE =
      snapshot(29, "other-upper", OTHER, 8)
          .minDisk(20)
          .minRam(512)
          .metadata(ImageMetadata.ofStrings(Map.of("image_type", "SNAPSHOT", "instance_uuid", OTHER.value())))
          .build();
  static final Image IMPORTED =
      TestImages.builder(id(30), hour(7))
          .name("imported.qcow2")
          .updated(hour(7).plusSeconds(600))
          .minDisk(0)
          .minRam(0)
          .build();
  static final Image NAMELESS = base(31, null, 4).build();
  static final Image NEVER_UPDATED = base(32, "never updated", 3).updated(null).build();
  static final Image STUCK = base(33, "stuck", 13).status(ImageStatus.UNKNOWN).progress(0).build();

  /** The names that need encoding, each on exactly one zoo image. */
  static final List<Image> SPECIAL_NAMES =
      List.of(
          UBUNTU, DEBIAN, CPP, CPP_DECOY, PERCENT, PERCENT_DECOY, EQUALS, AMPERSAND, AMPERSAND_DECOY, SLASH,
          QUESTION, PADDED, PADDED_DECOY, EMOJI, CENTOS, CENTOS_DECOY);

  private ContractImages() {}

  /** Every zoo image, in id order (not the service's order). */
  static List<Image> zoo() {
    List<Image> all = new ArrayList<>(SPECIAL_NAMES);
    all.addAll(
        List.of(
            WINDOWS, RETIRED, WEB_NIGHTLY, WEB_SAVING, WEB_DELETED, WEB_FAILED, DAILY_WEB, DAILY_DB_A, DAILY_DB_B,
            UPPER_CASE_TYPE, IMPORTED, NAMELESS, NEVER_UPDATED, STUCK));
    return List.copyOf(all);
  }

  /** The zoo's default listing (ACTIVE and SAVING), written out in the service's order. */
  static List<Image> zooListedByDefault() {
    List<Image> listed = new ArrayList<>(SPECIAL_NAMES);
    listed.addAll(
        List.of(
            WINDOWS, WEB_SAVING, WEB_NIGHTLY, DAILY_DB_B, DAILY_DB_A, UPPER_CASE_TYPE, IMPORTED, NAMELESS,
            NEVER_UPDATED, DAILY_WEB));
    return List.copyOf(listed);
  }

  /** The whole zoo, DELETED, ERROR and UNKNOWN images included, written out in the service's order. */
  static List<Image> zooInServiceOrder() {
    List<Image> all = new ArrayList<>(SPECIAL_NAMES);
    all.addAll(
        List.of(
            STUCK, WINDOWS, WEB_SAVING, WEB_NIGHTLY, DAILY_DB_B, DAILY_DB_A, UPPER_CASE_TYPE, IMPORTED, WEB_FAILED,
            WEB_DELETED, NAMELESS, NEVER_UPDATED, RETIRED, DAILY_WEB));
    return List.copyOf(all);
  }

  /**
   * Images that tie on {@code created}, in the service's order: one newer, six that tie (so ordered by id,
   * descending), one older. Given in a scrambled order.
   */
  static List<Image> tiesInServiceOrder() {
    Instant tie = T0.plusSeconds(5_000);
    return List.of(
        plain("9a000000-0000-4000-8000-000000000001", tie.plusSeconds(1), tie.plusSeconds(1)),
        plain("f0e1d2c3-0000-4000-8000-000000000002", tie, tie.plusSeconds(10)),
        plain("c4d5e6f7-0000-4000-8000-000000000003", tie, tie.plusSeconds(900)),
        plain("a10e5b7c-0000-4000-8000-000000000004", tie, null),
        plain("7c1d2e3f-0000-4000-8000-000000000005", tie, tie.plusSeconds(5)),
        plain("3f2a8e10-0000-4000-8000-000000000006", tie, tie.plusSeconds(99_999)),
        plain("0b9f4c55-0000-4000-8000-000000000007", tie, tie),
        plain("ffffffff-0000-4000-8000-000000000008", tie.minusSeconds(1), tie.plusSeconds(100_000)));
  }

  /** The id of zoo image {@code n}. */
  static ImageId id(int n) {
    return ImageId.of(String.format(Locale.ROOT, "%08d-0000-4000-8000-%012d", n, n));
  }

  /** The instant {@code n} hours after {@link #T0}. */
  static Instant hour(int n) {
    return T0.plusSeconds(3_600L * n);
  }

  /** {@code count} ACTIVE images created one second apart, newest last in the list. */
  static List<Image> active(int count, String prefix) {
    List<Image> images = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ImageId imageId = TestImages.imageId(prefix + "/" + i);
      images.add(
          TestImages.builder(imageId, T0.plusSeconds(i))
              .name(prefix + " " + i)
              .metadata(ImageMetadata.ofStrings(Map.of("image_type", "base")))
              .build());
    }
    return List.copyOf(images);
  }

  private static Image named(int n, String name, int createdHour) {
    return base(n, name, createdHour).build();
  }

  private static Image.Builder base(int n, String name, int createdHour) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("image_type", "base");
    metadata.put("os_type", "linux");
    metadata.put("org.openstack__1__os_distro", "org.example");
    return TestImages.builder(id(n), hour(createdHour))
        .name(name)
        .updated(hour(createdHour).plusSeconds(1_800))
        .size(1_000_000_000L + n)
        .metadata(ImageMetadata.ofStrings(metadata));
  }

  private static Image.Builder snapshot(int n, String name, ServerId server, int createdHour) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("image_type", "snapshot");
    metadata.put("instance_uuid", server.value());
    metadata.put("user_id", "10041234");
    return TestImages.builder(id(n), hour(createdHour))
        .name(name)
        .updated(hour(createdHour).plusSeconds(600))
        .minDisk(40)
        .minRam(1024)
        .size(500_000_000L + n)
        .server(TestImages.serverReference(server))
        .metadata(ImageMetadata.ofStrings(metadata));
  }

  private static Image plain(String id, Instant created, Instant updated) {
    return TestImages.builder(ImageId.of(id), created).name("tie " + id.substring(0, 8)).updated(updated).build();
  }
}
