package io.github.rackimages.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.DiskConfig;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Link;
import io.github.rackimages.core.ServerId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FakeImagesTest {

  private static final ServerId WEB01 = FakeImages.serverIdFor("web01");
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  @Test
  void aBaseImageIsPreFilledAsRackspacePublishesThem() {
    Image image = FakeImages.base("Ubuntu 24.04 LTS (Noble Numbat)").build();

    assertThat(image.id().value()).matches(UUID);
    assertThat(image.name()).contains("Ubuntu 24.04 LTS (Noble Numbat)");
    assertThat(image.created()).isEqualTo(FakeImages.CREATED);
    assertThat(image.updated()).contains(FakeImages.CREATED.plusSeconds(300));
    assertThat(image.status()).isEqualTo(ImageStatus.ACTIVE);
    assertThat(image.progress()).isEqualTo(100);
    assertThat(image.minDisk()).isEqualTo(20);
    assertThat(image.minRam()).isEqualTo(512);
    assertThat(image.size()).isPresent();
    assertThat(image.diskConfig()).contains(DiskConfig.MANUAL);
    assertThat(image.server()).isEmpty();
    assertThat(image.type()).contains(ImageType.BASE);
    assertThat(image.metadata().asStrings())
        .containsEntry("image_type", "base")
        .containsEntry("os_type", "linux")
        .containsEntry("os_distro", "ubuntu")
        .containsEntry("org.openstack__1__os_distro", "com.ubuntu")
        .containsEntry("org.openstack__1__os_version", "24.04")
        .containsEntry("org.openstack__1__architecture", "x64")
        .containsEntry("auto_disk_config", "disabled")
        .containsEntry("vm_mode", "hvm")
        .containsEntry("flavor_classes", "*,!onmetal")
        .containsEntry("cache_in_nova", "True")
        .containsKeys("com.rackspace__1__release_id", "com.rackspace__1__build_core");
  }

  @Test
  void aWindowsNameGivesAWindowsServerImage() {
    Image image = FakeImages.base("Windows Server 2022 Standard").build();

    assertThat(image.minDisk()).isEqualTo(40);
    assertThat(image.minRam()).isEqualTo(1024);
    assertThat(image.metadata().asStrings())
        .containsEntry("os_type", "windows")
        .containsEntry("org.openstack__1__os_distro", "com.microsoft.server")
        .containsEntry("org.openstack__1__os_version", "2022")
        .containsEntry("rax_activation_profile", "windows")
        .doesNotContainKeys("os_distro", "vm_mode");
  }

  @Test
  void otherDistributionsAreNamedByTheFirstWord() {
    assertThat(FakeImages.base("Rocky Linux 9").build().metadata().asStrings())
        .containsEntry("os_distro", "rocky")
        .containsEntry("org.openstack__1__os_distro", "org.rockylinux");
    assertThat(FakeImages.base("Red Hat Enterprise Linux 9").build().metadata().asStrings())
        .containsEntry("org.openstack__1__os_distro", "com.redhat");
    assertThat(FakeImages.base("Slackware 15").build().metadata().asStrings())
        .containsEntry("os_distro", "slackware")
        .containsEntry("org.openstack__1__os_distro", "org.slackware")
        .containsEntry("org.openstack__1__os_version", "15");
    assertThat(FakeImages.base("My golden image").build().metadata().asStrings())
        .doesNotContainKey("org.openstack__1__os_version");
  }

  @Test
  void imagesAreDeterministicAndTheirIdsFollowNameAndCreationTime() {
    Instant later = Instant.parse("2025-06-01T00:00:00Z");

    assertThat(FakeImages.base("Debian 12 (Bookworm)").build())
        .isEqualTo(FakeImages.base("Debian 12 (Bookworm)").build());
    assertThat(FakeImages.base("Debian 12 (Bookworm)").build().id())
        .isEqualTo(FakeImages.base("Debian 12 (Bookworm)", FakeImages.CREATED).build().id())
        .isNotEqualTo(FakeImages.base("Debian 11 (Bullseye)").build().id())
        .isNotEqualTo(FakeImages.base("Debian 12 (Bookworm)", later).build().id());
    assertThat(FakeImages.snapshot(WEB01, "nightly").build().id())
        .isNotEqualTo(FakeImages.snapshot(FakeImages.serverIdFor("web02"), "nightly").build().id());
    assertThat(FakeImages.base("Debian 12 (Bookworm)", later).build().created()).isEqualTo(later);
  }

  @Test
  void linksFollowTheServicesThreeForms() {
    ImageId id = ImageId.of("6455fff1-1f0e-46e3-a795-6c88738d7280");

    List<Link> links = FakeImages.imageLinks(id);

    assertThat(links)
        .containsExactly(
            Link.of("self", URI.create(
                "http://images.invalid/v2/123456/images/6455fff1-1f0e-46e3-a795-6c88738d7280")),
            Link.of("bookmark", URI.create(
                "http://images.invalid/123456/images/6455fff1-1f0e-46e3-a795-6c88738d7280")),
            Link.of("alternate", URI.create(
                    "http://images.invalid/123456/images/6455fff1-1f0e-46e3-a795-6c88738d7280"),
                "application/vnd.openstack.image"));
    assertThat(links.get(0).href().toString())
        .isEqualTo(FakeImages.ENDPOINT + "/images/6455fff1-1f0e-46e3-a795-6c88738d7280");
    assertThat(FakeImages.base("x").build().links()).isEqualTo(FakeImages.imageLinks(FakeImages.base("x").build().id()));
  }

  @Test
  void linksPercentEncodeAnIdThatCannotStandInAPathSegmentAsItIs() {
    assertThat(FakeImages.imageLinks(ImageId.of("odd id/ä")).get(0).href().getRawPath())
        .isEqualTo("/v2/123456/images/odd%20id%2F%C3%A4");
    assertThat(FakeImages.imageLinks(ImageId.of("..")).get(1).href().getRawPath())
        .isEqualTo("/123456/images/%2E%2E");
    assertThat(FakeImages.imageLinks(ImageId.of("v1.2_x~y")).get(1).href().getRawPath())
        .isEqualTo("/123456/images/v1.2_x~y");
  }

  @Test
  void aSnapshotCarriesItsServerAndWhatNovaRecords() {
    Image image = FakeImages.snapshot(WEB01, "web01-nightly").build();

    assertThat(image.type()).contains(ImageType.SNAPSHOT);
    assertThat(image.status()).isEqualTo(ImageStatus.ACTIVE);
    assertThat(image.size()).isPresent();
    assertThat(image.diskConfig()).contains(DiskConfig.MANUAL);
    assertThat(image.server()).hasValueSatisfying(server -> {
      assertThat(server.id()).isEqualTo(WEB01);
      assertThat(server.links()).extracting(Link::rel).containsExactly("self", "bookmark");
      assertThat(server.links().get(0).href())
          .isEqualTo(URI.create("http://images.invalid/v2/123456/servers/" + WEB01.value()));
      assertThat(server.links().get(1).href())
          .isEqualTo(URI.create("http://images.invalid/123456/servers/" + WEB01.value()));
    });
    Map<String, String> metadata = image.metadata().asStrings();
    assertThat(metadata)
        .containsEntry("image_type", "snapshot")
        .containsEntry("instance_uuid", WEB01.value())
        .containsEntry("base_image_ref", FakeImages.base("Ubuntu 24.04 LTS (Noble Numbat)").build().id().value())
        .containsEntry("user_id", FakeImages.USER_ID)
        .containsEntry("auto_disk_config", "False")
        .containsEntry("instance_type_flavorid", "general1-1")
        .doesNotContainKey("org.openstack__1__created_by");
  }

  @Test
  void aScheduledSnapshotIsNamedAndMarkedAsTheScheduledImagesServiceDoes() {
    Instant at = Instant.parse("2015-03-10T18:35:17Z");

    Image image = FakeImages.scheduledSnapshot(WEB01, "web01", at).build();

    assertThat(image.name()).contains("Daily-web01-1426012517");
    assertThat(image.created()).isEqualTo(at);
    assertThat(image.metadata().getString("org.openstack__1__created_by")).contains("scheduled_images_service");
  }

  @Test
  void aSavingSnapshotHasNoSizeYet() {
    Image image = FakeImages.saving(WEB01, "in-progress").build();

    assertThat(image.status()).isEqualTo(ImageStatus.SAVING);
    assertThat(image.progress()).isEqualTo(50);
    assertThat(image.size()).isEmpty();
    assertThat(image.updated()).contains(image.created());
  }

  @Test
  void aFailedSnapshotIsAnErrorWithNoProgressOrSize() {
    Image image = FakeImages.failed(WEB01, "broken").build();

    assertThat(image.status()).isEqualTo(ImageStatus.ERROR);
    assertThat(image.progress()).isZero();
    assertThat(image.size()).isEmpty();
  }

  @Test
  void deletedKeepsEverythingButStatusProgressAndUpdated() {
    Image image = FakeImages.snapshot(WEB01, "old").build();
    Instant when = Instant.parse("2025-06-30T00:00:00Z");

    Image deleted = FakeImages.deleted(image, when);

    assertThat(deleted.status()).isEqualTo(ImageStatus.DELETED);
    assertThat(deleted.progress()).isZero();
    assertThat(deleted.updated()).contains(when);
    assertThat(deleted.id()).isEqualTo(image.id());
    assertThat(deleted.metadata()).isEqualTo(image.metadata());
    assertThat(deleted.size()).isEqualTo(image.size());
  }

  @Test
  void serverIdsAreDeterministicPerHostName() {
    assertThat(FakeImages.serverIdFor("web01")).isEqualTo(WEB01).isNotEqualTo(FakeImages.serverIdFor("web02"));
    assertThat(WEB01.value()).matches(UUID);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\t"})
  void blankNamesAreRefused(String blank) {
    assertThatThrownBy(() -> FakeImages.base(blank)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("name must not be blank");
    assertThatThrownBy(() -> FakeImages.snapshot(WEB01, blank)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeImages.scheduledSnapshot(WEB01, blank, FakeImages.CREATED))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeImages.serverIdFor(blank)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nullsAreRefused() {
    assertThatThrownBy(() -> FakeImages.base(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> FakeImages.base("x", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> FakeImages.snapshot(null, "x")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> FakeImages.saving(WEB01, "x", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> FakeImages.deleted(null, Instant.EPOCH)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> FakeImages.deleted(FakeImages.base("x").build(), null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> FakeImages.imageLinks(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> FakeImages.serverReference(null)).isInstanceOf(NullPointerException.class);
  }
}
