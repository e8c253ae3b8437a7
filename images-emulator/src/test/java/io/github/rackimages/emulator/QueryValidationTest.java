package io.github.rackimages.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.nova.json.Fault;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class QueryValidationTest {

  private final InMemoryImageCatalog catalog = Fixtures.smallCatalog();
  private final ImageEmulator emulator = ImageEmulator.builder().catalog(catalog).start();
  private final Wire wire = new Wire(emulator);

  @AfterEach
  void stop() {
    emulator.stop();
  }

  static Stream<Arguments> invalidQueries() {
    return Stream.of(
        Arguments.of("limit=abc", "limit param must be an integer"),
        Arguments.of("limit=", "limit param must be an integer"),
        Arguments.of("limit=1.5", "limit param must be an integer"),
        Arguments.of("limit=1e3", "limit param must be an integer"),
        Arguments.of("limit=0x10", "limit param must be an integer"),
        Arguments.of("limit=%D9%A3", "limit param must be an integer"),
        Arguments.of("limit=-1", "limit param must be positive"),
        Arguments.of("limit=-99999999999999999999", "limit param must be positive"),
        Arguments.of("limit=5&limit=x", "limit param must be an integer"),
        Arguments.of("page_size=many", "page_size param must be an integer"),
        Arguments.of("page_size=-3", "page_size param must be positive"),
        Arguments.of("limit=-1&page_size=x", "limit param must be positive"),
        Arguments.of("changes-since=yesterday", "Unrecognized changes-since value"),
        Arguments.of("changes-since=", "Unrecognized changes-since value"),
        Arguments.of("changes-since=2015-02-30T00:00:00Z", "Unrecognized changes-since value"),
        Arguments.of("changes-since=2015-03-10T25:00:00Z", "Unrecognized changes-since value"),
        Arguments.of("changes-since=2015-03-10t18:00:00Z", "Unrecognized changes-since value"),
        Arguments.of("changes-since=201503", "Unrecognized changes-since value"),
        // An offset sent with a raw '+' decodes to a space, as in Nova.
        Arguments.of("changes-since=2015-03-10T18:35:18+01:00", "Unrecognized changes-since value"),
        Arguments.of("minRam=lots", "Bad value passed to filter min_ram got lots"),
        Arguments.of("minRam=-512", "Bad value passed to filter min_ram got -512"),
        Arguments.of("minDisk=20GB", "Bad value passed to filter min_disk got 20GB"),
        Arguments.of("minDisk=99999999999", "Bad value passed to filter min_disk got 99999999999"),
        Arguments.of("marker=no-such-image", "marker [no-such-image] not found"),
        Arguments.of("marker=%20%20", "marker [  ] not found"));
  }

  @ParameterizedTest
  @MethodSource("invalidQueries")
  void invalidValuesGet400WithNovasMessageOnBothLists(String query, String message) {
    for (String path : new String[] {"/images?", "/images/detail?", "/images.json?", "/images/detail.json?"}) {
      HttpResponse<byte[]> response = wire.get(path + query);

      assertThat(response.statusCode()).as(path + query + " " + Wire.text(response)).isEqualTo(400);
      Fault fault = Wire.fault(response);
      assertThat(fault.name()).isEqualTo("badRequest");
      assertThat(fault.code()).hasValue(400);
      assertThat(fault.message()).hasValue(message);
    }
  }

  @Test
  void aHugeParameterIsQuotedShortInTheMessage() {
    String value = "x".repeat(5000);

    Fault fault = Wire.fault(wire.get("/images?minRam=" + value));

    assertThat(fault.message().orElseThrow()).hasSizeLessThan(200).endsWith("...");
  }

  @Test
  void theServerKeepsServingAfterBadRequests() {
    wire.get("/images?limit=abc");
    wire.get("/images?changes-since=never");

    assertThat(wire.summaries("").items()).hasSize(6);
  }

  @Test
  void zeroAndAbsentLimitBothMeanTheLargestPage() {
    try (ImageEmulator small = ImageEmulator.builder().catalog(catalog).maxLimit(4).start()) {
      Wire w = new Wire(small);

      assertThat(w.summaries("?limit=0").items()).hasSize(4);
      assertThat(w.summaries("").items()).hasSize(4);
      assertThat(w.summaries("?limit=0").nextHref()).isPresent();
    }
  }

  @Test
  void aLimitAboveTheMaximumIsCapped() {
    try (ImageEmulator small = ImageEmulator.builder().catalog(catalog).maxLimit(4).start()) {
      Wire w = new Wire(small);

      assertThat(w.details("?limit=5000").items()).hasSize(4);
      assertThat(w.details("?limit=99999999999999999999999").items()).hasSize(4);
      assertThat(w.details("?limit=5000").nextHref()).isPresent();
    }
  }

  @Test
  void limitsAcceptPythonsIntegerSpelling() {
    assertThat(wire.summaries("?limit=+2").items()).hasSize(2);
    assertThat(wire.summaries("?limit=%202%20").items()).hasSize(2);
    assertThat(wire.summaries("?limit=-0").items()).hasSize(6);
    assertThat(wire.summaries("?page_size=3").items()).hasSize(6);
  }

  @Test
  void theLastOfRepeatedParametersWins() {
    assertThat(wire.summaries("?limit=1&limit=3").items()).hasSize(3);
    assertThat(wire.details("?type=base&type=snapshot").items())
        .allSatisfy(i -> assertThat(i.type()).hasValueSatisfying(t -> assertThat(t.value()).isEqualTo("snapshot")));
  }

  @Test
  void anEarlierBadValueOfARepeatedParameterIsIgnored() {
    assertThat(wire.get("/images?limit=x&limit=2").statusCode()).isEqualTo(200);
  }

  @Test
  void unknownParametersAreIgnored() {
    assertThat(wire.summaries("?format=json&os_type=windows&sort_key=name&limit=2").items()).hasSize(2);
  }

  @Test
  void anEmptyMarkerMeansNoMarker() {
    assertThat(wire.summaries("?marker=").items()).hasSize(6);
  }

  @Test
  void changesSinceAcceptsTheFormsIso8601ParseDateAccepts() {
    // WEB_FAILED (ERROR) changed last, at T0 + 7h + 4 min; only it changed after T0 + 7h.
    String[] forms = {
      "2015-03-01T07:00:00Z",
      "2015-03-01T07:00:00",
      "2015-03-01T07:00Z",
      "2015-03-01T07:00:00.000Z",
      "2015-03-01T07:00:00.123456789123Z",
      "2015-03-01%2007:00:00",
      "2015-03-01T08:00:00%2B01:00",
      "2015-03-01T08:00:00%2B0100",
      "2015-03-01T08:00:00%2B01",
      "2015-03-01T02:00:00-05:00",
      "2015-03-01T07"
    };
    for (String form : forms) {
      assertThat(wire.details("?changes-since=" + form).items())
          .as(form)
          .extracting(i -> i.id())
          .containsExactly(Fixtures.WEB_FAILED.id());
    }
    assertThat(wire.details("?changes-since=2015-03-01").items()).hasSize(7);
    assertThat(wire.details("?changes-since=2015-03").items()).hasSize(7);
    assertThat(wire.details("?changes-since=2015").items()).hasSize(7);
    assertThat(wire.details("?changes-since=2016").items()).isEmpty();
  }
}
