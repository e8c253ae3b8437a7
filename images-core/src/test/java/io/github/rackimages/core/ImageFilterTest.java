package io.github.rackimages.core;

import static io.github.rackimages.core.TestImages.T0;
import static io.github.rackimages.core.TestImages.image;
import static io.github.rackimages.core.TestImages.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageFilterTest {

  private static final String SERVER = "87487601-1968-4d3c-b2fa-3034b0d9e6f3";
  private static final String SERVER_URL = "https://dfw.servers.api.rackspacecloud.com/v2/820712/servers/" + SERVER;

  private static ImageFilter.Builder filter() {
    return ImageFilter.builder();
  }

  @Nested
  class Building {

    @Test
    void allSetsNoFilter() {
      ImageFilter all = ImageFilter.all();

      assertThat(all.isEmpty()).isTrue();
      assertThat(all.server()).isEmpty();
      assertThat(all.serverId()).isEmpty();
      assertThat(all.name()).isEmpty();
      assertThat(all.status()).isEmpty();
      assertThat(all.changesSince()).isEmpty();
      assertThat(all.type()).isEmpty();
      assertThat(all.minDisk()).isEmpty();
      assertThat(all.minRam()).isEmpty();
      assertThat(all).isEqualTo(filter().build()).hasToString("ImageFilter[]");
    }

    @Test
    void everySetterIsReported() {
      ImageFilter f =
          filter()
              .server(ServerId.of(SERVER))
              .name("web & db #1")
              .status(ImageStatus.SAVING)
              .changesSince(T0)
              .type(ImageType.SNAPSHOT)
              .minDisk(20)
              .minRam(512)
              .build();

      assertThat(f.isEmpty()).isFalse();
      assertThat(f.server()).contains(SERVER);
      assertThat(f.serverId()).contains(SERVER);
      assertThat(f.name()).contains("web & db #1");
      assertThat(f.status()).contains(ImageStatus.SAVING);
      assertThat(f.changesSince()).contains(T0);
      assertThat(f.type()).contains(ImageType.SNAPSHOT);
      assertThat(f.minDisk()).hasValue(20);
      assertThat(f.minRam()).hasValue(512);
      assertThat(f)
          .hasToString(
              "ImageFilter[server="
                  + SERVER
                  + ", name=web & db #1, status=saving, changesSince="
                  + T0
                  + ", type=snapshot, minDisk=20, minRam=512]");
    }

    @Test
    void aServerUrlIsKeptAndItsLastSegmentIsTheServerId() {
      ImageFilter byUri = filter().server(URI.create(SERVER_URL)).build();
      ImageFilter byText = filter().server(SERVER_URL).build();

      assertThat(byUri.server()).contains(SERVER_URL);
      assertThat(byUri.serverId()).contains(SERVER);
      assertThat(byText).isEqualTo(byUri);
      assertThat(filter().server(SERVER).build()).isEqualTo(filter().server(ServerId.of(SERVER)).build());
    }

    @Test
    void aServerUrlEndingInASlashHasAnEmptyServerId() {
      assertThat(filter().server(SERVER_URL + "/").build().serverId()).contains("");
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"", " ", "\t\n"})
    void aBlankServerIsRejectedNamingIt(String blank) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> filter().server(blank))
          .withMessage("server must not be blank: '" + blank + "'");
    }

    @Test
    void anEmptyServerUrlIsRejected() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> filter().server(URI.create("")))
          .withMessage("server URL must not be blank: ''");
    }

    @Test
    void anEmptyNameIsRejectedButABlankOneIsAName() {
      assertThatIllegalArgumentException().isThrownBy(() -> filter().name("")).withMessage("name must not be empty: ''");
      assertThat(filter().name(" ").build().name()).contains(" ");
    }

    @Test
    void theUnrecognizedStatusCannotBeAFilter() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> filter().status(ImageStatus.UNRECOGNIZED))
          .withMessageContaining("UNRECOGNIZED");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {-1, -1000, Integer.MIN_VALUE})
    void negativeSizesAreRejectedNamingTheValue(int negative) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> filter().minDisk(negative))
          .withMessage("minDisk must be >= 0: " + negative);
      assertThatIllegalArgumentException()
          .isThrownBy(() -> filter().minRam(negative))
          .withMessage("minRam must be >= 0: " + negative);
    }

    @Test
    void zeroSizesAreFilters() {
      ImageFilter f = filter().minDisk(0).minRam(0).build();

      assertThat(f.minDisk()).hasValue(0);
      assertThat(f.minRam()).hasValue(0);
      assertThat(f.isEmpty()).isFalse();
    }

    @Test
    void nullsAreRejectedNamingTheSetter() {
      assertThatNullPointerException().isThrownBy(() -> filter().server((ServerId) null)).withMessage("server");
      assertThatNullPointerException().isThrownBy(() -> filter().server((String) null)).withMessage("server");
      assertThatNullPointerException().isThrownBy(() -> filter().server((URI) null)).withMessage("server URL");
      assertThatNullPointerException().isThrownBy(() -> filter().name(null)).withMessage("name");
      assertThatNullPointerException().isThrownBy(() -> filter().status(null)).withMessage("status");
      assertThatNullPointerException().isThrownBy(() -> filter().changesSince(null)).withMessage("changesSince");
      assertThatNullPointerException().isThrownBy(() -> filter().type(null)).withMessage("type");
    }

    @Test
    void toBuilderCopiesEveryFilterAndLeavesTheOriginalUnchanged() {
      ImageFilter f =
          filter()
              .server(SERVER_URL)
              .name("n")
              .status(ImageStatus.DELETED)
              .changesSince(T0)
              .type(ImageType.BASE)
              .minDisk(1)
              .minRam(2)
              .build();

      assertThat(f.toBuilder().build()).isEqualTo(f).hasSameHashCodeAs(f).hasToString(f.toString());
      ImageFilter changed = f.toBuilder().name("m").build();
      assertThat(changed).isNotEqualTo(f);
      assertThat(f.name()).contains("n");
    }

    static Stream<Arguments> singleFilters() {
      return Stream.<Map.Entry<String, UnaryOperator<ImageFilter.Builder>>>of(
              Map.entry("server", b -> b.server("s")),
              Map.entry("name", b -> b.name("n")),
              Map.entry("status", b -> b.status(ImageStatus.ACTIVE)),
              Map.entry("changesSince", b -> b.changesSince(T0)),
              Map.entry("type", b -> b.type(ImageType.BASE)),
              Map.entry("minDisk", b -> b.minDisk(0)),
              Map.entry("minRam", b -> b.minRam(0)))
          .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singleFilters")
    void filtersDifferingInOneValueAreNotEqual(String what, UnaryOperator<ImageFilter.Builder> set) {
      ImageFilter f = set.apply(filter()).build();

      assertThat(f).isNotEqualTo(ImageFilter.all());
      assertThat(f.isEmpty()).isFalse();
      assertThat(f).isEqualTo(set.apply(filter()).build()).hasSameHashCodeAs(set.apply(filter()).build());
      assertThat(f.toString()).startsWith("ImageFilter[" + what + "=");
    }
  }

  @Nested
  class Matching {

    @Test
    void noFilterListsActiveAndSavingImagesOnly() {
      ImageFilter all = ImageFilter.all();

      assertThat(all.matches(image("i").status(ImageStatus.ACTIVE).build())).isTrue();
      assertThat(all.matches(image("i").status(ImageStatus.SAVING).progress(25).build())).isTrue();
      assertThat(all.matches(image("i").status(ImageStatus.DELETED).build())).isFalse();
      assertThat(all.matches(image("i").status(ImageStatus.ERROR).build())).isFalse();
      assertThat(all.matches(image("i").status(ImageStatus.UNKNOWN).build())).isFalse();
      assertThat(all.matches(image("i").rawStatus("importing").build())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
        value = ImageStatus.class,
        names = {"DELETED", "ERROR"})
    void deletedAndErrorImagesAreListedOnlyWhenChangedStrictlyAfterChangesSince(ImageStatus status) {
      Image changedAtT0 = image("i").status(status).progress(0).updated(T0).build();
      String glance = status == ImageStatus.ERROR ? "killed" : "deleted";

      assertThat(filter().changesSince(T0.minusNanos(1)).build().matches(changedAtT0)).isTrue();
      assertThat(filter().changesSince(T0).build().matches(changedAtT0)).isFalse();
      assertThat(filter().changesSince(T0.plusSeconds(1)).build().matches(changedAtT0)).isFalse();
      assertThat(filter().glanceStatus(glance).build().matches(changedAtT0)).isFalse();
      assertThat(filter().glanceStatus(glance).changesSince(T0.minusSeconds(1)).build().matches(changedAtT0)).isTrue();
    }

    @Test
    void changesSinceAlsoAppliesToActiveImages() {
      Image active = image("i").updated(T0).build();

      assertThat(filter().changesSince(T0.minusSeconds(1)).build().matches(active)).isTrue();
      assertThat(filter().changesSince(T0).build().matches(active)).isFalse();
    }

    @Test
    void changesSinceComparesTheCreationTimeOfAnImageNeverUpdated() {
      Image neverUpdated = image("i", 10).build();
      Instant created = neverUpdated.created();

      assertThat(filter().changesSince(created.minusMillis(1)).build().matches(neverUpdated)).isTrue();
      assertThat(filter().changesSince(created).build().matches(neverUpdated)).isFalse();
    }

    @Test
    void changesSinceComparesTheUpdateTimeNotTheCreationTime() {
      Image updatedLater = image("i", 0).updated(T0.plusSeconds(3600)).build();

      assertThat(filter().changesSince(T0.plusSeconds(60)).build().matches(updatedLater)).isTrue();
    }

    @Test
    void theNameMatchesExactly() {
      ImageFilter f = filter().name("Ubuntu 22.04").build();

      assertThat(f.matches(image("i").name("Ubuntu 22.04").build())).isTrue();
      assertThat(f.matches(image("i").name("ubuntu 22.04").build())).isFalse();
      assertThat(f.matches(image("i").name("Ubuntu 22.04 ").build())).isFalse();
      assertThat(f.matches(image("i").name("Ubuntu").build())).isFalse();
      assertThat(f.matches(image("i").build())).isFalse();
    }

    @Test
    void theStatusMatchesTheGlanceStatusBehindTheApiStatus() {
      ImageFilter saving = filter().status(ImageStatus.SAVING).build();

      assertThat(saving.matches(image("i").status(ImageStatus.SAVING).build())).isTrue();
      assertThat(saving.matches(image("i").rawStatus("saving").build())).isTrue();
      assertThat(saving.matches(image("i").status(ImageStatus.ACTIVE).build())).isFalse();
    }

    @ParameterizedTest(name = "image_type [{0}]")
    @CsvSource({"base, BASE", "BASE, BASE", "Base, BASE", "snapshot, SNAPSHOT", "SNAPSHOT, SNAPSHOT"})
    void theTypeMatchesImageTypeMetadataInAnyCase(String stored, ImageType type) {
      Image image = image("i").metadata(metadata("image_type", stored)).build();
      ImageType other = type == ImageType.BASE ? ImageType.SNAPSHOT : ImageType.BASE;

      assertThat(filter().type(type).build().matches(image)).isTrue();
      assertThat(filter().type(other).build().matches(image)).isFalse();
    }

    @Test
    void aTypeFilterExcludesImagesWithoutImageType() {
      assertThat(filter().type(ImageType.BASE).build().matches(image("i").build())).isFalse();
      assertThat(filter().type(ImageType.BASE).build().matches(image("i").metadata(metadata("os_type", "base")).build()))
          .isFalse();
    }

    @ParameterizedTest(name = "minDisk {0} vs image {1}: {2}")
    @CsvSource({"20, 20, true", "20, 19, false", "20, 21, false", "0, 0, true", "0, 10, false"})
    void minDiskMatchesExactly(int wanted, int actual, boolean matches) {
      assertThat(filter().minDisk(wanted).build().matches(image("i").minDisk(actual).build())).isEqualTo(matches);
    }

    @ParameterizedTest(name = "minRam {0} vs image {1}: {2}")
    @CsvSource({"512, 512, true", "512, 511, false", "512, 1024, false", "0, 0, true", "0, 256, false"})
    void minRamMatchesExactly(int wanted, int actual, boolean matches) {
      assertThat(filter().minRam(wanted).build().matches(image("i").minRam(actual).build())).isEqualTo(matches);
    }

    @Test
    void theServerMatchesBySnapshotServerId() {
      Image snapshot = image("i").server(ServerReference.of(ServerId.of(SERVER))).build();

      assertThat(filter().server(ServerId.of(SERVER)).build().matches(snapshot)).isTrue();
      assertThat(filter().server(SERVER).build().matches(snapshot)).isTrue();
      assertThat(filter().server("other").build().matches(snapshot)).isFalse();
      assertThat(filter().server(SERVER).build().matches(image("i").build())).isFalse();
    }

    @Test
    void theServerMatchesByInstanceUuidMetadataWhenNoServerIsReported() {
      Image snapshot = image("i").metadata(metadata("instance_uuid", SERVER)).build();

      assertThat(filter().server(SERVER).build().matches(snapshot)).isTrue();
      assertThat(filter().server("other").build().matches(snapshot)).isFalse();
    }

    @Test
    void theServerMatchesByTheLastSegmentOfAUrl() {
      Image snapshot = image("i").server(ServerReference.of(ServerId.of(SERVER))).build();

      assertThat(filter().server(URI.create(SERVER_URL)).build().matches(snapshot)).isTrue();
      assertThat(filter().server(SERVER_URL).build().matches(snapshot)).isTrue();
      assertThat(filter().server("https://h/v2/t/servers/other").build().matches(snapshot)).isFalse();
    }

    @Test
    void aServerUrlEndingInASlashMatchesNothing() {
      ImageFilter f = filter().server(SERVER_URL + "/").build();

      assertThat(f.matches(image("i").server(ServerReference.of(ServerId.of(SERVER))).build())).isFalse();
      assertThat(f.matches(image("i").build())).isFalse();
      // Not even an image whose instance_uuid is empty text: the documented rule is "matches nothing".
      assertThat(f.matches(image("i").metadata(metadata("instance_uuid", "")).build())).isFalse();
    }

    @Test
    void allFiltersTogetherMatchOnlyAnImageMeetingEveryOne() {
      ImageFilter f =
          filter()
              .server(SERVER)
              .name("web01")
              .status(ImageStatus.DELETED)
              .changesSince(T0)
              .type(ImageType.SNAPSHOT)
              .minDisk(20)
              .minRam(512)
              .build();
      Image match =
          image("i")
              .name("web01")
              .status(ImageStatus.DELETED)
              .updated(T0.plusSeconds(1))
              .metadata(metadata("image_type", "snapshot"))
              .minDisk(20)
              .minRam(512)
              .server(ServerReference.of(ServerId.of(SERVER)))
              .build();

      assertThat(f.matches(match)).isTrue();
      assertThat(f.matches(match.toBuilder().name("web02").build())).isFalse();
      assertThat(f.matches(match.toBuilder().status(ImageStatus.ACTIVE).build())).isFalse();
      assertThat(f.matches(match.toBuilder().updated(T0).build())).isFalse();
      assertThat(f.matches(match.toBuilder().metadata(metadata("image_type", "base")).build())).isFalse();
      assertThat(f.matches(match.toBuilder().minDisk(10).build())).isFalse();
      assertThat(f.matches(match.toBuilder().minRam(1024).build())).isFalse();
      assertThat(f.matches(match.toBuilder().server(ServerReference.of(ServerId.of("x"))).build())).isFalse();
    }

    @Test
    void twoFiltersAreAnded() {
      ImageFilter f = filter().type(ImageType.BASE).minRam(512).build();
      Image base512 = image("i").metadata(metadata("image_type", "base")).minRam(512).build();

      assertThat(f.matches(base512)).isTrue();
      assertThat(f.matches(base512.toBuilder().minRam(256).build())).isFalse();
      assertThat(f.matches(base512.toBuilder().metadata(ImageMetadata.empty()).build())).isFalse();
    }

    @Test
    void matchingNoImageIsRejected() {
      assertThatNullPointerException().isThrownBy(() -> ImageFilter.all().matches(null)).withMessage("image");
    }
  }
}
