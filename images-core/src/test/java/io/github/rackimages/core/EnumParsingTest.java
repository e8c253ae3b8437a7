package io.github.rackimages.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EnumParsingTest {

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource({
    "ACTIVE, ACTIVE",
    "active, ACTIVE",
    "Active, ACTIVE",
    "SAVING, SAVING",
    "saving, SAVING",
    "DELETED, DELETED",
    "deleted, DELETED",
    "ERROR, ERROR",
    "eRrOr, ERROR",
    "UNKNOWN, UNKNOWN",
    "unknown, UNKNOWN",
    "'  ACTIVE ', ACTIVE"
  })
  void knownStatusesAreReadInAnyCase(String text, ImageStatus expected) {
    assertThat(ImageStatus.fromValue(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}] is unrecognized")
  @ValueSource(strings = {"", " ", "queued", "killed", "pending_delete", "UNRECOGNIZED", "unrecognized", "ACTIVE!"})
  void unknownStatusesAreUnrecognized(String text) {
    assertThat(ImageStatus.fromValue(text)).isEqualTo(ImageStatus.UNRECOGNIZED);
  }

  @Test
  void aNullStatusIsRejected() {
    assertThatNullPointerException().isThrownBy(() -> ImageStatus.fromValue(null)).withMessage("status");
  }

  @Test
  void onlyActiveAndSavingImagesAreListedByDefault() {
    EnumSet<ImageStatus> listed = EnumSet.noneOf(ImageStatus.class);
    for (ImageStatus status : ImageStatus.values()) {
      if (status.listedByDefault()) {
        listed.add(status);
      }
    }
    assertThat(listed).containsExactlyInAnyOrder(ImageStatus.ACTIVE, ImageStatus.SAVING);
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource({"base, BASE", "BASE, BASE", "Base, BASE", "snapshot, SNAPSHOT", "SNAPSHOT, SNAPSHOT", "' snapShot ', SNAPSHOT"})
  void imageTypesAreReadInAnyCase(String text, ImageType expected) {
    assertThat(ImageType.fromValue(text)).contains(expected);
    assertThat(ImageType.parse(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}] is no image type")
  @ValueSource(strings = {"", " ", "bases", "snap", "custom", "BASE_IMAGE"})
  void otherTextIsNoImageType(String text) {
    assertThat(ImageType.fromValue(text)).isEmpty();
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ImageType.parse(text))
        .withMessageContaining("'" + text + "'");
  }

  @Test
  void aNullImageTypeIsRejected() {
    assertThatNullPointerException().isThrownBy(() -> ImageType.fromValue(null)).withMessage("image type");
    assertThatNullPointerException().isThrownBy(() -> ImageType.parse(null)).withMessage("image type");
  }

  @ParameterizedTest
  @EnumSource(ImageType.class)
  void imageTypeValuesAreTheLowerCaseTextTheServiceStores(ImageType type) {
    assertThat(type.value()).isEqualTo(type.name().toLowerCase(java.util.Locale.ROOT));
    assertThat(ImageType.parse(type.value())).isEqualTo(type);
  }

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource({"AUTO, AUTO", "auto, AUTO", "Auto, AUTO", "MANUAL, MANUAL", "manual, MANUAL", "' Manual ', MANUAL"})
  void diskConfigsAreReadInAnyCase(String text, DiskConfig expected) {
    assertThat(DiskConfig.fromValue(text)).contains(expected);
  }

  @ParameterizedTest(name = "[{0}] is no disk config")
  @ValueSource(strings = {"", " ", "automatic", "none", "MANUALLY"})
  void otherTextIsNoDiskConfig(String text) {
    assertThat(DiskConfig.fromValue(text)).isEmpty();
  }

  @Test
  void aNullDiskConfigIsRejected() {
    assertThatNullPointerException().isThrownBy(() -> DiskConfig.fromValue(null)).withMessage("disk config");
  }
}
