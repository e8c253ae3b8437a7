package io.github.rackimages.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ListQueryTest {

  private static ListQuery read(String query) {
    return ListQuery.from(FormQuery.parse(query), 1000);
  }

  @Test
  void everyFilterBecomesThePortsFilter() {
    ListQuery q =
        read("name=web&status=saving&type=Snapshot&server=abc&minDisk=20&minRam=512&changes-since=2015-03-10T18:35:18Z");

    assertThat(q.filter())
        .isEqualTo(
            ImageFilter.builder()
                .name("web")
                .status(ImageStatus.SAVING)
                .type(ImageType.SNAPSHOT)
                .server("abc")
                .minDisk(20)
                .minRam(512)
                .changesSince(Instant.parse("2015-03-10T18:35:18Z"))
                .build());
    assertThat(q.matchesNothing()).isFalse();
    assertThat(q.page()).isEqualTo(PageRequest.first(1000));
  }

  @Test
  void limitAndMarkerBecomeThePageRequest() {
    assertThat(read("limit=25&marker=abc").page()).isEqualTo(PageRequest.after(PageMarker.of("abc"), 25));
    assertThat(read("limit=0").page()).isEqualTo(PageRequest.first(1000));
    assertThat(ListQuery.from(FormQuery.parse("limit=50"), 20).page()).isEqualTo(PageRequest.first(20));
    assertThat(ListQuery.from(FormQuery.parse(""), 20).page()).isEqualTo(PageRequest.first(20));
  }

  @ParameterizedTest
  @ValueSource(strings = {"name=", "status=", "property-=linux", "server=", "server=%20%20"})
  void valuesNoImageCanHaveMatchNothing(String query) {
    assertThat(read(query).matchesNothing()).isTrue();
    assertThat(read(query).filter()).isEqualTo(ImageFilter.all());
  }

  @ParameterizedTest
  @CsvSource({
    "status=ACTIVE, active",
    "status=saving, saving",
    "status=queued, queued",
    "status=killed, killed",
    "status=ERROR, error",
    "status=UNKNOWN, unknown",
    "status=%20active, ' active'"
  })
  void theStatusIsSentToGlanceLowerCasedAndUntrimmed(String query, String glanceStatus) {
    ListQuery q = read(query);

    assertThat(q.filter()).isEqualTo(ImageFilter.builder().glanceStatus(glanceStatus).build());
    assertThat(q.matchesNothing()).isFalse();
  }

  @Test
  void aTypeOtherThanBaseOrSnapshotIsThePropertyImageTypeAsSent() {
    assertThat(read("type=BASE").filter()).isEqualTo(ImageFilter.builder().type(ImageType.BASE).build());
    assertThat(read("type=%20base").filter()).isEqualTo(ImageFilter.builder().property("image_type", " base").build());
    assertThat(read("type=image").filter()).isEqualTo(ImageFilter.builder().property("image_type", "image").build());
  }

  @Test
  void propertyParametersArePropertyFilters() {
    ListQuery q = read("property-os_type=linux&property-org.openstack__1__os_distro=com.ubuntu&property-tag=a%26b%3Dc");

    assertThat(q.filter())
        .isEqualTo(
            ImageFilter.builder()
                .property("os_type", "linux")
                .property("org.openstack__1__os_distro", "com.ubuntu")
                .property("tag", "a&b=c")
                .build());
    assertThat(q.matchesNothing()).isFalse();
    assertThat(read("property-os_type=linux&property-os_type=windows").filter().properties())
        .containsExactly(java.util.Map.entry("os_type", "windows"));
    assertThat(read("property-os_type=").filter().properties()).containsExactly(java.util.Map.entry("os_type", ""));
  }

  @ValueSource(
      strings = {
        "", "now", "201503", "2015-13-01", "2015-03-10t18:35:18Z", "2015-03-10T18:35:18 01:00", "10/03/2015"
      })
  void unreadableChangesSinceIsABadRequestWithGlancesMessage(String text) {
    assertThatThrownBy(() -> read("changes-since=" + FormQuery.encode(text)))
        .isInstanceOf(ImageCatalogBadRequestException.class)
        .hasMessage("Unrecognized changes-since value");
  }
}
