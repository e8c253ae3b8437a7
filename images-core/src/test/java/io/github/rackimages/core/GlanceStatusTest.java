package io.github.rackimages.core;

import static io.github.rackimages.core.TestImages.image;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class GlanceStatusTest {

  @ParameterizedTest(name = "{0} -> {1} {2}%")
  @CsvSource({
    "QUEUED, SAVING, 25",
    "SAVING, SAVING, 50",
    "ACTIVE, ACTIVE, 100",
    "KILLED, ERROR, 0",
    "DELETED, DELETED, 0",
    "PENDING_DELETE, DELETED, 0"
  })
  void novaShowsEachGlanceStatusAsAnApiStatusAndProgress(GlanceStatus glance, ImageStatus api, int progress) {
    assertThat(glance.apiStatus()).isEqualTo(api);
    assertThat(glance.progress()).isEqualTo(progress);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(GlanceStatus.class)
  void theValueIsGlancesLowerCaseTextAndReadsBack(GlanceStatus glance) {
    assertThat(glance.value()).isEqualTo(glance.name().toLowerCase(java.util.Locale.ROOT));
    assertThat(GlanceStatus.fromValue(glance.value())).contains(glance);
  }

  @Test
  void onlyGlancesExactTextIsAStatus() {
    assertThat(GlanceStatus.fromValue("ACTIVE")).isEmpty();
    assertThat(GlanceStatus.fromValue(" active")).isEmpty();
    assertThat(GlanceStatus.fromValue("error")).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}% -> {2}")
  @CsvSource({
    "ACTIVE, 100, ACTIVE",
    "SAVING, 25, QUEUED",
    "SAVING, 50, SAVING",
    "SAVING, 0, SAVING",
    "ERROR, 0, KILLED",
    "DELETED, 0, DELETED"
  })
  void anImageInTheApisShapeGivesItsGlanceStatusBack(ImageStatus api, int progress, GlanceStatus glance) {
    assertThat(GlanceStatus.of(image("i").status(api).progress(progress).build())).contains(glance);
  }

  @Test
  void anUnknownOrUnrecognizedImageHasNoGlanceStatus() {
    assertThat(GlanceStatus.of(image("i").status(ImageStatus.UNKNOWN).progress(0).build())).isEmpty();
    assertThat(GlanceStatus.of(image("i").rawStatus("importing").progress(0).build())).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = GlanceStatus.class,
      names = {"PENDING_DELETE"},
      mode = EnumSource.Mode.EXCLUDE)
  void everyGlanceStatusButPendingDeleteSurvivesTheApisShape(GlanceStatus glance) {
    Image shown = image("i").status(glance.apiStatus()).progress(glance.progress()).build();

    assertThat(GlanceStatus.of(shown)).contains(glance);
  }
}
