package io.github.rackimages.fake;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ServerId;
import io.github.rackimages.fake.OsSpec.Flavor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sample account behind {@link SampleCatalogs#rackspace()}: its 38 base images and the 22 snapshots of its six
 * servers, written out as data. Every id is derived from names and instants, so the sample is the same in every run.
 */
final class RackspaceSample {

  /** The sample in service order, built on first use of this class. */
  static final List<Image> IMAGES = List.copyOf(buildRackspace());

  private RackspaceSample() {}

  /** Base images of the sample: name, OS, created. */
  private record BaseEntry(String name, OsSpec os, Instant created, int minutesToUpdate) {}

  private static List<BaseEntry> baseEntries() {
    List<BaseEntry> e = new ArrayList<>();
    // Linux: Rackspace names, PVHVM images with auto_disk_config disabled unless noted.
    e.add(linux("Ubuntu 24.04 LTS (Noble Numbat)", "ubuntu", "com.ubuntu", "24.04", 1_318_936_576L, "1200",
        "True", "2025-06-02T14:11:07Z"));
    e.add(linux("Ubuntu 22.04 LTS (Jammy Jellyfish)", "ubuntu", "com.ubuntu", "22.04", 1_180_237_824L, "1150",
        "True", "2025-06-02T13:52:41Z"));
    e.add(linux("Ubuntu 20.04 LTS (Focal Fossa)", "ubuntu", "com.ubuntu", "20.04", 1_021_310_976L, "1100",
        "disabled", "2025-06-02T13:30:15Z"));
    e.add(linux("Debian 13 (Trixie)", "debian", "org.debian", "13", 903_847_936L, "330", "True",
        "2025-06-16T09:20:33Z"));
    e.add(linux("Debian 12 (Bookworm)", "debian", "org.debian", "12", 881_524_224L, "320", "True",
        "2025-05-20T10:02:49Z"));
    e.add(linux("Debian 11 (Bullseye)", "debian", "org.debian", "11", 790_429_184L, "310", "disabled",
        "2025-05-20T09:41:12Z"));
    e.add(linux("Debian Unstable (Sid)", "debian", "org.debian", "unstable", 925_892_608L, "303", "disabled",
        "2025-06-23T08:15:02Z"));
    e.add(linux("CentOS Stream 10", "centos", "org.centos", "10", 1_142_947_840L, "240", "disabled",
        "2025-04-08T16:40:19Z"));
    e.add(linux("CentOS Stream 9", "centos", "org.centos", "9", 1_096_810_496L, "230", "disabled",
        "2025-04-08T16:22:51Z"));
    e.add(linux("Rocky Linux 9", "rocky", "org.rockylinux", "9.5", 1_073_741_824L, "260", "False",
        "2025-03-11T12:05:44Z"));
    e.add(linux("Rocky Linux 8", "rocky", "org.rockylinux", "8.10", 1_002_438_656L, "250", "False",
        "2025-03-11T11:47:30Z"));
    e.add(linux("AlmaLinux 9", "almalinux", "org.almalinux", "9.5", 1_061_158_912L, "280", "False",
        "2025-03-12T10:15:09Z"));
    e.add(linux("AlmaLinux 8", "almalinux", "org.almalinux", "8.10", 994_050_048L, "270", "False",
        "2025-03-12T09:58:27Z"));
    e.add(rhel("Red Hat Enterprise Linux 9", "9.5", 1_203_765_248L, "210", "2025-02-25T15:31:00Z"));
    e.add(rhel("Red Hat Enterprise Linux 8", "8.10", 1_148_190_720L, "200", "2025-02-25T15:02:36Z"));
    e.add(linux("Fedora 41", "fedora", "org.fedoraproject", "41", 752_877_568L, "441", "disabled",
        "2024-11-05T18:44:13Z"));
    e.add(linux("Fedora 40", "fedora", "org.fedoraproject", "40", 731_906_048L, "440", "disabled",
        "2024-04-23T17:20:58Z"));
    e.add(linux("openSUSE Leap 15.6", "opensuse", "org.opensuse", "15.6", 686_817_280L, "615", "disabled",
        "2024-06-18T13:09:41Z"));
    e.add(linux("openSUSE Tumbleweed", "opensuse", "org.opensuse", "tumbleweed", 711_983_104L, "699",
        "disabled", "2025-06-24T06:30:12Z"));
    e.add(linux("Arch 2025.06 (PVHVM)", "arch", "org.archlinux", "2025.06", 849_346_560L, "702", "disabled",
        "2025-06-01T21:35:54Z"));
    e.add(linux("Gentoo 2025.06 (PVHVM)", "gentoo", "org.gentoo", "2025.06", 1_331_691_520L, "801",
        "disabled", "2025-06-03T01:12:57Z"));
    e.add(linux("FreeBSD 14.2", "freebsd", "org.freebsd", "14.2", 1_034_944_512L, "514", "disabled",
        "2025-01-07T21:45:13Z"));
    e.add(linux("FreeBSD 13.4", "freebsd", "org.freebsd", "13.4", 985_661_440L, "513", "disabled",
        "2024-09-24T20:02:31Z"));
    OsSpec onMetal =
        OsSpec.linux("ubuntu", "com.ubuntu", "24.04", 1_437_597_696L, "1201")
            .withAutoDiskConfig("disabled", "metal", "onmetal")
            .withMinimums(32, 512);
    e.add(new BaseEntry(
        "OnMetal - Ubuntu 24.04 LTS (Noble Numbat)", onMetal, Instant.parse("2025-06-02T15:03:26Z"), 9));
    OsSpec ipxe =
        OsSpec.linux(null, "boot.rax", "1.0", 1_310_720L, "10")
            .withAutoDiskConfig("False", "hvm", "*,!onmetal")
            .withMinimums(0, 0);
    e.add(new BaseEntry("iPXE Boot (boot.rackspace.com)", ipxe, Instant.parse("2023-07-19T21:36:09Z"), 1));
    // Windows Server: 40 GB disks, more RAM with SQL Server, no vm_mode or os_distro.
    e.add(windows("Windows Server 2025 Standard", "2025.0", 1024, 13_958_643_712L, "4500", "2025-06-10T19:12:40Z"));
    e.add(windows("Windows Server 2022 Standard", "2022.0", 1024, 12_348_030_976L, "4400", "2025-06-10T17:43:05Z"));
    e.add(windows("Windows Server 2019 Standard", "2019.0", 1024, 11_274_289_152L, "4300", "2025-06-10T16:20:19Z"));
    e.add(windows("Windows Server 2016 Standard", "2016.0", 1024, 10_737_418_240L, "4200", "2025-06-10T15:02:57Z"));
    e.add(windows("Windows Server 2025 + SQL Server 2022 Standard", "2025.0", 4096, 21_474_836_480L, "4510",
        "2025-06-11T09:41:22Z"));
    e.add(windows("Windows Server 2022 + SQL Server 2022 Standard", "2022.0", 4096, 20_401_094_656L, "4410",
        "2025-06-11T08:12:48Z"));
    e.add(windows("Windows Server 2022 + SQL Server 2022 Web", "2022.0", 2048, 19_864_223_744L, "4411",
        "2025-06-11T07:55:03Z"));
    e.add(windows("Windows Server 2019 + SQL Server 2019 Standard", "2019.0", 4096, 18_790_481_920L, "4310",
        "2025-06-11T06:30:36Z"));
    e.add(windows("Windows Server 2019 + SQL Server 2019 Web", "2019.0", 2048, 18_253_611_008L, "4311",
        "2025-06-11T06:02:14Z"));
    e.add(windows("Windows Server 2016 + SQL Server 2017 Standard", "2016.0", 4096, 17_179_869_184L, "4210",
        "2025-06-11T04:48:51Z"));
    e.add(windows("Windows Server 2016 + SQL Server 2016 SP3 Web", "2016.0", 2048, 16_642_998_272L, "4211",
        "2025-06-11T04:20:09Z"));
    OsSpec bare =
        OsSpec.windows("2022.0", 9_663_676_416L, "4401").withAutoDiskConfig("False", null, "*,!onmetal");
    e.add(new BaseEntry(
        "Windows Server 2022 Standard (base install without updates)", bare,
        Instant.parse("2024-10-16T19:16:22Z"), 33));
    return e;
  }

  private static List<Image> buildRackspace() {
    List<Image> images = new ArrayList<>();
    Map<String, Image> baseByName = new LinkedHashMap<>();
    Map<String, OsSpec> osByName = new LinkedHashMap<>();
    for (BaseEntry entry : baseEntries()) {
      Image image =
          FakeImages.base(entry.name(), entry.os(), entry.created(), entry.created().plusSeconds(60L * entry.minutesToUpdate()))
              .build();
      images.add(image);
      baseByName.put(entry.name(), image);
      osByName.put(entry.name(), entry.os());
    }
    // A retired base image: the service keeps it as DELETED, visible with changes-since only.
    Image fedora39 =
        FakeImages.base(
                "Fedora 39",
                OsSpec.linux("fedora", "org.fedoraproject", "39", 716_177_408L, "439"),
                Instant.parse("2023-11-07T17:02:44Z"),
                Instant.parse("2023-11-07T17:09:10Z"))
            .build();
    images.add(FakeImages.deleted(fedora39, Instant.parse("2025-05-28T12:00:00Z")));

    Servers s = new Servers(baseByName, osByName);
    ServerSpec web01 = s.server("web01", "Ubuntu 24.04 LTS (Noble Numbat)", Flavor.GENERAL1_2);
    ServerSpec web02 = s.server("web02", "Ubuntu 22.04 LTS (Jammy Jellyfish)", Flavor.GENERAL1_1);
    ServerSpec db01 = s.server("db01", "Debian 12 (Bookworm)", Flavor.MEMORY1_15);
    ServerSpec build01 = s.server("build01", "Rocky Linux 9", Flavor.COMPUTE1_8);
    ServerSpec winapp01 = s.server("winapp01", "Windows Server 2022 Standard", Flavor.GENERAL1_4);
    ServerSpec legacy01 = s.server("legacy01", "CentOS Stream 9", Flavor.GENERAL1_1);

    // web01: five daily scheduled images (03:00 UTC) plus one rotated out, and a manual one.
    long[] web01Sizes = {2_231_369_728L, 2_229_272_576L, 2_226_126_848L, 2_224_029_696L, 2_219_835_392L};
    for (int day = 0; day < 5; day++) {
      Instant at = Instant.parse("2025-06-29T03:00:17Z").minusSeconds(86_400L * day).plusSeconds(3L * day);
      images.add(web01.scheduled("Daily", at, web01Sizes[day]).build());
    }
    Image rotated = web01.scheduled("Daily", Instant.parse("2025-06-24T03:00:22Z"), 2_217_738_240L).build();
    images.add(FakeImages.deleted(rotated, Instant.parse("2025-06-29T03:05:40Z")));
    images.add(web01.manual("web01-before-php-upgrade", Instant.parse("2025-06-12T22:41:05Z"), 2_103_443_456L)
        .build());

    // web02: a golden image, a failed nightly (killed) and a deleted old build.
    images.add(web02.manual("web02-golden", Instant.parse("2025-05-30T10:14:51Z"), 1_895_825_408L).build());
    images.add(web02.manual("web02-nightly", Instant.parse("2025-06-27T02:00:44Z"), 0L)
        .status(ImageStatus.ERROR).progress(0).size(null)
        .updated(Instant.parse("2025-06-27T02:03:12Z")).build());
    Image oldBuild = web02.manual("web02-old-build", Instant.parse("2025-02-03T16:20:00Z"), 1_790_967_808L).build();
    images.add(FakeImages.deleted(oldBuild, Instant.parse("2025-06-20T09:30:00Z")));

    // db01: weekly scheduled images, a manual one, and one still saving.
    long[] db01Sizes = {48_318_382_080L, 47_781_511_168L, 47_244_640_256L};
    for (int week = 0; week < 3; week++) {
      Instant at = Instant.parse("2025-06-22T04:00:09Z").minusSeconds(7L * 86_400L * week);
      images.add(db01.scheduled("Weekly", at, db01Sizes[week]).build());
    }
    images.add(db01.manual("db01-pre-migration", Instant.parse("2025-06-18T20:05:33Z"), 47_513_075_712L).build());
    images.add(db01.manual("db01-pre-migration-2", Instant.parse("2025-06-29T21:14:02Z"), 0L)
        .status(ImageStatus.SAVING).progress(50).size(null)
        .updated(Instant.parse("2025-06-29T21:14:02Z")).build());

    // build01: a golden image and its successor, queued.
    images.add(build01.manual("build01-golden-image", Instant.parse("2025-06-05T13:37:00Z"), 5_368_709_120L)
        .build());
    images.add(build01.manual("build01-golden-image-v2", Instant.parse("2025-06-29T22:02:45Z"), 0L)
        .status(ImageStatus.SAVING).progress(25).size(null)
        .updated(Instant.parse("2025-06-29T22:02:45Z")).build());

    // winapp01: a baseline, two daily scheduled images and a failed pre-patch snapshot.
    images.add(winapp01.manual("winapp01-baseline", Instant.parse("2025-06-14T11:00:31Z"), 14_495_514_624L)
        .build());
    images.add(winapp01.scheduled("Daily", Instant.parse("2025-06-29T05:00:12Z"), 15_032_385_536L).build());
    images.add(winapp01.scheduled("Daily", Instant.parse("2025-06-28T05:00:09Z"), 15_011_413_504L).build());
    images.add(winapp01.manual("winapp01-pre-patch", Instant.parse("2025-06-25T23:45:00Z"), 0L)
        .status(ImageStatus.ERROR).progress(0).size(null)
        .updated(Instant.parse("2025-06-25T23:58:19Z")).build());

    // legacy01 is long gone; a snapshot of it is still shared with another account.
    images.add(legacy01.manual("shared-image-do-not-delete", Instant.parse("2024-12-04T18:00:55Z"), 2_847_932_416L)
        .build());

    images.sort(Image.serviceOrder());
    return images;
  }

  private static BaseEntry linux(
      String name, String distro, String org, String version, long size, String releaseId, String autoDiskConfig,
      String created) {
    OsSpec os = OsSpec.linux(distro, org, version, size, releaseId);
    if (!autoDiskConfig.equals("disabled")) {
      // Images that can resize their partition are the older PV-style builds, open to every flavor class.
      os = os.withAutoDiskConfig(autoDiskConfig, "hvm", "*,!io1,!memory1,!compute1,!onmetal");
    }
    boolean shown = name.startsWith("Ubuntu 24.04") || name.startsWith("Debian 12") || name.startsWith("Rocky Linux 9");
    os = os.withRelease(Integer.toString(Math.floorMod(releaseId.hashCode(), 20) + 1), "0", shown);
    return new BaseEntry(name, os, Instant.parse(created), 4 + Math.floorMod(name.hashCode(), 9));
  }

  private static BaseEntry rhel(String name, String version, long size, String releaseId, String created) {
    OsSpec os =
        new OsSpec(
            "linux", "rhel", "com.redhat", version, "disabled", "hvm", OsSpec.ON_ALL_BUT_ONMETAL, 20, 1024, size,
            releaseId, "6", "4", "redhat", false);
    return new BaseEntry(name, os, Instant.parse(created), 7);
  }

  private static BaseEntry windows(
      String name, String version, int minRam, long size, String releaseId, String created) {
    OsSpec os =
        OsSpec.windows(version, size, releaseId)
            .withMinimums(40, minRam)
            .withRelease("19", name.contains("SQL") ? "12" : "0", !name.contains("SQL"));
    return new BaseEntry(name, os, Instant.parse(created), 20 + Math.floorMod(name.hashCode(), 25));
  }

  /** The sample's servers. */
  private record Servers(Map<String, Image> baseByName, Map<String, OsSpec> osByName) {

    ServerSpec server(String hostname, String baseName, Flavor flavor) {
      return new ServerSpec(
          hostname, FakeImages.serverIdFor(hostname), baseByName.get(baseName), osByName.get(baseName), flavor);
    }
  }

  /** A server of the sample and how its snapshots look. */
  private record ServerSpec(String hostname, ServerId id, Image base, OsSpec os, Flavor flavor) {

    Image.Builder scheduled(String schedule, Instant created, long size) {
      return snapshot(schedule + "-" + hostname + "-" + created.getEpochSecond(), created, size, true);
    }

    Image.Builder manual(String name, Instant created, long size) {
      return snapshot(name, created, size, false);
    }

    private Image.Builder snapshot(String name, Instant created, long size, boolean scheduled) {
      ImageId imageId = ImageId.of(FakeImages.uuid("sample\n" + id.value() + "\n" + name + "\n" + created));
      ImageMetadata metadata =
          os.snapshotMetadata(id.value(), base.id().value(), FakeImages.USER_ID, flavor, scheduled);
      return FakeImages.snapshot(
          imageId,
          FakeImages.serverReference(id),
          name,
          created,
          size,
          Math.max(os.minDisk(), flavor.diskGb()),
          os.minRam(),
          metadata);
    }
  }
}
