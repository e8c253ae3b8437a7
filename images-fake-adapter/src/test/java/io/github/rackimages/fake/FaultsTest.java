package io.github.rackimages.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageCatalogAuthenticationException;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogForbiddenException;
import io.github.rackimages.core.ImageCatalogNotFoundException;
import io.github.rackimages.core.ImageCatalogServiceFaultException;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.ImageCatalogUnavailableException;
import java.net.SocketException;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FaultsTest {

  private static final String REQUEST_ID = "req-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  static Stream<Arguments> serviceFaults() {
    return Stream.of(
        Arguments.of(Faults.throttled(Duration.ofSeconds(30)), ImageCatalogThrottledException.class, 413,
            "overLimit", true),
        Arguments.of(Faults.unauthorized(), ImageCatalogAuthenticationException.class, 401, "unauthorized", false),
        Arguments.of(Faults.forbidden(), ImageCatalogForbiddenException.class, 403, "forbidden", false),
        Arguments.of(Faults.serviceUnavailable(), ImageCatalogUnavailableException.class, 503,
            "serviceUnavailable", true),
        Arguments.of(Faults.serviceUnavailable(Duration.ofSeconds(5)), ImageCatalogUnavailableException.class, 503,
            "serviceUnavailable", true),
        Arguments.of(Faults.serviceFault(), ImageCatalogServiceFaultException.class, 500, "computeFault", true),
        Arguments.of(Faults.badRequest("Invalid changes-since value"), ImageCatalogBadRequestException.class, 400,
            "badRequest", false));
  }

  @ParameterizedTest
  @MethodSource("serviceFaults")
  void serviceFaultsCarryWhatTheServiceWouldHaveSaid(
      Fault<?> fault,
      Class<? extends ImageCatalogException> type,
      int status,
      String faultName,
      boolean retryable) {
    ImageCatalogException e = fault.get();

    assertThat(e).isInstanceOf(type);
    assertThat(e.statusCode()).hasValue(status);
    assertThat(e.faultName()).contains(faultName);
    assertThat(e.serviceMessage()).hasValueSatisfying(m -> assertThat(m).isNotBlank());
    assertThat(e.requestId()).hasValueSatisfying(id -> assertThat(id).matches(REQUEST_ID));
    assertThat(e.details().bodyExcerpt())
        .hasValueSatisfying(
            body ->
                assertThat(body)
                    .startsWith("{\"" + faultName + "\": {\"code\": " + status + ", \"message\": \"")
                    .contains(e.serviceMessage().orElseThrow()));
    assertThat(e.isRetryable()).isEqualTo(retryable);
    assertThat(e.getMessage()).contains("HTTP " + status, faultName);
  }

  @ParameterizedTest
  @MethodSource("serviceFaults")
  void eachCallMakesAFreshExceptionWithAFreshRequestId(Fault<?> fault) {
    ImageCatalogException one = fault.get();
    ImageCatalogException two = fault.get();

    assertThat(one).isNotSameAs(two);
    assertThat(one.requestId()).isNotEqualTo(two.requestId());
  }

  @Test
  void throttlingSaysHowLongToWait() {
    ImageCatalogThrottledException e = Faults.throttled(Duration.ofSeconds(42)).get();

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(42));
    assertThat(e.serviceMessage()).contains("OverLimit Retry...");
    assertThat(e.details().bodyExcerpt()).hasValueSatisfying(b -> assertThat(b).contains("\"retryAfter\": \"20"));
  }

  @Test
  void unavailabilitySaysHowLongToWaitOnlyWhenGivenAWait() {
    assertThat(Faults.serviceUnavailable().get().retryAfter()).isEmpty();
    assertThat(Faults.serviceUnavailable(Duration.ofSeconds(9)).get().retryAfter()).contains(Duration.ofSeconds(9));
  }

  @Test
  void aTransportFailureHasNoStatusButANetworkCause() {
    ImageCatalogTransportException e = Faults.transport().get();

    assertThat(e.statusCode()).isEmpty();
    assertThat(e.faultName()).isEmpty();
    assertThat(e.requestId()).isEmpty();
    assertThat(e.getCause()).isInstanceOf(SocketException.class).hasMessage("Connection reset");
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void aBadRequestQuotesTheServiceMessageSafelyInItsBody() {
    ImageCatalogBadRequestException e = Faults.badRequest("bad \"value\"").get();

    assertThat(e.serviceMessage()).contains("bad \"value\"");
    assertThat(e.details().bodyExcerpt()).hasValueSatisfying(b -> assertThat(b).contains("bad \\\"value\\\""));
  }

  @Test
  void waitsMustNotBeNegativeOrNull() {
    assertThatThrownBy(() -> Faults.throttled(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-1 s");
    assertThatThrownBy(() -> Faults.serviceUnavailable(Duration.ofSeconds(-2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("-2 s");
    assertThatThrownBy(() -> Faults.throttled(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Faults.serviceUnavailable(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> Faults.badRequest(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void yourOwnFaultThrowsWhatYourSupplierMakesEachTime() {
    Fault<ImageCatalogNotFoundException> gone = Faults.of(() -> new ImageCatalogNotFoundException("gone"));

    ImageCatalogNotFoundException one = gone.get();
    ImageCatalogNotFoundException two = gone.get();

    assertThat(one).hasMessageContaining("gone").isNotSameAs(two);
    assertThat(gone).hasToString("Fault[custom]");
    assertThatThrownBy(() -> Faults.of(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void aFaultRefusesToHandOutTheSameExceptionTwice() {
    ImageCatalogException shared = new ImageCatalogException("shared");
    Fault<ImageCatalogException> fault = Faults.of(() -> shared);

    assertThat(fault.get()).isSameAs(shared);
    assertThatThrownBy(fault::get)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("same exception twice");
  }

  @Test
  void aFaultSaysWhatItThrows() {
    assertThat(Faults.throttled(Duration.ofSeconds(30))).hasToString("Fault[413 overLimit, retry after 30 s]");
    assertThat(Faults.badRequest("Invalid marker")).hasToString("Fault[400 badRequest: Invalid marker]");
    assertThat(Faults.transport()).hasToString("Fault[transport: connection reset]");
  }
}
