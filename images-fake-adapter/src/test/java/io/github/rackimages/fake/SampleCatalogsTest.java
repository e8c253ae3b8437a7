package io.github.rackimages.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.AttributeValue;
import io.github.rackimages.core.DiskConfig;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Link;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleCatalogsTest {

  private static final List<Image> SAMPLE = SampleCatalogs.rackspace();

  private static Map<Object, Long> countBy(List<Image> images, Function<Image, Object> key) {
    return images.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
  }

  @Test
  void theSampleHasSixtyImagesWithUniqueIdsInServiceOrder() {
    assertThat(SAMPLE).hasSize(60).isSortedAccordingTo(Image.serviceOrder());
    assertThat(SAMPLE.stream().map(Image::id).distinct()).hasSize(60);
  }

  @Test
  void theSampleMixesTypesAndStatusesAsAnAccountDoes() {
    assertThat(countBy(SAMPLE, i -> i.type().orElseThrow()))
        .containsEntry(ImageType.BASE, 38L)
        .containsEntry(ImageType.SNAPSHOT, 22L);
    assertThat(countBy(SAMPLE, Image::status))
        .containsEntry(ImageStatus.ACTIVE, 53L)
        .containsEntry(ImageStatus.SAVING, 2L)
        .containsEntry(ImageStatus.ERROR, 2L)
        .containsEntry(ImageStatus.DELETED, 3L);
    assertThat(SAMPLE.stream().filter(i -> i.metadata().getString("os_type").orElseThrow().equals("windows")))
        .hasSizeGreaterThanOrEqualTo(12);
    assertThat(SAMPLE.stream().filter(i -> i.metadata().get("org.openstack__1__created_by").isPresent()))
        .hasSize(11);
    assertThat(SAMPLE)
        .extracting(i -> i.name().orElseThrow())
        .contains(
            "Ubuntu 24.04 LTS (Noble Numbat)",
            "Ubuntu 22.04 LTS (Jammy Jellyfish)",
            "Ubuntu 20.04 LTS (Focal Fossa)",
            "Debian 13 (Trixie)",
            "Debian 12 (Bookworm)",
            "Debian 11 (Bullseye)",
            "Rocky Linux 9",
            "Rocky Linux 8",
            "AlmaLinux 9",
            "AlmaLinux 8",
            "CentOS Stream 9",
            "Fedora 41",
            "Fedora 40",
            "openSUSE Leap 15.6",
            "FreeBSD 14.2",
            "Windows Server 2016 Standard",
            "Windows Server 2019 Standard",
            "Windows Server 2022 Standard",
            "Windows Server 2025 Standard",
            "Windows Server 2022 + SQL Server 2022 Standard");
  }

  @Test
  void statusesCarryTheProgressAndSizeNovaReports() {
    for (Image image : SAMPLE) {
      switch (image.status()) {
        case ACTIVE -> {
          assertThat(image.progress()).as(image.toString()).isEqualTo(100);
          assertThat(image.size()).as(image.toString()).isPresent();
        }
        case SAVING -> {
          assertThat(image.progress()).as(image.toString()).isIn(25, 50);
          assertThat(image.size()).as(image.toString()).isEmpty();
        }
        case DELETED, ERROR -> assertThat(image.progress()).as(image.toString()).isZero();
        default -> throw new AssertionError("unexpected status in the sample: " + image);
      }
    }
    assertThat(SAMPLE.stream().filter(i -> i.status() == ImageStatus.SAVING).map(Image::progress))
        .containsExactlyInAnyOrder(25, 50);
  }

  @Test
  void diskConfigAndServerFollowTheMetadataAsNovaRendersThem() {
    for (Image image : SAMPLE) {
      String autoDiskConfig = image.metadata().getString("auto_disk_config").orElseThrow();
      assertThat(autoDiskConfig).isIn("True", "False", "disabled");
      assertThat(image.diskConfig())
          .as(image.toString())
          .contains(autoDiskConfig.equals("True") ? DiskConfig.AUTO : DiskConfig.MANUAL);
      assertThat(image.server().map(s -> s.id().value()))
          .as(image.toString())
          .isEqualTo(image.metadata().getString("instance_uuid"));
      assertThat(image.server().isPresent()).isEqualTo(image.type().orElseThrow() == ImageType.SNAPSHOT);
    }
    assertThat(SAMPLE.stream().map(i -> i.metadata().getString("auto_disk_config").orElseThrow()).distinct())
        .containsExactlyInAnyOrder("True", "False", "disabled");
  }

  @Test
  void everyImageHasTheThreeLinksAndStringMetadataWithinRackspacesLimit() {
    for (Image image : SAMPLE) {
      assertThat(image.links()).isEqualTo(FakeImages.imageLinks(image.id()));
      assertThat(image.links()).extracting(Link::rel).containsExactly("self", "bookmark", "alternate");
      assertThat(image.metadata().values().values()).allSatisfy(v -> assertThat(v.isText()).isTrue());
      assertThat(image.metadata().size()).as(image.toString()).isBetween(15, 40);
      assertThat(image.updated()).isPresent();
      assertThat(image.metadata().asStrings())
          .containsKeys("image_type", "os_type", "org.openstack__1__os_distro", "org.openstack__1__architecture");
    }
  }

  @Test
  void baseImagesCarryRackspacesKeysAndSnapshotsPointAtABaseImageOfTheSample() {
    Set<String> ids = SAMPLE.stream().map(i -> i.id().value()).collect(Collectors.toSet());
    for (Image image : SAMPLE) {
      Map<String, String> m = image.metadata().asStrings();
      if (image.type().orElseThrow() == ImageType.BASE) {
        assertThat(m).containsKeys(
            "flavor_classes", "cache_in_nova", "com.rackspace__1__release_id", "com.rackspace__1__visible_core",
            "com.rackspace__1__build_managed", "com.rackspace__1__source", "com.rackspace__1__platform_target");
      } else {
        assertThat(ids).as(image.toString()).contains(m.get("base_image_ref"));
        assertThat(m).containsKeys("user_id", "instance_type_flavorid", "instance_type_memory_mb");
      }
    }
    assertThat(SAMPLE.stream().map(i -> i.metadata().getString("vm_mode").orElse("-")).distinct())
        .contains("hvm", "metal", "-");
  }

  @Test
  void theSampleIsTheSameOnEveryCall() {
    assertThat(SampleCatalogs.rackspace()).isSameAs(SAMPLE);
    assertThat(SAMPLE.get(0).id()).isEqualTo(SampleCatalogs.rackspace().get(0).id());
    assertThatThrownBy(() -> SAMPLE.add(SAMPLE.get(0))).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void generatedImagesComeInServiceOrderWithUniqueIds() {
    List<Image> images = SampleCatalogs.generated(20_000, 1);

    assertThat(images).hasSize(20_000).isSortedAccordingTo(Image.serviceOrder());
    assertThat(images.stream().map(Image::id).distinct()).hasSize(20_000);
    assertThat(images.get(0).created()).isBefore(SampleCatalogs.GENERATED_UNTIL);
  }

  @Test
  void generationIsDeterministicForASeedAndDiffersBetweenSeeds() {
    List<Image> one = SampleCatalogs.generated(12_000, 99);
    List<Image> two = SampleCatalogs.generated(12_000, 99);
    List<Image> other = SampleCatalogs.generated(12_000, 100);

    assertThat(one).isEqualTo(two);
    assertThat(one.get(5).id()).isNotEqualTo(other.get(5).id());
    // A shorter catalog of the same seed is the start of the longer one.
    assertThat(SampleCatalogs.generated(50, 99)).isEqualTo(one.subList(0, 50));
  }

  @Test
  void generatedCatalogsMixKindsLikeAnAccount() {
    List<Image> images = SampleCatalogs.generated(20_000, 5);
    Map<Object, Long> byStatus = countBy(images, Image::status);
    Map<Object, Long> byType = countBy(images, i -> i.type().orElseThrow());

    assertThat(byStatus.get(ImageStatus.ACTIVE)).isBetween(16_000L, 18_500L);
    assertThat(byStatus.get(ImageStatus.SAVING)).isBetween(500L, 1_200L);
    assertThat(byStatus.get(ImageStatus.DELETED)).isBetween(800L, 1_600L);
    assertThat(byStatus.get(ImageStatus.ERROR)).isBetween(300L, 900L);
    assertThat(byType.get(ImageType.BASE)).isBetween(800L, 1_600L);
    for (Image image : images.subList(0, 2_000)) {
      assertThat(image.server().map(s -> s.id().value())).isEqualTo(image.metadata().getString("instance_uuid"));
      assertThat(image.links()).isEqualTo(FakeImages.imageLinks(image.id()));
      if (image.status() == ImageStatus.SAVING || image.status() == ImageStatus.ERROR) {
        assertThat(image.size()).isEmpty();
      }
    }
  }

  @Test
  void generatedImagesShareTheirMetadataAndServerReferences() {
    List<Image> images = SampleCatalogs.generated(20_000, 3);
    Set<ImageMetadata> distinctMetadata = Collections.newSetFromMap(new IdentityHashMap<>());
    Set<Object> distinctServers = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Image image : images) {
      distinctMetadata.add(image.metadata());
      image.server().ifPresent(distinctServers::add);
    }

    // At most two maps per server (manual, scheduled) plus one per base template: not one per image.
    assertThat(distinctMetadata).hasSizeLessThanOrEqualTo(2_100);
    assertThat(distinctServers).hasSizeLessThanOrEqualTo(1_000);
  }

  @Test
  void noImagesIsAnEmptyCatalog() {
    assertThat(SampleCatalogs.generated(0, 1)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, Integer.MIN_VALUE})
  void aNegativeCountIsRefused(int count) {
    assertThatThrownBy(() -> SampleCatalogs.generated(count, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Integer.toString(count));
  }

  /** SHA-256 of every image's id, name, status and created, one line each: what the CLI and its tests show. */
  private static String fingerprint(List<Image> images) throws Exception {
    StringBuilder lines = new StringBuilder();
    for (Image image : images) {
      lines.append(image.id().value()).append('|').append(image.name().orElse("")).append('|')
          .append(image.rawStatus()).append('|').append(image.created()).append('\n');
    }
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    return HexFormat.of().formatHex(sha256.digest(lines.toString().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void theSampleAndGeneratedCatalogsStayExactlyTheSameImages() throws Exception {
    // Pinned: the CLI, the emulator's fixtures and users' tests name these ids. Change only on purpose.
    assertThat(fingerprint(SAMPLE))
        .isEqualTo("6dbd64d3dff367ff7873d610aa503ae105f61509ae036bed1cdc3e5a2e34b1b7");
    assertThat(fingerprint(SampleCatalogs.generated(3_000, 42)))
        .isEqualTo("11666f80cdad532578d2813867ba55b1f8f40e3d85a27668270714cabb8e82cf");
  }

  @Test
  void sampleImagesCanBeLookedUpByName() {
    Image ubuntu =
        SAMPLE.stream().filter(i -> i.name().orElseThrow().equals("Ubuntu 24.04 LTS (Noble Numbat)")).findFirst()
            .orElseThrow();

    assertThat(InMemoryImageCatalog.builder().images(SAMPLE).build().find(ubuntu.id())).contains(ubuntu);
    assertThat(ubuntu.metadata().get("auto_disk_config")).contains(AttributeValue.text("True"));
  }

  /** The fake stores no production address as data: every link is a placeholder under http://images.invalid/. */
  @Test
  void everyLinkIsUnderTheNeutralEndpointNotAProductionHost() {
    List<Image> images = new java.util.ArrayList<>(SampleCatalogs.rackspace());
    images.addAll(SampleCatalogs.generated(2_000, 5));

    assertThat(images)
        .allSatisfy(
            image -> {
              assertThat(image.links()).isNotEmpty();
              java.util.stream.Stream.concat(
                      image.links().stream(), image.server().stream().flatMap(s -> s.links().stream()))
                  .forEach(link -> assertThat(link.href().toString()).startsWith("http://images.invalid/"));
            });
  }
}
