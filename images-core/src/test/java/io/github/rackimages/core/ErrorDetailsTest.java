package io.github.rackimages.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@SuppressWarnings("removal") // the deprecated excerpt cap is still tested until it goes
class ErrorDetailsTest {

  @Test
  void noneKnowsNothing() {
    ErrorDetails none = ErrorDetails.none();

    assertThat(none.statusCode()).isEmpty();
    assertThat(none.faultName()).isEmpty();
    assertThat(none.serviceMessage()).isEmpty();
    assertThat(none.requestId()).isEmpty();
    assertThat(none.bodyExcerpt()).isEmpty();
    assertThat(none.describe()).isEmpty();
    assertThat(none).hasToString("ErrorDetails[]");
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {100, 200, 400, 413, 599})
  void anHttpStatusWithin100To599IsAccepted(int status) {
    assertThat(ErrorDetails.status(status).statusCode()).hasValue(status);
  }

  @ParameterizedTest(name = "status {0}")
  @ValueSource(ints = {0, 99, 600, -1, 1000, Integer.MIN_VALUE})
  void anHttpStatusOutside100To599IsRejectedNamingIt(int status) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> ErrorDetails.status(status))
        .withMessage("HTTP status must be 100..599: " + status);
  }

  @Test
  void partsAreAddedWithoutChangingTheOriginal() {
    ErrorDetails status = ErrorDetails.status(400);
    ErrorDetails all =
        status
            .withFaultName("badRequest")
            .withServiceMessage("limit param must be positive")
            .withRequestId("req-1")
            .withBody("{\"badRequest\":{}}");

    assertThat(status.faultName()).isEmpty();
    assertThat(all.statusCode()).hasValue(400);
    assertThat(all.faultName()).contains("badRequest");
    assertThat(all.serviceMessage()).contains("limit param must be positive");
    assertThat(all.requestId()).contains("req-1");
    assertThat(all.bodyExcerpt()).contains("{\"badRequest\":{}}");
    assertThat(all.describe()).isEqualTo("HTTP 400 badRequest \"limit param must be positive\" (request req-1)");
    assertThat(all).hasToString("ErrorDetails[" + all.describe() + "]");
  }

  @Test
  void partsCanBeAddedToNothing() {
    ErrorDetails details = ErrorDetails.none().withFaultName("itemNotFound").withRequestId("req-2");

    assertThat(details.statusCode()).isEmpty();
    assertThat(details.describe()).isEqualTo("itemNotFound (request req-2)");
    assertThat(ErrorDetails.none().withServiceMessage("m").describe()).isEqualTo("\"m\"");
    assertThat(ErrorDetails.none().withRequestId("r").describe()).isEqualTo("(request r)");
  }

  @Test
  void aBodyIsKeptAsTheAdapterGaveIt() {
    String body = "x".repeat(2_000);

    assertThat(ErrorDetails.none().withBody(body).bodyExcerpt()).contains(body);
  }

  @Test
  void theBodyExcerptIsNotPartOfTheDescription() {
    assertThat(ErrorDetails.status(500).withBody("body").describe()).isEqualTo("HTTP 500");
  }

  @Test
  void nullPartsAreRejectedNamingThem() {
    ErrorDetails none = ErrorDetails.none();

    assertThatNullPointerException().isThrownBy(() -> none.withFaultName(null)).withMessage("faultName");
    assertThatNullPointerException().isThrownBy(() -> none.withServiceMessage(null)).withMessage("message");
    assertThatNullPointerException().isThrownBy(() -> none.withRequestId(null)).withMessage("requestId");
    assertThatNullPointerException().isThrownBy(() -> none.withBody(null)).withMessage("excerpt");
  }

  @Test
  void theServiceDetailsAreKeptAndDescribedAfterTheMessage() {
    // Shaped like Nova 2014.1's RateLimitFault and Rackspace's overLimit samples: message, then details.
    ErrorDetails details = ErrorDetails.status(413).withFaultName("overLimit")
        .withServiceMessage("This request was rate-limited.")
        .withServiceDetails("Only 10 GET request(s) can be made to * every minute.")
        .withRequestId("req-3");

    assertThat(details.serviceDetails()).contains("Only 10 GET request(s) can be made to * every minute.");
    assertThat(details.describe()).isEqualTo("HTTP 413 overLimit \"This request was rate-limited.\""
        + " (details: \"Only 10 GET request(s) can be made to * every minute.\") (request req-3)");
    assertThat(ErrorDetails.none().serviceDetails()).isEmpty();
    assertThat(details).isNotEqualTo(details.withServiceDetails("other"));
    assertThatNullPointerException().isThrownBy(() -> details.withServiceDetails(null)).withMessage("details");
    assertThat(new ImageCatalogException("listing failed", details, null).getMessage())
        .contains("Only 10 GET request(s) can be made to * every minute.");
  }

  @Test
  void detailsAreEqualWhenEveryPartIs() {
    ErrorDetails one = ErrorDetails.status(503).withFaultName("serviceUnavailable").withRequestId("r");

    assertThat(one)
        .isEqualTo(ErrorDetails.status(503).withFaultName("serviceUnavailable").withRequestId("r"))
        .hasSameHashCodeAs(ErrorDetails.status(503).withFaultName("serviceUnavailable").withRequestId("r"))
        .isNotEqualTo(ErrorDetails.status(500).withFaultName("serviceUnavailable").withRequestId("r"))
        .isNotEqualTo(one.withRequestId("s"))
        .isNotEqualTo(one.withBody("b"))
        .isNotEqualTo(one.withServiceMessage("m"));
    assertThat(ErrorDetails.none()).isEqualTo(ErrorDetails.none());
  }
}
