package io.github.rackimages.fake;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.ServerId;
import io.github.rackimages.core.ServerReference;
import io.github.rackimages.fake.OsSpec.Flavor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Generates image i of a seeded catalog ({@link SampleCatalogs#generated(int, long)}) from (seed, i) alone, so that
 * images can be made in any order and in parallel; the base images come from {@link RackspaceSample}.
 */
final class CatalogGenerator {
  private static final int SERVERS = 1000;
  private static final String[] ROLES = {"web", "app", "db", "cache", "build", "api", "worker", "win"};

  private static final String[] BASE_NAMES_FOR_SERVERS = {
    "Ubuntu 24.04 LTS (Noble Numbat)",
    "Ubuntu 22.04 LTS (Jammy Jellyfish)",
    "Debian 12 (Bookworm)",
    "Rocky Linux 9",
    "Windows Server 2022 Standard",
    "CentOS Stream 9",
    "AlmaLinux 9",
    "Fedora 41",
    "Windows Server 2019 Standard",
  };

  private final long seed;
  private final List<Image> templates;
  private final GeneratedServer[] servers = new GeneratedServer[SERVERS];

  CatalogGenerator(long seed) {
    this.seed = seed;
    List<Image> bases = new ArrayList<>();
    for (Image image : RackspaceSample.IMAGES) {
      if (image.type().equals(Optional.of(ImageType.BASE)) && image.status() == ImageStatus.ACTIVE) {
        bases.add(image);
      }
    }
    this.templates = List.copyOf(bases);
    Map<String, Image> baseByName = new LinkedHashMap<>();
    for (Image image : templates) {
      baseByName.put(image.name().orElseThrow(), image);
    }
    Flavor[] flavors = {Flavor.GENERAL1_1, Flavor.GENERAL1_2, Flavor.GENERAL1_4, Flavor.COMPUTE1_8,
        Flavor.MEMORY1_15};
    for (int k = 0; k < SERVERS; k++) {
      long h = mix(seed ^ 0x5EED_5E4E_0000_0000L ^ k);
      String role = ROLES[k % ROLES.length];
      String baseName =
          role.equals("win")
              ? (h & 1) == 0 ? "Windows Server 2022 Standard" : "Windows Server 2019 Standard"
              : BASE_NAMES_FOR_SERVERS[(int) Long.remainderUnsigned(h >>> 1, 4)];
      Image base = baseByName.get(baseName);
      OsSpec os = OsSpec.infer(baseName).withMinimums(base.minDisk(), base.minRam());
      Flavor flavor = flavors[(int) Long.remainderUnsigned(h >>> 8, flavors.length)];
      ServerId id = ServerId.of(uuid(mix(h), mix(h + 1)));
      String hostname = role + String.format("-%04d", k);
      servers[k] =
          new GeneratedServer(
              hostname,
              FakeImages.serverReference(id),
              base.size().orElse(0),
              Math.max(base.minDisk(), flavor.diskGb()),
              base.minRam(),
              os.snapshotMetadata(id.value(), base.id().value(), FakeImages.USER_ID, flavor, false),
              os.snapshotMetadata(id.value(), base.id().value(), FakeImages.USER_ID, flavor, true));
    }
  }

  Image image(int i) {
    long h = mix(seed + 0x9E37_79B9_7F4A_7C15L * (i + 1L));
    long h2 = mix(h ^ 0x1L);
    long h3 = mix(h ^ 0x2L);
    // 60 s per index plus 0..59 s: strictly decreasing, so the list is in service order by creation alone.
    Instant created = SampleCatalogs.GENERATED_UNTIL.minusSeconds(60L * (i + 1) + Long.remainderUnsigned(h >>> 20, 60));
    ImageId id = ImageId.of(uuid(h2, h3));
    int kind = (int) Long.remainderUnsigned(h >>> 7, 100);
    if (kind < 6) {
      Image template = templates.get((int) Long.remainderUnsigned(h3 >>> 3, templates.size()));
      return Image.builder(id, created)
          .name(template.name().orElseThrow())
          .updated(created.plusSeconds(300))
          .minDisk(template.minDisk())
          .minRam(template.minRam())
          .size(template.size().orElse(0))
          .diskConfig(template.diskConfig().orElse(null))
          .links(FakeImages.imageLinks(id))
          .metadata(template.metadata())
          .build();
    }
    GeneratedServer server = servers[(int) Long.remainderUnsigned(h2 >>> 5, SERVERS)];
    boolean scheduled = kind < 50 || (kind >= 91 && kind < 97);
    String name =
        scheduled
            ? "Daily-" + server.hostname + "-" + created.getEpochSecond()
            : server.hostname + "-backup-" + created.getEpochSecond();
    Image.Builder b =
        FakeImages.snapshot(
            id,
            server.reference,
            name,
            created,
            server.baseSize + Long.remainderUnsigned(h3, 1L << 30),
            server.minDisk,
            server.minRam,
            scheduled ? server.scheduledMetadata : server.manualMetadata);
    if (kind >= 87 && kind < 91) {
      b.status(ImageStatus.SAVING).progress((h & 1) == 0 ? 25 : 50).size(null).updated(created);
    } else if (kind >= 91 && kind < 97) {
      // Scheduled images rotated out after a week.
      b.status(ImageStatus.DELETED).progress(0).updated(created.plusSeconds(7L * 86_400L));
    } else if (kind >= 97) {
      b.status(ImageStatus.ERROR).progress(0).size(null).updated(created.plusSeconds(60));
    }
    return b.build();
  }

  private static String uuid(long msb, long lsb) {
    // Version 4, IETF variant: indistinguishable from the ids the service assigns.
    return new UUID((msb & ~0xF000L) | 0x4000L, (lsb & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L)
        .toString();
  }

  /** SplitMix64's finaliser: spreads the bits of a counter into a well-mixed 64-bit value. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
    return z ^ (z >>> 31);
  }

  private record GeneratedServer(
      String hostname,
      ServerReference reference,
      long baseSize,
      int minDisk,
      int minRam,
      ImageMetadata manualMetadata,
      ImageMetadata scheduledMetadata) {}
}
