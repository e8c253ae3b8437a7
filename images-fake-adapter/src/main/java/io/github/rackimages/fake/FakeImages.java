package io.github.rackimages.fake;

import io.github.rackimages.core.DiskConfig;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.Link;
import io.github.rackimages.core.ServerId;
import io.github.rackimages.core.ServerReference;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Image builders pre-filled the way Rackspace fills its images, for tests: pick a kind, tweak what the test is
 * about, build.
 *
 * <pre>{@code
 * Image ubuntu = FakeImages.base("Ubuntu 24.04 LTS (Noble Numbat)").build();
 * Image nightly = FakeImages.snapshot(FakeImages.serverIdFor("web01"), "web01-nightly", Instant.parse("2025-06-01T03:00:00Z"))
 *     .minDisk(40)
 *     .build();
 * }</pre>
 *
 * <p>Every builder is deterministic: the id is a name-based UUID derived from the kind, the name (and server) and
 * the creation instant, so the same call gives the same image in every run, and two images that differ in name or
 * creation time get different ids. Links have the service's three forms ({@code self}, {@code bookmark}, and
 * {@code alternate} equal to the bookmark) under the neutral {@link #ENDPOINT} of tenant {@link #TENANT}: the
 * host {@code images.invalid} (a reserved name that resolves nowhere) marks them as placeholders, not a real
 * region's addresses. A server that serves these images (the emulator) writes every link from its own request's
 * scheme, host, port and tenant instead.
 *
 * <p>This class is longer than 300 lines because it is one catalogue of about fifteen documented public factories
 * (a kind and a status each, with and without an instant) that tests look up in one place; the sample data and the
 * generator live in their own classes.
 *
 * @since 1.0
 */
public final class FakeImages {

  /** The tenant (account number) of every fake link. */
  public static final String TENANT = "123456";

  /**
   * The neutral compute endpoint every fake link is written under: {@code http://images.invalid/v2/}{@value #TENANT}
   * ({@code .invalid} is reserved by RFC 2606 and never resolves). Image links are {@code <ENDPOINT>/images/<id>}
   * ({@code self}) and {@code http://images.invalid/<tenant>/images/<id>} ({@code bookmark}, {@code alternate});
   * server links likewise with {@code /servers/<id>}.
   */
  public static final URI ENDPOINT = URI.create("http://images.invalid/v2/" + TENANT);

  /** The creation instant of images built without one: 2025-01-15T12:00:00Z. */
  public static final Instant CREATED = Instant.parse("2025-01-15T12:00:00Z");

  /** The user id that snapshots record as their creator ({@code user_id}). */
  public static final String USER_ID = "10012345";

  /** The base image the snapshots of this class are made from. */
  static final String DEFAULT_BASE_NAME = "Ubuntu 24.04 LTS (Noble Numbat)";

  /** The id of {@code base(DEFAULT_BASE_NAME)}, which snapshots name as their {@code base_image_ref}. */
  private static final String DEFAULT_BASE_REF = baseId(DEFAULT_BASE_NAME, CREATED).value();

  private static final String HOST = "http://images.invalid";
  private static final URI VERSIONED_BASE = URI.create(HOST + "/v2/" + TENANT + "/");
  private static final URI BOOKMARK_BASE = URI.create(HOST + "/" + TENANT + "/");
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final String ALTERNATE_TYPE = "application/vnd.openstack.image";
  private static final long BASE_UPLOAD_SECONDS = 300;
  private static final long SNAPSHOT_UPLOAD_SECONDS = 240;
  private static final long SNAPSHOT_SIZE = 1_288_490_189L;

  private FakeImages() {}

  /**
   * A base image named {@code name}, created at {@link #CREATED}. See {@link #base(String, Instant)}.
   *
   * @throws NullPointerException if {@code name} is null
   */
  public static Image.Builder base(String name) {
    return base(name, CREATED);
  }

  /**
   * A base image as Rackspace publishes them, named {@code name} and created at {@code created}: ACTIVE, progress
   * 100, updated five minutes after creation, {@code OS-DCF:diskConfig} MANUAL, the three links, and the metadata
   * Rackspace writes ({@code image_type=base}, {@code os_type}, {@code os_distro}, {@code org.openstack__1__*},
   * {@code auto_disk_config=disabled}, {@code vm_mode=hvm}, {@code flavor_classes}, {@code com.rackspace__1__*},
   * ...). The operating system is guessed from the name: a name containing "Windows" gives a Windows Server image
   * (minDisk 40, minRam 1024, 12 GB), any other a Linux image of the distribution named by its first word (minDisk
   * 20, minRam 512, 1.5 GB); the version is the first number in the name.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Image.Builder base(String name, Instant created) {
    requireName(name);
    Objects.requireNonNull(created, "created");
    return base(name, OsSpec.infer(name), created, created.plusSeconds(BASE_UPLOAD_SECONDS));
  }

  /**
   * A snapshot of {@code server} named {@code name}, created at {@link #CREATED}. See
   * {@link #snapshot(ServerId, String, Instant)}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Image.Builder snapshot(ServerId server, String name) {
    return snapshot(server, name, CREATED);
  }

  /**
   * A snapshot of {@code server} as the service reports it once saved: ACTIVE, progress 100, updated four minutes
   * after creation, about 1.2 GB, {@code OS-DCF:diskConfig} MANUAL, the three links, the {@code server} reference
   * with its {@code self} and {@code bookmark} links, and the metadata Nova writes ({@code image_type=snapshot},
   * {@code instance_uuid}, {@code base_image_ref} of the Ubuntu 24.04 base image, {@code user_id},
   * {@code instance_type_*} of a 1 GB General Purpose server, and the base image's OS keys).
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Image.Builder snapshot(ServerId server, String name, Instant created) {
    return snapshot(server, name, created, false);
  }

  /**
   * A snapshot made by Rackspace's scheduled images service for the server {@code serverName}: named
   * {@code Daily-<serverName>-<epoch seconds of created>} as that service names them, with
   * {@code org.openstack__1__created_by=scheduled_images_service}; otherwise as
   * {@link #snapshot(ServerId, String, Instant)}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code serverName} is blank
   */
  public static Image.Builder scheduledSnapshot(ServerId server, String serverName, Instant created) {
    requireName(serverName);
    Objects.requireNonNull(created, "created");
    return snapshot(server, "Daily-" + serverName + "-" + created.getEpochSecond(), created, true);
  }

  /**
   * A snapshot still being uploaded, created at {@link #CREATED}. See {@link #saving(ServerId, String, Instant)}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Image.Builder saving(ServerId server, String name) {
    return saving(server, name, CREATED);
  }

  /**
   * A snapshot still being uploaded: SAVING with progress 50 (glance {@code saving}; set progress 25 for a queued
   * one), no size yet, updated when created; otherwise as {@link #snapshot(ServerId, String, Instant)}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Image.Builder saving(ServerId server, String name, Instant created) {
    return snapshot(server, name, created, false)
        .status(ImageStatus.SAVING)
        .progress(50)
        .size(null)
        .updated(created);
  }

  /**
   * A snapshot that failed, created at {@link #CREATED}. See {@link #failed(ServerId, String, Instant)}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Image.Builder failed(ServerId server, String name) {
    return failed(server, name, CREATED);
  }

  /**
   * A snapshot that failed (glance {@code killed}): ERROR with progress 0 and no size, updated a minute after
   * creation; otherwise as {@link #snapshot(ServerId, String, Instant)}. Listed only with {@code changes-since}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static Image.Builder failed(ServerId server, String name, Instant created) {
    return snapshot(server, name, created, false)
        .status(ImageStatus.ERROR)
        .progress(0)
        .size(null)
        .updated(created.plusSeconds(60));
  }

  /**
   * The image as the service shows it after a delete at {@code when}: DELETED, progress 0, updated at
   * {@code when}, every other field kept. {@link InMemoryImageCatalog#delete(ImageId)} applies exactly this.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Image deleted(Image image, Instant when) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(when, "when");
    return image.toBuilder().status(ImageStatus.DELETED).progress(0).updated(when).build();
  }

  /**
   * The three links the service gives an image: {@code self} ({@code .../v2/<tenant>/images/<id>}),
   * {@code bookmark} ({@code .../<tenant>/images/<id>}) and {@code alternate}, typed
   * {@code application/vnd.openstack.image}, with the bookmark's address (as Rackspace answered 2013 to 2015).
   *
   * @throws NullPointerException if {@code id} is null
   */
  public static List<Link> imageLinks(ImageId id) {
    Objects.requireNonNull(id, "id");
    URI bookmark = under(BOOKMARK_BASE, "images/", id.value());
    // One URI object for bookmark and alternate: they are equal, and large catalogs hold millions of links.
    return List.of(
        Link.of("self", under(VERSIONED_BASE, "images/", id.value())),
        Link.of("bookmark", bookmark),
        Link.of("alternate", bookmark, ALTERNATE_TYPE));
  }

  /**
   * The reference to a server that a snapshot carries: its id with {@code self} ({@code .../v2/<tenant>/servers/<id>})
   * and {@code bookmark} ({@code .../<tenant>/servers/<id>}) links.
   *
   * @throws NullPointerException if {@code server} is null
   */
  public static ServerReference serverReference(ServerId server) {
    Objects.requireNonNull(server, "server");
    return new ServerReference(
        server,
        List.of(
            Link.of("self", under(VERSIONED_BASE, "servers/", server.value())),
            Link.of("bookmark", under(BOOKMARK_BASE, "servers/", server.value()))));
  }

  /**
   * A deterministic server id for a host name, so that tests can name servers instead of spelling UUIDs.
   *
   * @throws NullPointerException if {@code hostname} is null
   * @throws IllegalArgumentException if {@code hostname} is blank
   */
  public static ServerId serverIdFor(String hostname) {
    requireName(hostname);
    return ServerId.of(uuid("server\n" + hostname));
  }

  static Image.Builder base(String name, OsSpec os, Instant created, Instant updated) {
    ImageId id = baseId(name, created);
    return Image.builder(id, created)
        .name(name)
        .updated(updated)
        .minDisk(os.minDisk())
        .minRam(os.minRam())
        .size(os.size())
        .diskConfig(os.diskConfig())
        .links(imageLinks(id))
        .metadata(os.baseMetadata(created.minusSeconds(BASE_UPLOAD_SECONDS)));
  }

  private static Image.Builder snapshot(ServerId server, String name, Instant created, boolean scheduled) {
    Objects.requireNonNull(server, "server");
    requireName(name);
    Objects.requireNonNull(created, "created");
    OsSpec os = OsSpec.infer(DEFAULT_BASE_NAME).withAutoDiskConfig("False", "hvm", OsSpec.ON_ALL_BUT_ONMETAL);
    ImageId id = ImageId.of(uuid("snapshot\n" + server.value() + "\n" + name + "\n" + created));
    return snapshot(
        id,
        serverReference(server),
        name,
        created,
        SNAPSHOT_SIZE,
        os.minDisk(),
        os.minRam(),
        os.snapshotMetadata(server.value(), DEFAULT_BASE_REF, USER_ID, OsSpec.Flavor.GENERAL1_1, scheduled));
  }

  /** A saved snapshot with these parts; the metadata carries {@code instance_uuid}, as Nova requires. */
  static Image.Builder snapshot(
      ImageId id,
      ServerReference server,
      String name,
      Instant created,
      long size,
      int minDisk,
      int minRam,
      ImageMetadata metadata) {
    return Image.builder(id, created)
        .name(name)
        .updated(created.plusSeconds(SNAPSHOT_UPLOAD_SECONDS))
        .minDisk(minDisk)
        .minRam(minRam)
        .size(size)
        // Snapshots record auto_disk_config False or disabled, which Nova shows as MANUAL.
        .diskConfig(DiskConfig.MANUAL)
        .server(server)
        .links(imageLinks(id))
        .metadata(metadata);
  }

  /**
   * {@code base} + {@code collection} + the id as one path segment. Resolving against a parsed base shares its
   * scheme and host strings and parses only the short relative part: half the time and a third of the memory of
   * parsing the whole address, which counts for catalogs of a million images.
   */
  private static URI under(URI base, String collection, String id) {
    return base.resolve(collection + pathSegment(id));
  }

  /** The id percent-encoded as one path segment (UTF-8); ids of letters, digits and {@code -._~} stay as they are. */
  private static String pathSegment(String id) {
    boolean plain = !id.equals(".") && !id.equals("..");
    for (int i = 0; plain && i < id.length(); i++) {
      plain = isUnreserved(id.charAt(i));
    }
    if (plain) {
      return id;
    }
    StringBuilder out = new StringBuilder(id.length() * 3);
    for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xFF);
      if (isUnreserved(c) && c != '.') {
        out.append(c);
      } else {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  private static ImageId baseId(String name, Instant created) {
    return ImageId.of(uuid("base\n" + name + "\n" + created));
  }

  static String uuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static void requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("name must not be blank: '" + name + "'");
    }
  }
}
