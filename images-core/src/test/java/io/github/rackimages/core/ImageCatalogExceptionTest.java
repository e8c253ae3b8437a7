package io.github.rackimages.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;

class ImageCatalogExceptionTest {

  private static final ErrorDetails DETAILS =
      ErrorDetails.status(400)
          .withFaultName("badRequest")
          .withServiceMessage("limit param must be positive")
          .withRequestId("req-0f3c");

  /** Each type of the tree, built with its full constructor, and whether it is retryable. */
  static Stream<Arguments> tree() {
    return Stream.of(
        arguments(ImageCatalogException.class, false, d -> new ImageCatalogException("m", d, null)),
        arguments(ImageCatalogServiceException.class, false, d -> new ImageCatalogServiceException("m", d, null)),
        arguments(
            ImageCatalogBadRequestException.class, false, d -> new ImageCatalogBadRequestException("m", d, null)),
        arguments(
            ImageCatalogAuthenticationException.class,
            false,
            d -> new ImageCatalogAuthenticationException("m", d, null)),
        arguments(ImageCatalogForbiddenException.class, false, d -> new ImageCatalogForbiddenException("m", d, null)),
        arguments(ImageCatalogNotFoundException.class, false, d -> new ImageCatalogNotFoundException("m", d, null)),
        arguments(
            ImageCatalogThrottledException.class, true, d -> new ImageCatalogThrottledException("m", d, null, null)),
        arguments(
            ImageCatalogServiceFaultException.class, true, d -> new ImageCatalogServiceFaultException("m", d, null)),
        arguments(
            ImageCatalogUnavailableException.class, true, d -> new ImageCatalogUnavailableException("m", d, null, null)),
        arguments(ImageCatalogProtocolException.class, false, d -> new ImageCatalogProtocolException("m", d, null)),
        arguments(ImageCatalogTransportException.class, true, d -> new ImageCatalogTransportException("m", d, null)));
  }

  private static Arguments arguments(
      Class<?> type, boolean retryable, Function<ErrorDetails, ImageCatalogException> factory) {
    return Arguments.of(type.getSimpleName(), type, retryable, factory);
  }

  /** Each type of the tree, built with its message-only constructor. */
  static Stream<Arguments> messageOnly() {
    return Stream.of(
        Arguments.of(new ImageCatalogException("m")),
        Arguments.of(new ImageCatalogServiceException("m")),
        Arguments.of(new ImageCatalogBadRequestException("m")),
        Arguments.of(new ImageCatalogAuthenticationException("m")),
        Arguments.of(new ImageCatalogForbiddenException("m")),
        Arguments.of(new ImageCatalogNotFoundException("m")),
        Arguments.of(new ImageCatalogThrottledException("m")),
        Arguments.of(new ImageCatalogServiceFaultException("m")),
        Arguments.of(new ImageCatalogUnavailableException("m")),
        Arguments.of(new ImageCatalogProtocolException("m")),
        Arguments.of(new ImageCatalogTransportException("m")));
  }

  @ParameterizedTest(name = "{0} retryable={2}")
  @MethodSource("tree")
  void eachTypeSaysWhetherACallMayBeRetried(
      String name, Class<?> type, boolean retryable, Function<ErrorDetails, ImageCatalogException> factory) {
    ImageCatalogException e = factory.apply(DETAILS);

    assertThat(e).isExactlyInstanceOf(type).isInstanceOf(RuntimeException.class);
    assertThat(e.isRetryable()).isEqualTo(retryable);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tree")
  void theMessageIncludesStatusFaultServiceMessageAndRequestId(
      String name, Class<?> type, boolean retryable, Function<ErrorDetails, ImageCatalogException> factory) {
    ImageCatalogException e = factory.apply(DETAILS);

    assertThat(e.getMessage())
        .isEqualTo("m [HTTP 400 badRequest \"limit param must be positive\" (request req-0f3c)]");
    assertThat(e.details()).isEqualTo(DETAILS);
    assertThat(e.statusCode()).hasValue(400);
    assertThat(e.faultName()).contains("badRequest");
    assertThat(e.serviceMessage()).contains("limit param must be positive");
    assertThat(e.requestId()).contains("req-0f3c");
    assertThat(e.toString()).isEqualTo(type.getName() + ": " + e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("messageOnly")
  void aMessageOnlyFailureKnowsNothingElse(ImageCatalogException e) {
    assertThat(e.getMessage()).isEqualTo("m");
    assertThat(e.details()).isEqualTo(ErrorDetails.none());
    assertThat(e.statusCode()).isEmpty();
    assertThat(e.requestId()).isEmpty();
    assertThat(e.getCause()).isNull();
    assertThat(e.interruptedWalk()).isFalse();
    assertThat(e.resumeMarker()).isEmpty();
  }

  @Test
  void theHierarchyGroupsServiceAnswers() {
    assertThat(new ImageCatalogBadRequestException("m")).isInstanceOf(ImageCatalogServiceException.class);
    assertThat(new ImageCatalogAuthenticationException("m")).isInstanceOf(ImageCatalogServiceException.class);
    assertThat(new ImageCatalogForbiddenException("m")).isInstanceOf(ImageCatalogServiceException.class);
    assertThat(new ImageCatalogNotFoundException("m")).isInstanceOf(ImageCatalogServiceException.class);
    assertThat(new ImageCatalogThrottledException("m")).isInstanceOf(ImageCatalogServiceException.class);
    assertThat(new ImageCatalogServiceFaultException("m")).isInstanceOf(ImageCatalogServiceException.class);
    assertThat(new ImageCatalogUnavailableException("m")).isInstanceOf(ImageCatalogServiceException.class);
    assertThat(new ImageCatalogProtocolException("m")).isNotInstanceOf(ImageCatalogServiceException.class);
    assertThat(new ImageCatalogTransportException("m")).isNotInstanceOf(ImageCatalogServiceException.class);
  }

  @Test
  void aMessageAlreadyHoldingTheDescriptionIsNotRepeated() {
    ErrorDetails details = ErrorDetails.status(404).withFaultName("itemNotFound");

    assertThat(new ImageCatalogNotFoundException("HTTP 404 itemNotFound: no image", details, null).getMessage())
        .isEqualTo("HTTP 404 itemNotFound: no image");
  }

  @Test
  void theCauseIsKept() {
    IOException cause = new IOException("connection reset");

    assertThat(new ImageCatalogTransportException("m", ErrorDetails.none(), cause)).hasCause(cause);
  }

  @Test
  void nullMessageAndDetailsAreRejected() {
    assertThatNullPointerException().isThrownBy(() -> new ImageCatalogException((String) null)).withMessage("message");
    assertThatNullPointerException()
        .isThrownBy(() -> new ImageCatalogException("m", null, null))
        .withMessage("details");
  }

  static Stream<ImageCatalogException> everyType() {
    ErrorDetails d = ErrorDetails.status(500);
    return Stream.of(
        new ImageCatalogException("m", d, null),
        new ImageCatalogServiceException("m", d, null),
        new ImageCatalogBadRequestException("m", d, null),
        new ImageCatalogAuthenticationException("m", d, null),
        new ImageCatalogForbiddenException("m", d, null),
        new ImageCatalogNotFoundException("m", d, null),
        new ImageCatalogThrottledException("m", d, Duration.ofSeconds(7), null),
        new ImageCatalogUnavailableException("m", d, Duration.ofSeconds(8), null),
        new ImageCatalogServiceFaultException("m", d, null),
        new ImageCatalogProtocolException("m", d, null),
        new ImageCatalogTransportException("m", d, new java.io.IOException("reset")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyType")
  void aCopyIsAnotherObjectOfTheSameTypeWithTheSameContent(ImageCatalogException original) {
    ImageCatalogException copy = original.copy();

    assertThat(copy).isNotSameAs(original).isExactlyInstanceOf(original.getClass());
    assertThat(copy.getMessage()).isEqualTo(original.getMessage());
    assertThat(copy.details()).isEqualTo(original.details());
    assertThat(copy.isRetryable()).isEqualTo(original.isRetryable());
    assertThat(copy.getCause()).isSameAs(original.getCause());
    assertThat(copy.getSuppressed()).containsExactly(original);
    if (original instanceof ImageCatalogThrottledException t) {
      assertThat(((ImageCatalogThrottledException) copy).retryAfter()).isEqualTo(t.retryAfter());
    }
    if (original instanceof ImageCatalogUnavailableException u) {
      assertThat(((ImageCatalogUnavailableException) copy).retryAfter()).isEqualTo(u.retryAfter());
    }
  }

  @Test
  void anInterruptedWalkTellsWhereToResume() {
    ImageCatalogException original = new ImageCatalogTransportException("connection reset");

    ImageCatalogException e = original.interruptingWalk(PageMarker.of("img-7"));

    assertThat(e).isNotSameAs(original).isExactlyInstanceOf(ImageCatalogTransportException.class);
    assertThat(original.interruptedWalk()).as("the original is never changed").isFalse();
    assertThat(original.resumeMarker()).isEmpty();
    assertThat(e.interruptedWalk()).isTrue();
    assertThat(e.resumeMarker()).contains(PageMarker.of("img-7"));
    assertThat(e.getMessage()).isEqualTo("connection reset; resume the walk after marker img-7");
  }

  @Test
  void aWalkInterruptedOnItsFirstPageHasNoResumeMarker() {
    ImageCatalogException e = new ImageCatalogTransportException("connection reset").interruptingWalk(null);

    assertThat(e.interruptedWalk()).isTrue();
    assertThat(e.resumeMarker()).isEmpty();
    assertThat(e.getMessage()).isEqualTo("connection reset; the walk failed on its first page");
  }

  @Test
  void theWalkNoteFollowsTheDescription() {
    ImageCatalogException e =
        new ImageCatalogServiceFaultException("m", ErrorDetails.status(500), null)
            .interruptingWalk(PageMarker.of("x"));

    assertThat(e.getMessage()).isEqualTo("m [HTTP 500]; resume the walk after marker x");
  }

  @Test
  void throttlingAndUnavailabilityTellHowLongToWait() {
    assertThat(new ImageCatalogThrottledException("m", Duration.ofSeconds(30)).retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(new ImageCatalogThrottledException("m", Duration.ZERO).retryAfter()).contains(Duration.ZERO);
    assertThat(new ImageCatalogThrottledException("m").retryAfter()).isEmpty();
    assertThat(new ImageCatalogUnavailableException("m", Duration.ofMinutes(1)).retryAfter())
        .contains(Duration.ofMinutes(1));
    assertThat(new ImageCatalogUnavailableException("m").retryAfter()).isEmpty();
    assertThat(new ImageCatalogUnavailableException("m", ErrorDetails.status(503), null, null).retryAfter()).isEmpty();
  }

  @ParameterizedTest(name = "{0} s")
  @CsvSource({"-1, -1 s", "-3600, -1 h"})
  void aNegativeWaitIsRejectedNamingItAsPeopleReadIt(long seconds, String shown) {
    Duration negative = Duration.ofSeconds(seconds);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ImageCatalogThrottledException("m", negative))
        .withMessage("retryAfter must not be negative: " + shown);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ImageCatalogUnavailableException("m", ErrorDetails.status(503), negative, null))
        .withMessage("retryAfter must not be negative: " + shown);
  }

  @Test
  void aNullWaitIsRejectedWhereOneIsRequired() {
    assertThatNullPointerException()
        .isThrownBy(() -> new ImageCatalogThrottledException("m", (Duration) null))
        .withMessage("retryAfter");
    assertThatNullPointerException()
        .isThrownBy(() -> new ImageCatalogUnavailableException("m", (Duration) null))
        .withMessage("retryAfter");
  }

  @Test
  void anExceptionSurvivesSerializationWithItsDetailsWaitAndResumeMarker() throws Exception {
    ImageCatalogThrottledException original = (ImageCatalogThrottledException)
        new ImageCatalogThrottledException("slow down", DETAILS.withBody("{}"), Duration.ofSeconds(5), null)
            .interruptingWalk(PageMarker.of("img-3"));

    ImageCatalogThrottledException copy = roundTrip(original);

    assertThat(copy.details()).isEqualTo(original.details());
    assertThat(copy.retryAfter()).contains(Duration.ofSeconds(5));
    assertThat(copy.resumeMarker()).contains(PageMarker.of("img-3"));
    assertThat(copy.interruptedWalk()).isTrue();
    assertThat(copy.getMessage()).isEqualTo(original.getMessage());
  }

  @Test
  void anUnavailableExceptionSurvivesSerializationWithItsWait() throws Exception {
    ImageCatalogUnavailableException copy =
        roundTrip(new ImageCatalogUnavailableException("down", ErrorDetails.status(503), Duration.ofSeconds(9), null));

    assertThat(copy.retryAfter()).contains(Duration.ofSeconds(9));
    assertThat(copy.statusCode()).hasValue(503);
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }

  /** Core knows no service's rules: the adapter decides, and without a decision a throttle is retryable. */
  @Test
  void retryabilityOfAThrottleOrAnOutageIsWhatTheAdapterDecided() {
    ErrorDetails overLimit = ErrorDetails.status(413).withFaultName("overLimit");
    assertThat(new ImageCatalogThrottledException("m", overLimit, null, null).isRetryable()).isTrue();
    assertThat(new ImageCatalogThrottledException("m", overLimit, null, false, null).isRetryable()).isFalse();
    assertThat(new ImageCatalogThrottledException("m", overLimit, Duration.ofSeconds(2), true, null).isRetryable())
        .isTrue();
    assertThat(new ImageCatalogUnavailableException("m", ErrorDetails.status(503), null, null).isRetryable()).isTrue();
    assertThat(new ImageCatalogUnavailableException("m", ErrorDetails.status(503), null, false, null).isRetryable())
        .isFalse();
  }

  @Test
  void aCopyKeepsTheAdaptersDecisionOnRetrying() {
    ImageCatalogThrottledException absolute =
        new ImageCatalogThrottledException("m", ErrorDetails.status(413), null, false, null);
    ImageCatalogUnavailableException final503 =
        new ImageCatalogUnavailableException("m", ErrorDetails.status(503), null, false, null);

    assertThat(absolute.copy().isRetryable()).isFalse();
    assertThat(final503.copy().isRetryable()).isFalse();
  }
}
