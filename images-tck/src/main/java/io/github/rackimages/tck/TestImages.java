package io.github.rackimages.tck;

import io.github.rackimages.core.AttributeValue;
import io.github.rackimages.core.DiskConfig;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.Link;
import io.github.rackimages.core.ServerId;
import io.github.rackimages.core.ServerReference;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

/**
 * Realistic, deterministic test images shaped like the ones Rackspace Cloud Servers reports: UUID ids derived
 * from a seed, base images with {@code image_type=base} and Rackspace's metadata keys, snapshots with a
 * {@code server} reference and {@code instance_uuid} metadata, every status, null names and absent fields.
 * The same arguments always give equal images, on any JVM, so a failing test can be replayed.
 *
 * <pre>{@code
 * List<Image> images = new ArrayList<>(TestImages.many(200, 42L));
 * images.add(TestImages.base(1));
 * images.add(TestImages.snapshotOf(TestImages.serverId(7), 1));
 * images.add(TestImages.builder(TestImages.imageId("mine"), TestImages.EPOCH).name("my image").build());
 * ImageCatalog catalog = myAdapterHolding(images);
 * }</pre>
 *
 * <p>The images follow the service's own rules, so that an adapter that renders them as JSON can read them back
 * unchanged: every instant is a whole second (the service writes {@code YYYY-MM-DDThh:mm:ssZ}), a snapshot's
 * {@code server} id equals its {@code instance_uuid} metadata, and a disk config is present exactly when the
 * metadata holds {@code auto_disk_config}.
 *
 * @since 1.0
 *
 * <p>Over 300 lines because it is data: every realistic shape an adapter meets (base images, snapshots, odd
 * metadata, edge cases) is built here, for every adapter's tests to share.
 */
public final class TestImages {

  /** The instant the generated images are created after: {@code 2015-03-01T00:00:00Z}. */
  public static final Instant EPOCH = Instant.parse("2015-03-01T00:00:00Z");

  /** The tenant (account number) in every generated link. */
  public static final String TENANT = "820712";

  /** The versioned endpoint the generated {@code self} links point into. */
  public static final URI ENDPOINT = URI.create("https://dfw.servers.api.rackspacecloud.com/v2/" + TENANT);

  /** How many servers {@link #many(int, long)} makes snapshots of: {@code serverId(1)} to this one. */
  public static final int SERVERS_IN_MANY = 6;

  /** The most images {@link #many(int, long)} makes. */
  public static final int MAX_MANY = 100_000;

  private static final String BOOKMARK_BASE = "https://dfw.servers.api.rackspacecloud.com/" + TENANT;

  private static final String ALTERNATE_TYPE = "application/vnd.openstack.image";

  /** Base images as Rackspace named them: name, os_type, os_distro, os_version, minDisk, minRam. */
  private static final String[][] DISTROS = {
    {"Ubuntu 14.04 LTS (Trusty Tahr) (PVHVM)", "linux", "com.ubuntu", "14.04", "20", "512"},
    {"CentOS 7 (PVHVM)", "linux", "org.centos", "7", "20", "512"},
    {"Debian 8 (Jessie) (PVHVM)", "linux", "org.debian", "8", "20", "512"},
    {"Fedora 21 (PVHVM)", "linux", "org.fedoraproject", "21", "20", "512"},
    {"Windows Server 2012 R2", "windows", "com.microsoft.server", "2012.2", "40", "1024"},
    {"Red Hat Enterprise Linux 7 (PVHVM)", "linux", "com.redhat", "7", "20", "512"},
    {"Scientific Linux 6 (PVHVM)", "linux", "org.scientificlinux", "6", "20", "512"},
    {"OnMetal - CoreOS (Stable)", "linux", "com.coreos", "stable", "32", "0"},
    {"FreeBSD 10 (PVHVM)", "linux", "org.freebsd", "10", "20", "512"},
    {"Gentoo 14.3 (PVHVM)", "linux", "org.gentoo", "14.3", "20", "512"},
    {"Arch 2015.7 (PVHVM)", "linux", "org.archlinux", "2015.7", "20", "512"},
    {"Vyatta Network OS 6.7R9", "linux", "com.vyatta", "6.7", "20", "1024"},
  };

  /** Names users give snapshots; repeated on purpose, so that name filters match several images. */
  private static final String[] SNAPSHOT_NAMES = {
    "pre-upgrade", "web backup", "golden image", "Daily backup", "before migration", "app & db #2"
  };

  private static final String[] AUTO_DISK_CONFIG = {"True", "False", "disabled"};

  private TestImages() {}

  /**
   * A UUID-shaped image id derived from a seed text: the same text always gives the same id.
   *
   * @throws NullPointerException if {@code seed} is null
   */
  public static ImageId imageId(String seed) {
    return ImageId.of(uuid("image:" + Objects.requireNonNull(seed, "seed")));
  }

  /** The id of the {@code n}th image made from {@code seed}, as {@link #many(int, long)} assigns them. */
  public static ImageId imageId(long seed, int n) {
    return imageId(seed + "/" + n);
  }

  /**
   * A UUID-shaped server id: the same number always gives the same id.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public static ServerId serverId(int n) {
    requireNotNegative(n, "server number");
    return ServerId.of(uuid("server:" + n));
  }

  /**
   * The versioned URL of a server, as a {@code server} filter may give it.
   *
   * @throws NullPointerException if {@code id} is null
   */
  public static URI serverUrl(ServerId id) {
    return URI.create(ENDPOINT + "/servers/" + segment(Objects.requireNonNull(id, "server id").value()));
  }

  /**
   * A snapshot's reference to its server, with the {@code self} and {@code bookmark} links the service sends.
   *
   * @throws NullPointerException if {@code id} is null
   */
  public static ServerReference serverReference(ServerId id) {
    Objects.requireNonNull(id, "server id");
    return new ServerReference(
        id,
        List.of(
            Link.of("self", serverUrl(id)),
            Link.of("bookmark", URI.create(BOOKMARK_BASE + "/servers/" + segment(id.value())))));
  }

  /**
   * The {@code self}, {@code bookmark} and {@code alternate} links of an image, in the service's order. An id
   * that is not a UUID is percent-encoded in them.
   *
   * @throws NullPointerException if {@code id} is null
   */
  public static List<Link> imageLinks(ImageId id) {
    Objects.requireNonNull(id, "image id");
    URI bookmark = URI.create(BOOKMARK_BASE + "/images/" + segment(id.value()));
    return List.of(
        Link.of("self", URI.create(ENDPOINT + "/images/" + segment(id.value()))),
        Link.of("bookmark", bookmark),
        Link.of("alternate", bookmark, ALTERNATE_TYPE));
  }

  /**
   * A builder for an image with this id and creation time, its three links set, updated when created, ACTIVE,
   * minDisk 20 and minRam 512, no name and no metadata. Set the rest as a test needs.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Image.Builder builder(ImageId id, Instant created) {
    return Image.builder(id, created).links(imageLinks(id)).updated(created).minDisk(20).minRam(512);
  }

  /**
   * The {@code n}th base image: one of Rackspace's distributions by name (with a version suffix once the list is
   * used up), ACTIVE, with {@code image_type=base} and the Rackspace metadata keys. Its id is
   * {@code imageId("base/" + n)}.
   *
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public static Image base(int n) {
    requireNotNegative(n, "base image number");
    String[] distro = DISTROS[n % DISTROS.length];
    String name = n < DISTROS.length ? distro[0] : distro[0] + " v" + (n / DISTROS.length + 1);
    Instant created = EPOCH.plusSeconds(n * 86_400L + (n * 2_357L) % 86_400);
    return baseImage(imageId("base/" + n), name, created, distro, AUTO_DISK_CONFIG[n % 3], n)
        .updated(created.plusSeconds(7_200))
        .build();
  }

  /**
   * The {@code n}th snapshot of a server: ACTIVE, named like Rackspace's scheduled images
   * ({@code Daily-<server>-<epoch seconds>}), with the {@code server} reference and the snapshot metadata
   * ({@code image_type=snapshot}, {@code instance_uuid}, {@code base_image_ref}, {@code user_id}, ...). Its id is
   * {@code imageId("snapshot/" + server + "/" + n)}.
   *
   * @throws NullPointerException if {@code server} is null
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public static Image snapshotOf(ServerId server, int n) {
    Objects.requireNonNull(server, "server");
    requireNotNegative(n, "snapshot number");
    Instant created = EPOCH.plusSeconds(n * 86_400L + Math.floorMod(server.value().hashCode(), 3_600));
    String name = "Daily-" + server.value().substring(0, Math.min(8, server.value().length())) + "-"
        + created.getEpochSecond();
    return snapshotImage(imageId("snapshot/" + server.value() + "/" + n), name, created, server, n)
        .updated(created.plusSeconds(200))
        .build();
  }

  /**
   * {@code count} varied images, the same ones for the same seed: about a third base images, half snapshots of
   * {@code serverId(1)} to {@code serverId(}{@value #SERVERS_IN_MANY}{@code )}, the rest without
   * {@code image_type}; mostly ACTIVE, with SAVING, DELETED, ERROR, UNKNOWN and an unrecognized status among
   * them; some without a name or an update time; many sharing a creation time, so that the order's tie on
   * {@code id} matters. The {@code n}th image's id is {@link #imageId(long, int) imageId(seed, n)}.
   *
   * @throws IllegalArgumentException if {@code count} is not within 0..{@value #MAX_MANY}
   */
  public static List<Image> many(int count, long seed) {
    if (count < 0 || count > MAX_MANY) {
      throw new IllegalArgumentException("count must be 0.." + MAX_MANY + ": " + count);
    }
    // java.util.Random's algorithm is fixed by its specification, so a seed means the same images everywhere.
    Random random = new Random(seed);
    // Fewer distinct creation times than images, so that about a third of the images tie with another.
    int slots = Math.max(1, count);
    List<Image> images = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      images.add(varied(imageId(seed, i), random, slots, i));
    }
    return List.copyOf(images);
  }

  /**
   * Images that together use every field and every odd value an adapter must carry unchanged: a null name, an
   * empty name, no update time, no size, a size of zero and one beyond {@code int}, both disk configs and none,
   * a server reference with and without links, links with and without a media type, metadata values that are
   * JSON arrays, objects, numbers, booleans and null, text with quotes, backslashes, control characters and
   * non-ASCII, unknown top-level fields, and a status this library does not know. Handy for an adapter's
   * round-trip tests; the contract's fidelity tests use them.
   */
  public static List<Image> edgeCases() {
    Instant t = EPOCH.plusSeconds(400 * 86_400L);
    ServerId server = serverId(900);
    Map<String, AttributeValue> structured = new LinkedHashMap<>();
    structured.put("image_type", AttributeValue.text("snapshot"));
    structured.put("instance_uuid", AttributeValue.text(server.value()));
    structured.put("auto_disk_config", AttributeValue.text("True"));
    structured.put(
        "block_device_mapping",
        AttributeValue.structured("[{\"boot_index\":0,\"device_name\":\"vda\",\"volume_size\":50}]"));
    structured.put("bdm_v2", AttributeValue.structured("true"));
    structured.put("min_iops", AttributeValue.structured("3000"));
    structured.put("owner_specified", AttributeValue.structured("null"));
    structured.put("nested", AttributeValue.structured("{\"a\":{\"b\":[1,2.5,\"x\",false,null]}}"));
    structured.put("quoted", AttributeValue.text("say \"hi\" \\ back\\slash"));
    structured.put("controls", AttributeValue.text("line1\nline2\ttab\r\u0001"));
    structured.put("empty", AttributeValue.text(""));
    structured.put("clé", AttributeValue.text("Débian ☃ 📦"));
    Map<String, AttributeValue> others = new LinkedHashMap<>();
    others.put("rax-example:flavor_hint", AttributeValue.text("general1-8"));
    others.put("OS-EXT-EXAMPLE:attributes", AttributeValue.structured("{\"tier\":\"gold\",\"zones\":[\"a\",\"b\"]}"));
    others.put("x_count", AttributeValue.structured("7"));
    others.put("x_flag", AttributeValue.structured("false"));

    ImageId bare = imageId("edge/bare");
    ImageId rich = imageId("edge/rich");
    ImageId odd = imageId("edge/unrecognized-status");
    ImageId deleted = imageId("edge/deleted");
    ImageId empty = imageId("edge/empty-name");
    return List.of(
        // What a queued image looks like: nothing known yet, no links, no metadata.
        Image.builder(bare, t)
            .status(ImageStatus.SAVING)
            .progress(25)
            .build(),
        Image.builder(rich, t.plusSeconds(1))
            .name("Ubuntu 24.04 LTS (Noble Numbat) & friends #1")
            .updated(t.plusSeconds(86_399))
            .minDisk(160)
            .minRam(30_720)
            .size(10_737_418_240L)
            .diskConfig(DiskConfig.AUTO)
            .server(serverReference(server))
            .links(
                List.of(
                    Link.of("self", URI.create(ENDPOINT + "/images/" + rich.value())),
                    Link.of("describedby", URI.create("https://example.com/schemas/a%20b?x=1&y=%26"), "text/html")))
            .metadata(ImageMetadata.of(structured))
            .otherFields(others)
            .build(),
        builder(odd, t.plusSeconds(2))
            .name("Débian ☃ 12")
            .rawStatus("IMPORTING")
            .progress(0)
            .size(0L)
            .metadata(ImageMetadata.ofStrings(Map.of("image_type", "base", "auto_disk_config", "False")))
            .diskConfig(DiskConfig.MANUAL)
            .build(),
        builder(deleted, t.plusSeconds(2))
            .name("retired snapshot")
            .status(ImageStatus.DELETED)
            .progress(0)
            .updated(t.plusSeconds(3_600))
            .size(615_424_000L)
            .server(ServerReference.of(server))
            .metadata(ImageMetadata.ofStrings(Map.of("image_type", "snapshot", "instance_uuid", server.value())))
            .build(),
        builder(empty, t.plusSeconds(3))
            .name("")
            .status(ImageStatus.ERROR)
            .progress(0)
            .minDisk(0)
            .minRam(0)
            .build());
  }

  private static Image varied(ImageId id, Random random, int slots, int i) {
    Instant created = EPOCH.plusSeconds(3_600L * random.nextInt(slots));
    int kind = random.nextInt(100);
    Image.Builder b;
    if (kind < 35) {
      String[] distro = DISTROS[random.nextInt(DISTROS.length)];
      b = baseImage(id, distro[0], created, distro, AUTO_DISK_CONFIG[random.nextInt(3)], i);
    } else if (kind < 88) {
      ServerId server = serverId(1 + random.nextInt(SERVERS_IN_MANY));
      b = snapshotImage(id, null, created, server, i);
      b.name(
          random.nextInt(3) == 0
              ? SNAPSHOT_NAMES[random.nextInt(SNAPSHOT_NAMES.length)]
              : "Daily-" + server.value().substring(0, 8) + "-" + created.getEpochSecond());
    } else {
      // Imported images carry no image_type, so neither type filter lists them.
      b = builder(id, created)
          .name("imported-" + i + ".vhd")
          .minDisk(random.nextInt(2) * 10)
          .minRam(0)
          .size(100_000_000L + random.nextInt(900_000_000))
          .metadata(ImageMetadata.ofStrings(Map.of("os_type", "linux")));
    }
    if (random.nextInt(25) == 0) {
      b.name(null);
    }
    int status = random.nextInt(100);
    if (status < 72) {
      b.status(ImageStatus.ACTIVE).progress(100);
    } else if (status < 82) {
      boolean queued = random.nextBoolean();
      b.status(ImageStatus.SAVING).progress(queued ? 25 : 50);
      if (queued) {
        b.size(null);
      }
    } else if (status < 90) {
      b.status(ImageStatus.DELETED).progress(0);
    } else if (status < 96) {
      b.status(ImageStatus.ERROR).progress(0);
    } else if (status < 99) {
      b.status(ImageStatus.UNKNOWN).progress(0);
    } else {
      b.rawStatus("IMPORTING").progress(0);
    }
    b.updated(random.nextInt(20) == 0 ? null : created.plusSeconds(60L * random.nextInt(43_200)));
    return b.build();
  }

  private static Image.Builder baseImage(
      ImageId id, String name, Instant created, String[] distro, String autoDiskConfig, int n) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("image_type", "base");
    metadata.put("os_type", distro[1]);
    metadata.put("os_distro", distro[2].substring(distro[2].indexOf('.') + 1));
    metadata.put("org.openstack__1__os_distro", distro[2]);
    metadata.put("org.openstack__1__os_version", distro[3]);
    metadata.put("org.openstack__1__architecture", "x64");
    metadata.put("auto_disk_config", autoDiskConfig);
    metadata.put("vm_mode", distro[0].startsWith("OnMetal") ? "metal" : "hvm");
    metadata.put("flavor_classes", distro[0].startsWith("OnMetal") ? "onmetal" : "*,!onmetal");
    metadata.put("cache_in_nova", "True");
    metadata.put("com.rackspace__1__build_core", "1");
    metadata.put("com.rackspace__1__build_managed", "1");
    metadata.put("com.rackspace__1__visible_core", "1");
    metadata.put("com.rackspace__1__visible_managed", "1");
    metadata.put("com.rackspace__1__release_id", Integer.toString(100 + n));
    metadata.put("com.rackspace__1__source", "kickstart");
    metadata.put("com.rackspace__1__options", "0");
    return builder(id, created)
        .name(name)
        .minDisk(Integer.parseInt(distro[4]))
        .minRam(Integer.parseInt(distro[5]))
        .size(1_000_000_000L + 12_345_678L * (n % 97))
        // As Nova renders it: "True" is AUTO, "False" and Rackspace's "disabled" are MANUAL.
        .diskConfig(autoDiskConfig.equals("True") ? DiskConfig.AUTO : DiskConfig.MANUAL)
        .metadata(ImageMetadata.ofStrings(metadata));
  }

  private static Image.Builder snapshotImage(ImageId id, String name, Instant created, ServerId server, int n) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("image_type", "snapshot");
    metadata.put("instance_uuid", server.value());
    metadata.put("base_image_ref", imageId("base/" + (n % DISTROS.length)).value());
    metadata.put("user_id", "10041234");
    metadata.put("os_type", "linux");
    metadata.put("org.openstack__1__os_distro", "com.ubuntu");
    metadata.put("auto_disk_config", "False");
    metadata.put("instance_type_flavorid", "general1-1");
    metadata.put("instance_type_memory_mb", "1024");
    metadata.put("org.openstack__1__created_by", "scheduled_images_service");
    return builder(id, created)
        .name(name)
        .minDisk(20 * (1 + n % 4))
        .minRam(512 << (n % 3))
        .size(200_000_000L + 3_141_592L * (n % 113))
        .diskConfig(DiskConfig.MANUAL)
        .server(serverReference(server))
        .metadata(ImageMetadata.ofStrings(metadata));
  }

  /** The text as one URL path segment (URLEncoder writes a space as '+', which a path would keep literally). */
  private static String segment(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String uuid(String text) {
    return UUID.nameUUIDFromBytes(text.getBytes(StandardCharsets.UTF_8)).toString().toLowerCase(Locale.ROOT);
  }

  private static void requireNotNegative(int n, String what) {
    if (n < 0) {
      throw new IllegalArgumentException(what + " must be >= 0: " + n);
    }
  }
}
