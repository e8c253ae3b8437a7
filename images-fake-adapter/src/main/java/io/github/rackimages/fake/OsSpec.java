package io.github.rackimages.fake;

import io.github.rackimages.core.DiskConfig;
import io.github.rackimages.core.ImageMetadata;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Rackspace records about the operating system of a base image, and the metadata it writes for it (keys of
 * rackspace-api.md 2.4, in the order the service tends to send them).
 *
 * @param osType {@code linux} or {@code windows}
 * @param osDistro the short {@code os_distro}, or {@code null} (Windows images have none)
 * @param orgDistro {@code org.openstack__1__os_distro}, such as {@code com.ubuntu}
 * @param version {@code org.openstack__1__os_version}, or {@code null}
 * @param autoDiskConfig {@code True}, {@code False} or {@code disabled}
 * @param vmMode {@code hvm}, {@code xen}, {@code metal}, or {@code null}
 * @param flavorClasses which flavors may boot it, such as {@code *,!onmetal}
 * @param minDisk in GB
 * @param minRam in MB
 * @param size in bytes
 * @param releaseId {@code com.rackspace__1__release_id}
 * @param releaseVersion {@code com.rackspace__1__release_version}
 * @param options {@code com.rackspace__1__options}
 * @param activationProfile {@code rax_activation_profile} ({@code windows}, {@code redhat}) or {@code null}
 * @param uiDefaultShow whether the control panel shows it by default
 */
record OsSpec(
    String osType,
    String osDistro,
    String orgDistro,
    String version,
    String autoDiskConfig,
    String vmMode,
    String flavorClasses,
    int minDisk,
    int minRam,
    long size,
    String releaseId,
    String releaseVersion,
    String options,
    String activationProfile,
    boolean uiDefaultShow) {

  static final String ON_ALL_BUT_ONMETAL = "*,!onmetal";

  private static final DateTimeFormatter BUILD_DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final Pattern VERSION = Pattern.compile("\\b(\\d+(?:\\.\\d+)*)\\b");

  OsSpec {
    Objects.requireNonNull(osType, "osType");
    Objects.requireNonNull(orgDistro, "orgDistro");
    Objects.requireNonNull(autoDiskConfig, "autoDiskConfig");
    Objects.requireNonNull(flavorClasses, "flavorClasses");
    Objects.requireNonNull(releaseId, "releaseId");
    Objects.requireNonNull(releaseVersion, "releaseVersion");
    Objects.requireNonNull(options, "options");
  }

  /** A Linux image with Rackspace's usual settings (PVHVM, no automatic disk config, 20 GB / 512 MB). */
  static OsSpec linux(String distro, String orgDistro, String version, long size, String releaseId) {
    return new OsSpec(
        "linux", distro, orgDistro, version, "disabled", "hvm", ON_ALL_BUT_ONMETAL, 20, 512, size, releaseId, "1",
        "0", null, false);
  }

  /** A Windows Server image with Rackspace's usual settings (40 GB / 1024 MB). */
  static OsSpec windows(String version, long size, String releaseId) {
    return new OsSpec(
        "windows", null, "com.microsoft.server", version, "disabled", null, ON_ALL_BUT_ONMETAL, 40, 1024, size,
        releaseId, "1", "0", "windows", false);
  }

  /**
   * Guesses the operating system from an image name: Windows if the name says so, else a Linux or BSD distribution
   * named by the name's first word (a few known ones get their reverse-domain id, others {@code org.<word>}); the
   * version is the first number in the name.
   */
  static OsSpec infer(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    Matcher m = VERSION.matcher(name);
    String version = m.find() ? m.group(1) : null;
    if (lower.contains("windows")) {
      return windows(version, 12_884_901_888L, "4000");
    }
    String word = lower.split("[^a-z0-9]+", -1)[0];
    String distro;
    String org;
    if (lower.startsWith("red hat")) {
      distro = "rhel";
      org = "com.redhat";
    } else {
      distro = word.isEmpty() ? "linux" : word;
      org =
          switch (distro) {
            case "ubuntu" -> "com.ubuntu";
            case "debian" -> "org.debian";
            case "centos" -> "org.centos";
            case "rocky" -> "org.rockylinux";
            case "almalinux" -> "org.almalinux";
            case "fedora" -> "org.fedoraproject";
            case "opensuse" -> "org.opensuse";
            case "arch" -> "org.archlinux";
            case "gentoo" -> "org.gentoo";
            case "freebsd" -> "org.freebsd";
            case "oracle" -> "com.oracle";
            default -> "org." + distro;
          };
    }
    return linux(distro, org, version, 1_610_612_736L, "100");
  }

  OsSpec withAutoDiskConfig(String value, String vmMode, String flavorClasses) {
    return new OsSpec(
        osType, osDistro, orgDistro, version, value, vmMode, flavorClasses, minDisk, minRam, size, releaseId,
        releaseVersion, options, activationProfile, uiDefaultShow);
  }

  OsSpec withMinimums(int minDisk, int minRam) {
    return new OsSpec(
        osType, osDistro, orgDistro, version, autoDiskConfig, vmMode, flavorClasses, minDisk, minRam, size,
        releaseId, releaseVersion, options, activationProfile, uiDefaultShow);
  }

  OsSpec withRelease(String releaseVersion, String options, boolean uiDefaultShow) {
    return new OsSpec(
        osType, osDistro, orgDistro, version, autoDiskConfig, vmMode, flavorClasses, minDisk, minRam, size,
        releaseId, releaseVersion, options, activationProfile, uiDefaultShow);
  }

  /** {@code OS-DCF:diskConfig} as Nova derives it from {@code auto_disk_config}: AUTO only for a true value. */
  DiskConfig diskConfig() {
    return autoDiskConfig.equalsIgnoreCase("true") ? DiskConfig.AUTO : DiskConfig.MANUAL;
  }

  /** The metadata of a base image built at {@code built}. */
  ImageMetadata baseMetadata(Instant built) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("image_type", "base");
    m.put("os_type", osType);
    putOs(m);
    m.put("auto_disk_config", autoDiskConfig);
    if (vmMode != null) {
      m.put("vm_mode", vmMode);
    }
    m.put("flavor_classes", flavorClasses);
    m.put("cache_in_nova", "True");
    m.put("com.rackspace__1__source", "kickstart");
    m.put("com.rackspace__1__platform_target", "PublicCloud");
    m.put("com.rackspace__1__release_id", releaseId);
    m.put("com.rackspace__1__release_version", releaseVersion);
    m.put("com.rackspace__1__release_build_date", BUILD_DATE.format(built));
    m.put("com.rackspace__1__build_core", "1");
    m.put("com.rackspace__1__build_managed", "1");
    m.put("com.rackspace__1__build_rackconnect", "1");
    m.put("com.rackspace__1__visible_core", "1");
    m.put("com.rackspace__1__visible_managed", "1");
    m.put("com.rackspace__1__visible_rackconnect", "1");
    m.put("com.rackspace__1__options", options);
    if (uiDefaultShow) {
      m.put("com.rackspace__1__ui_default_show", "True");
    }
    if (activationProfile != null) {
      m.put("rax_activation_profile", activationProfile);
    }
    return ImageMetadata.ofStrings(m);
  }

  /**
   * The metadata of a snapshot of a server built from this image: the base image's OS keys (glance copies them),
   * what Nova adds about the instance, and {@code org.openstack__1__created_by} for scheduled images.
   */
  ImageMetadata snapshotMetadata(
      String serverId, String baseImageId, String userId, Flavor flavor, boolean scheduled) {
    Map<String, String> m = new LinkedHashMap<>();
    if (scheduled) {
      m.put("org.openstack__1__created_by", "scheduled_images_service");
    }
    m.put("image_type", "snapshot");
    m.put("instance_uuid", serverId);
    m.put("base_image_ref", baseImageId);
    m.put("user_id", userId);
    m.put("os_type", osType);
    putOs(m);
    m.put("auto_disk_config", "disabled".equals(autoDiskConfig) ? "disabled" : "False");
    if (vmMode != null) {
      m.put("vm_mode", vmMode);
    }
    m.put("com.rackspace__1__source", "kickstart");
    m.put("com.rackspace__1__release_id", releaseId);
    m.put("com.rackspace__1__build_core", "1");
    m.put("com.rackspace__1__build_managed", "1");
    m.put("com.rackspace__1__build_rackconnect", "1");
    m.put("com.rackspace__1__options", options);
    m.put("instance_type_id", flavor.typeId());
    m.put("instance_type_flavorid", flavor.id());
    m.put("instance_type_name", flavor.name());
    m.put("instance_type_memory_mb", Integer.toString(flavor.ramMb()));
    m.put("instance_type_vcpus", Integer.toString(flavor.vcpus()));
    m.put("instance_type_root_gb", Integer.toString(flavor.diskGb()));
    m.put("instance_type_ephemeral_gb", "0");
    m.put("instance_type_swap", "0");
    m.put("instance_type_rxtx_factor", flavor.rxtxFactor());
    m.put("instance_type_vcpu_weight", "10");
    m.put("xenapi_image_compression_level", "1");
    return ImageMetadata.ofStrings(m);
  }

  private void putOs(Map<String, String> m) {
    if (osDistro != null) {
      m.put("os_distro", osDistro);
    }
    m.put("org.openstack__1__os_distro", orgDistro);
    if (version != null) {
      m.put("org.openstack__1__os_version", version);
    }
    m.put("org.openstack__1__architecture", "x64");
  }

  /** A Rackspace flavor, as snapshot metadata records it ({@code instance_type_*}). */
  record Flavor(String id, String typeId, String name, int ramMb, int vcpus, int diskGb, String rxtxFactor) {

    static final Flavor GENERAL1_1 = new Flavor("general1-1", "56", "1 GB General Purpose v1", 1024, 1, 20, "200.0");
    static final Flavor GENERAL1_2 = new Flavor("general1-2", "57", "2 GB General Purpose v1", 2048, 2, 40, "400.0");
    static final Flavor GENERAL1_4 = new Flavor("general1-4", "58", "4 GB General Purpose v1", 4096, 4, 80, "800.0");
    static final Flavor COMPUTE1_8 = new Flavor("compute1-8", "61", "7.5 GB Compute v1", 7680, 4, 0, "1250.0");
    static final Flavor MEMORY1_15 = new Flavor("memory1-15", "66", "15 GB Memory v1", 15360, 2, 0, "625.0");
  }
}
