package io.github.rackimages.http;

import io.github.rackimages.core.DiskConfig;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.core.Link;
import io.github.rackimages.core.ServerId;
import io.github.rackimages.core.ServerReference;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated account shaped like the real DFW {@code GET /images/detail} capture of March 2015 (59 images:
 * 49 base images and 10 scheduled snapshots with {@code server}; {@code OS-DCF:diskConfig} from
 * {@code auto_disk_config} True/False/disabled in the proportions 9/12/38; {@code OS-EXT-IMG-SIZE:size} up to
 * 17 GB, beyond 2^32; 20 to 32 string metadata keys per image; {@code created} descending; hrefs with escaped
 * slashes as Python's JSON writer emitted them). The values are invented: it builds, from one description, both
 * the JSON the service would send and the {@link Image}s a client must read from it.
 */
final class Dfw2015Catalog {

  static final int IMAGES = 59;
  static final int SNAPSHOTS = 10;
  private static final String HOST = "https://dfw.servers.api.rackspacecloud.com";
  private static final String TENANT = "654321";
  private static final Instant NEWEST = Instant.parse("2015-03-12T19:01:07Z");
  private static final String[] DISTROS = {"com.ubuntu", "org.centos", "org.debian", "com.redhat", "org.fedoraproject",
      "com.microsoft.server", "org.opensuse", "org.archlinux", "com.coreos", "org.scientificlinux"};
  private static final int[][] RAM_DISK = {{512, 20}, {1024, 40}, {2048, 40}, {8192, 40}, {4096, 40}, {1024, 20}};

  private final List<Image> images = new ArrayList<>();
  private final List<String> json = new ArrayList<>();

  Dfw2015Catalog() {
    for (int i = 0; i < IMAGES; i++) {
      add(i);
    }
  }

  /** The images, in the service's order. */
  List<Image> images() {
    return List.copyOf(images);
  }

  /** The whole detail list body, without {@code images_links} (no limit was sent). */
  String detailBody() {
    return page(0, IMAGES, null);
  }

  /** A detail list body of images {@code from} (inclusive) to {@code to} (exclusive) with a next link or none. */
  String page(int from, int to, String nextHref) {
    StringBuilder s = new StringBuilder("{\n  \"images\": [\n");
    for (int i = from; i < to; i++) {
      s.append(json.get(i)).append(i + 1 < to ? ",\n" : "\n");
    }
    s.append("  ]");
    if (nextHref != null) {
      s.append(",\n  \"images_links\": [{\"href\": \"").append(nextHref.replace("/", "\\/")).append("\", \"rel\": \"next\"}]");
    }
    return s.append("\n}").toString();
  }

  private static String uuid(int kind, int i) {
    return String.format("%08x-%04x-4%03x-a%03x-%012x", 0x5e7a0000 + kind * 0x100 + i, i * 7 % 0xffff, kind, i,
        0x3c0ffee00000L + i * 977L);
  }

  private void add(int i) {
    boolean snapshot = i % 6 == 1 && i / 6 < SNAPSHOTS;
    String id = uuid(snapshot ? 2 : 1, i);
    Instant created = NEWEST.minus(Duration.ofHours(7L * i + (i % 3)));
    Instant updated = created.plusSeconds(snapshot ? 200 + i : 3600L * (i % 5) + 17);
    String autoDisk = i < 9 ? "True" : i < 21 ? "False" : "disabled";
    DiskConfig diskConfig = autoDisk.equals("True") ? DiskConfig.AUTO : DiskConfig.MANUAL;
    int[] ramDisk = RAM_DISK[i % 7 == 0 ? (i / 7) % RAM_DISK.length : 0];
    // A few Windows-sized images pass 2^32 bytes: 4294967296 is where a 32-bit int would break.
    long size = i % 8 == 3 ? 17_687_633_829L - i * 104_729L : 615_424_000L + i * 10_485_761L;
    String distro = DISTROS[i % DISTROS.length];
    String name = snapshot ? "Daily-web" + (i % 4) + "-" + created.getEpochSecond() : "Distro " + distro + " " + (i % 9) + " (PVHVM)";

    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("com.rackspace__1__release_id", Integer.toString(300 + i));
    metadata.put("com.rackspace__1__build_core", "1");
    metadata.put("com.rackspace__1__build_managed", i % 2 == 0 ? "1" : "0");
    metadata.put("com.rackspace__1__build_rackconnect", "1");
    metadata.put("com.rackspace__1__visible_core", "1");
    metadata.put("com.rackspace__1__visible_managed", "1");
    metadata.put("com.rackspace__1__visible_rackconnect", "1");
    metadata.put("com.rackspace__1__options", "0");
    metadata.put("com.rackspace__1__source", "kickstart");
    metadata.put("org.openstack__1__architecture", "x64");
    metadata.put("org.openstack__1__os_distro", distro);
    metadata.put("org.openstack__1__os_version", Integer.toString(5 + i % 10));
    metadata.put("os_distro", distro.substring(distro.indexOf('.') + 1));
    metadata.put("os_type", distro.contains("microsoft") ? "windows" : "linux");
    metadata.put("auto_disk_config", autoDisk);
    metadata.put("image_type", snapshot ? "snapshot" : "base");
    metadata.put("xenapi_image_compression_level", "1");
    if (snapshot) {
      String server = uuid(3, i);
      metadata.put("instance_uuid", server);
      metadata.put("base_image_ref", uuid(1, i + 1));
      metadata.put("user_id", Integer.toString(10_047_000 + i));
      metadata.put("org.openstack__1__created_by", "scheduled_images_service");
      metadata.put("instance_type_flavorid", "performance1-" + (1 + i % 4));
      metadata.put("instance_type_name", (1 + i % 4) + " GB Performance");
      metadata.put("instance_type_memory_mb", Integer.toString(1024 * (1 + i % 4)));
      metadata.put("instance_type_vcpus", Integer.toString(1 + i % 4));
      metadata.put("instance_type_root_gb", "20");
      metadata.put("instance_type_ephemeral_gb", "0");
      metadata.put("instance_type_swap", "0");
      metadata.put("instance_type_rxtx_factor", "200.0");
      metadata.put("instance_type_vcpu_weight", "10");
      metadata.put("instance_type_id", Integer.toString(10 + i % 4));
    } else {
      metadata.put("vm_mode", i % 5 == 0 ? "xen" : "hvm");
      metadata.put("flavor_classes", i % 11 == 0 ? "onmetal" : "*,!onmetal");
      metadata.put("cache_in_nova", i % 3 == 0 ? "True" : "true");
      metadata.put("com.rackspace__1__release_version", Integer.toString(1 + i % 6));
      metadata.put("com.rackspace__1__release_build_date", "2015-03-0" + (1 + i % 9) + "_15-10-30");
      metadata.put("com.rackspace__1__platform_target", "PublicCloud");
      if (i % 4 == 0) {
        metadata.put("com.rackspace__1__ui_default_show", "True");
      }
      if (i % 5 == 0) {
        metadata.put("hypervisor_version_requires", ">=6.1");
      }
    }

    List<Link> links =
        List.of(
            Link.of("self", URI.create(HOST + "/v2/" + TENANT + "/images/" + id)),
            Link.of("bookmark", URI.create(HOST + "/" + TENANT + "/images/" + id)),
            Link.of("alternate", URI.create(HOST + "/" + TENANT + "/images/" + id), "application/vnd.openstack.image"));
    ServerReference server =
        snapshot
            ? new ServerReference(
                ServerId.of(metadata.get("instance_uuid")),
                List.of(
                    Link.of("self", URI.create(HOST + "/v2/" + TENANT + "/servers/" + metadata.get("instance_uuid"))),
                    Link.of("bookmark", URI.create(HOST + "/" + TENANT + "/servers/" + metadata.get("instance_uuid")))))
            : null;

    images.add(
        Image.builder(ImageId.of(id), created)
            .name(name)
            .rawStatus("ACTIVE")
            .progress(100)
            .updated(updated)
            .minDisk(ramDisk[1])
            .minRam(ramDisk[0])
            .size(size)
            .diskConfig(diskConfig)
            .server(server)
            .links(links)
            .metadata(ImageMetadata.ofStrings(metadata))
            .build());
    json.add(toJson(id, name, created, updated, ramDisk, size, diskConfig, links, server, metadata));
  }

  // Written by hand in the capture's key order and style, not by the adapter's writer.
  private static String toJson(
      String id, String name, Instant created, Instant updated, int[] ramDisk, long size, DiskConfig diskConfig,
      List<Link> links, ServerReference server, Map<String, String> metadata) {
    StringBuilder s = new StringBuilder("    {\n");
    s.append("      \"status\": \"ACTIVE\",\n");
    s.append("      \"updated\": \"").append(updated).append("\",\n");
    s.append("      \"links\": ").append(links(links)).append(",\n");
    s.append("      \"OS-DCF:diskConfig\": \"").append(diskConfig.name()).append("\",\n");
    s.append("      \"id\": \"").append(id).append("\",\n");
    s.append("      \"OS-EXT-IMG-SIZE:size\": ").append(size).append(",\n");
    s.append("      \"name\": \"").append(name).append("\",\n");
    s.append("      \"created\": \"").append(created).append("\",\n");
    s.append("      \"minDisk\": ").append(ramDisk[1]).append(",\n");
    if (server != null) {
      s.append("      \"server\": {\"id\": \"").append(server.id().value()).append("\", \"links\": ")
          .append(links(server.links())).append("},\n");
    }
    s.append("      \"progress\": 100,\n");
    s.append("      \"minRam\": ").append(ramDisk[0]).append(",\n");
    s.append("      \"metadata\": {\n");
    int n = 0;
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      s.append("        \"").append(e.getKey()).append("\": \"").append(e.getValue()).append('"')
          .append(++n < metadata.size() ? ",\n" : "\n");
    }
    return s.append("      }\n    }").toString();
  }

  private static String links(List<Link> links) {
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < links.size(); i++) {
      Link l = links.get(i);
      s.append(i == 0 ? "" : ", ").append("{\"href\": \"").append(l.href().toString().replace("/", "\\/")).append('"');
      l.type().ifPresent(t -> s.append(", \"type\": \"").append(t).append('"'));
      s.append(", \"rel\": \"").append(l.rel()).append("\"}");
    }
    return s.append(']').toString();
  }
}
