package io.github.rackimages.emulator;

import static io.github.rackimages.emulator.Fixtures.DB_NIGHTLY;
import static io.github.rackimages.emulator.Fixtures.SPECIAL;
import static io.github.rackimages.emulator.Fixtures.UBUNTU;
import static io.github.rackimages.emulator.Fixtures.WEB01;
import static io.github.rackimages.emulator.Fixtures.WEB_FAILED;
import static io.github.rackimages.emulator.Fixtures.WEB_NIGHTLY;
import static io.github.rackimages.emulator.Fixtures.WEB_SAVING;
import static io.github.rackimages.emulator.Fixtures.WINDOWS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.fake.FakeImages;
import io.github.rackimages.fake.InMemoryImageCatalog;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FilterTest {

  private static final Image PLUS = FakeImages.base("a+b", Fixtures.T0.plusSeconds(60)).build();
  private static final Image SPACE = FakeImages.base("a b", Fixtures.T0.plusSeconds(120)).build();
  private static final Image UNICODE = FakeImages.base("Übung 📦", Fixtures.T0.plusSeconds(180)).build();
  private static final Image PADDED = FakeImages.base("  padded  ", Fixtures.T0.plusSeconds(240)).build();

  private final InMemoryImageCatalog catalog =
      InMemoryImageCatalog.builder()
          .images(Fixtures.small())
          .images(List.of(PLUS, SPACE, UNICODE, PADDED))
          .build();
  private final ImageEmulator emulator = ImageEmulator.builder().catalog(catalog).start();
  private final Wire wire = new Wire(emulator);

  @AfterEach
  void stop() {
    emulator.stop();
  }

  private List<ImageId> detailIds(String query) {
    return wire.details(query).items().stream().map(Image::id).toList();
  }

  private List<ImageId> summaryIds(String query) {
    return wire.summaries(query).items().stream().map(ImageSummary::id).toList();
  }

  @Test
  void noFilterListsActiveAndSavingImagesNewestFirst() {
    List<ImageId> expected =
        catalog.list(ImageFilter.all(), io.github.rackimages.core.PageRequest.first()).items().stream()
            .map(Image::id)
            .toList();

    assertThat(detailIds("")).isEqualTo(expected).doesNotContain(WEB_FAILED.id()).contains(WEB_SAVING.id());
    assertThat(detailIds("").get(0)).isEqualTo(WEB_SAVING.id());
    assertThat(summaryIds("")).isEqualTo(expected);
  }

  @Test
  void detailImagesComeBackWithEveryField() {
    assertThat(wire.details("?name=web01%20nightly").items()).containsExactly(wire.served(WEB_NIGHTLY));
    assertThat(wire.summaries("?name=web01%20nightly").items()).containsExactly(wire.served(WEB_NIGHTLY.toSummary()));
  }

  @Test
  void aNameWithSpecialCharactersMatchesWhenPercentEncoded() {
    assertThat(detailIds("?name=C%2B%2B%20%26%20friends%20100%25%20%3Dok%3F")).containsExactly(SPECIAL.id());
  }

  @Test
  void aNameWithSpecialCharactersMatchesWhenFormEncoded() {
    assertThat(detailIds("?name=C%2B%2B+%26+friends+100%25+%3Dok%3F")).containsExactly(SPECIAL.id());
  }

  @Test
  void plusIsASpaceAndPercent2BIsAPlus() {
    assertThat(detailIds("?name=a+b")).containsExactly(SPACE.id());
    assertThat(detailIds("?name=a%20b")).containsExactly(SPACE.id());
    assertThat(detailIds("?name=a%2Bb")).containsExactly(PLUS.id());
  }

  @Test
  void nonAsciiNamesMatchWhenEncodedAsUtf8() {
    assertThat(detailIds("?name=%C3%9Cbung%20%F0%9F%93%A6")).containsExactly(UNICODE.id());
  }

  @Test
  void namesAreNeitherTrimmedNorCaseFolded() {
    assertThat(detailIds("?name=%20%20padded%20%20")).containsExactly(PADDED.id());
    assertThat(detailIds("?name=padded")).isEmpty();
    assertThat(detailIds("?name=ubuntu%2024.04%20LTS%20(Noble%20Numbat)")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"snapshot", "SNAPSHOT", "Snapshot"})
  void typeMatchesInAnyCase(String type) {
    assertThat(detailIds("?type=" + type)).containsExactly(WEB_SAVING.id(), DB_NIGHTLY.id(), WEB_NIGHTLY.id());
  }

  @ParameterizedTest
  @ValueSource(strings = {"active", "ACTIVE", "Active"})
  void statusMatchesInAnyCase(String status) {
    assertThat(detailIds("?status=" + status + "&type=snapshot")).containsExactly(DB_NIGHTLY.id(), WEB_NIGHTLY.id());
  }

  @Test
  void statusSavingListsImagesBeingSaved() {
    assertThat(detailIds("?status=SAVING")).containsExactly(WEB_SAVING.id());
  }

  @Test
  void errorImagesShowOnlyWithChangesSinceAndUnderGlancesNameKilled() {
    assertThat(detailIds("?status=killed")).isEmpty();
    assertThat(detailIds("?status=killed&changes-since=2015-01-01T00:00:00Z")).containsExactly(WEB_FAILED.id());
    // Glance has no status "error": the API's name matches nothing (docs/SERVICE-RULES.md).
    assertThat(detailIds("?status=ERROR&changes-since=2015-01-01T00:00:00Z")).isEmpty();
  }

  @Test
  void serverMatchesByIdOrByUrl() {
    List<ImageId> web01 = List.of(WEB_FAILED.id(), WEB_SAVING.id(), WEB_NIGHTLY.id());

    assertThat(detailIds("?server=" + WEB01.value() + "&changes-since=2015-01-01T00:00:00Z")).isEqualTo(web01);
    assertThat(
            detailIds(
                "?server=https%3A%2F%2Fdfw.servers.api.rackspacecloud.com%2Fv2%2F123456%2Fservers%2F"
                    + WEB01.value()
                    + "&changes-since=2015-01-01T00:00:00Z"))
        .isEqualTo(web01);
  }

  @Test
  void minDiskAndMinRamMatchExactly() {
    assertThat(detailIds("?minRam=1024")).containsExactly(WINDOWS.id());
    assertThat(detailIds("?minDisk=40&minRam=1024")).containsExactly(WINDOWS.id());
    assertThat(detailIds("?minDisk=41")).isEmpty();
  }

  @Test
  void filtersAreAnded() {
    assertThat(detailIds("?type=base&name=" + "Ubuntu%2024.04%20LTS%20(Noble%20Numbat)"))
        .containsExactly(UBUNTU.id());
    assertThat(detailIds("?type=snapshot&name=" + "Ubuntu%2024.04%20LTS%20(Noble%20Numbat)")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "?name=",
        "?status=queued",
        "?status=",
        "?type=custom",
        "?type=",
        "?server=",
        "?server=%20",
        "?server=https%3A%2F%2Fdfw.servers.api.rackspacecloud.com%2Fservers%2F"
      })
  void valuesThatCanMatchNothingListNothingButStillAskTheCatalog(String query) {
    long before = catalog.callCount();

    assertThat(wire.details(query).items()).isEmpty();
    assertThat(wire.details(query).nextHref()).isEmpty();
    assertThat(wire.summaries(query).items()).isEmpty();
    assertThat(catalog.callCount() - before).isEqualTo(3);
  }

  @Test
  void anImpossibleFilterStillReportsAnUnknownMarker() {
    assertThat(wire.get("/images?type=custom&marker=nope").statusCode()).isEqualTo(400);
  }

  @Test
  void findReturnsAnImageOfAnyStatusWithOrWithoutTheJsonSuffix() {
    assertThat(Wire.JSON.readImage(new java.io.ByteArrayInputStream(wire.get("/images/" + WEB_FAILED.id()).body())))
        .isEqualTo(wire.served(WEB_FAILED));
    assertThat(
            Wire.JSON.readImage(new java.io.ByteArrayInputStream(wire.get("/images/" + UBUNTU.id() + ".json").body())))
        .isEqualTo(wire.served(UBUNTU));
  }
}
