package io.github.rackimages.core;

import static io.github.rackimages.core.TestImages.T0;
import static io.github.rackimages.core.TestImages.image;
import static io.github.rackimages.core.TestImages.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The filters as Nova passes them to glance: the glance status, and {@code property-<key>} filters. */
class ImageFilterServiceSemanticsTest {

  private static final Image QUEUED = image("q").status(ImageStatus.SAVING).progress(25).build();
  private static final Image SAVING = image("s").status(ImageStatus.SAVING).progress(50).build();
  private static final Image ACTIVE = image("a").build();
  private static final Image KILLED = image("k").status(ImageStatus.ERROR).progress(0).updated(T0).build();
  private static final Image DELETED = image("d").status(ImageStatus.DELETED).progress(0).updated(T0).build();

  private static ImageFilter.Builder filter() {
    return ImageFilter.builder();
  }

  @Nested
  class Status {

    @Test
    void savingMatchesOnlyGlancesSavingNotQueued() {
      ImageFilter saving = filter().status(ImageStatus.SAVING).build();

      assertThat(saving.matches(SAVING)).isTrue();
      assertThat(saving.matches(QUEUED)).isFalse();
      assertThat(saving.glanceStatus()).contains("saving");
    }

    @Test
    void theGlanceStatusQueuedMatchesTheSavingImagesAt25Percent() {
      ImageFilter queued = filter().glanceStatus("queued").build();

      assertThat(queued.matches(QUEUED)).isTrue();
      assertThat(queued.matches(SAVING)).isFalse();
      assertThat(queued.status()).isEmpty();
    }

    @Test
    void theGlanceStatusKilledMatchesErrorImagesWithChangesSince() {
      ImageFilter killed = filter().glanceStatus("killed").changesSince(T0.minusSeconds(1)).build();

      assertThat(killed.matches(KILLED)).isTrue();
      assertThat(filter().glanceStatus("killed").build().matches(KILLED)).isFalse();
    }

    @Test
    void deletedMatchesDeletedImagesWithChangesSince() {
      assertThat(filter().status(ImageStatus.DELETED).changesSince(T0.minusSeconds(1)).build().matches(DELETED))
          .isTrue();
    }

    @Test
    void theGlanceStatusIsLowerCasedAsNovaDoesButNotTrimmed() {
      assertThat(filter().glanceStatus("ACTIVE").build()).isEqualTo(filter().status(ImageStatus.ACTIVE).build());
      assertThat(filter().glanceStatus("Active").build().matches(ACTIVE)).isTrue();
      assertThat(filter().glanceStatus(" active").build().matches(ACTIVE)).isFalse();
      assertThat(filter().glanceStatus("active ").build().glanceStatus()).contains("active ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"error", "unknown", "ERROR", "bogus"})
    void aGlanceStatusGlanceDoesNotHaveMatchesNothing(String value) {
      ImageFilter f = filter().glanceStatus(value).changesSince(T0.minusSeconds(1)).build();

      for (Image image : new Image[] {QUEUED, SAVING, ACTIVE, KILLED, DELETED}) {
        assertThat(f.matches(image)).as("%s", image.id()).isFalse();
      }
      assertThat(f.matches(image("u").status(ImageStatus.UNKNOWN).progress(0).build())).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(
        value = ImageStatus.class,
        names = {"ERROR", "UNKNOWN", "UNRECOGNIZED"})
    void aTypedStatusTheServiceNeverMatchesIsRejectedSayingWhatToUse(ImageStatus status) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> filter().status(status))
          .withMessageContaining(status.name())
          .withMessageContaining("glanceStatus");
    }

    @Test
    void theTypedStatusIsReportedOnlyForTheGlanceStatusItSends() {
      assertThat(filter().status(ImageStatus.ACTIVE).build().status()).contains(ImageStatus.ACTIVE);
      assertThat(filter().glanceStatus("saving").build().status()).contains(ImageStatus.SAVING);
      assertThat(filter().glanceStatus("deleted").build().status()).contains(ImageStatus.DELETED);
      assertThat(filter().glanceStatus("killed").build().status()).isEmpty();
      assertThat(filter().glanceStatus("error").build().status()).isEmpty();
    }

    @Test
    void anEmptyOrNullGlanceStatusIsRejected() {
      assertThatIllegalArgumentException().isThrownBy(() -> filter().glanceStatus("")).withMessageContaining("''");
      assertThatNullPointerException().isThrownBy(() -> filter().glanceStatus(null)).withMessage("glanceStatus");
    }
  }

  @Nested
  class Properties {

    @Test
    void aPropertyMatchesTheMetadataValueExactly() {
      ImageFilter f = filter().property("os_type", "linux").build();

      assertThat(f.matches(image("i").metadata(metadata("os_type", "linux")).build())).isTrue();
      assertThat(f.matches(image("i").metadata(metadata("os_type", "Linux")).build())).isFalse();
      assertThat(f.matches(image("i").metadata(metadata("os_type", " linux")).build())).isFalse();
      assertThat(f.matches(image("i").metadata(metadata("other", "linux")).build())).isFalse();
      assertThat(f.matches(image("i").build())).isFalse();
    }

    @Test
    void severalPropertiesAreAndedAndKeptInOrder() {
      ImageFilter f = filter().property("os_type", "linux").property("os_distro", "ubuntu").build();
      Image both = image("i").metadata(ImageMetadata.ofStrings(Map.of("os_type", "linux", "os_distro", "ubuntu"))).build();

      assertThat(f.matches(both)).isTrue();
      assertThat(f.matches(image("i").metadata(metadata("os_type", "linux")).build())).isFalse();
      assertThat(f.properties()).containsExactly(Map.entry("os_type", "linux"), Map.entry("os_distro", "ubuntu"));
      assertThat(f).hasToString("ImageFilter[property-os_type=linux, property-os_distro=ubuntu]");
    }

    @Test
    void theSameKeyAgainReplacesItsValueAsTheServiceKeepsTheLast() {
      ImageFilter f = filter().property("k", "1").property("k", "2").build();

      assertThat(f.properties()).containsExactly(Map.entry("k", "2"));
      assertThat(f).isEqualTo(filter().property("k", "2").build());
    }

    @Test
    void anEmptyValueMatchesAnEmptyProperty() {
      ImageFilter f = filter().property("k", "").build();

      assertThat(f.matches(image("i").metadata(metadata("k", "")).build())).isTrue();
      assertThat(f.matches(image("i").build())).isFalse();
    }

    @Test
    void anEmptyKeyIsRejectedAndNullsAreRejected() {
      assertThatIllegalArgumentException().isThrownBy(() -> filter().property("", "v")).withMessageContaining("''");
      assertThatNullPointerException().isThrownBy(() -> filter().property(null, "v"));
      assertThatNullPointerException().isThrownBy(() -> filter().property("k", null));
    }

    @Test
    void propertiesAreCopiedIntoTheFilter() {
      ImageFilter.Builder b = filter().property("a", "1");
      ImageFilter first = b.build();
      b.property("b", "2");

      assertThat(first.properties()).containsOnlyKeys("a");
      assertThat(first.toBuilder().build()).isEqualTo(first);
      assertThat(first.isEmpty()).isFalse();
    }
  }

  @Nested
  class Type {

    @ParameterizedTest(name = "image_type [{0}]")
    @CsvSource({"' base'", "'base '", "'bas e'"})
    void theTypeIsNotTrimmed(String stored) {
      Image image = image("i").metadata(metadata("image_type", stored)).build();

      assertThat(filter().type(ImageType.BASE).build().matches(image)).isFalse();
    }
  }
}
