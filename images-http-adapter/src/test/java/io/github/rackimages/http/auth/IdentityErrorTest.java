package io.github.rackimages.http.auth;

import io.github.rackimages.http.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.rackimages.core.ImageCatalogAuthenticationException;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogForbiddenException;
import io.github.rackimages.core.ImageCatalogProtocolException;
import io.github.rackimages.core.ImageCatalogServiceException;
import io.github.rackimages.core.ImageCatalogServiceFaultException;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.ImageCatalogUnavailableException;
import io.github.rackimages.http.auth.IdentityServer.Reply;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How every way identity can fail reaches the caller: a typed exception with the status, fault and request id. */
class IdentityErrorTest {

  private IdentityServer server;
  private final MutableClock clock = new MutableClock(Access.NOW);

  @BeforeEach
  void start() {
    server = IdentityServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RackspaceIdentityAuthenticator.Builder builder() {
    return RackspaceIdentityAuthenticator.builder()
        .retryPolicy(RetryPolicy.none()) // One identity answer at a time: IdentityRetryTest covers retries.
        .identityUrl(server.identityUrl())
        .httpClient(IdentityServer.CLIENT)
        .clock(clock)
        .apiKey("jdoe", "CANARY-KEY-123");
  }

  private <T extends Throwable> T failure(Reply reply, Class<T> type) {
    server.always(reply);
    return catchThrowableOfType(type, () -> builder().build().session());
  }

  private static Reply fault(int status, String name, String message) {
    return Reply.of(status, "application/json; charset=UTF-8",
        "{\"" + name + "\": {\"code\": " + status + ", \"message\": \"" + message + "\"}}");
  }

  @Test
  void refusedCredentialsNameTheUserAndQuoteTheService() {
    ImageCatalogAuthenticationException e = failure(
        fault(401, "unauthorized", "Unable to authenticate user with credentials provided.")
            .withHeader("X-Openstack-Request-Id", "req-id-401"),
        ImageCatalogAuthenticationException.class);

    assertThat(e).hasMessageStartingWith(
        "identity refused the credentials for user jdoe: Unable to authenticate user with credentials provided.");
    assertThat(e.statusCode()).hasValue(401);
    assertThat(e.faultName()).contains("unauthorized");
    assertThat(e.serviceMessage()).contains("Unable to authenticate user with credentials provided.");
    assertThat(e.requestId()).contains("req-id-401");
    assertThat(e.isRetryable()).isFalse();
  }

  @Test
  void aMultiFactorChallengeTellsTheUserToUseAnApiKey() {
    ImageCatalogAuthenticationException e = failure(
        fault(401, "unauthorized", "Additional authentication credentials required.")
            .withHeader("WWW-Authenticate", "OS-MF sessionId='abc', factor='PASSCODE'"),
        ImageCatalogAuthenticationException.class);

    assertThat(e).hasMessageContaining("multi-factor").hasMessageContaining("use an API key");
  }

  @Test
  void aHugeServiceMessageIsShortenedInTheExceptionAndTheExcerptIsCapped() {
    ImageCatalogAuthenticationException e = failure(fault(401, "unauthorized", "y".repeat(100_000)),
        ImageCatalogAuthenticationException.class);

    assertThat(e.serviceMessage()).hasValueSatisfying(m -> assertThat(m).hasSize(303).endsWith("..."));
    assertThat(e.getMessage()).hasSizeLessThan(1000);
    assertThat(e.details().bodyExcerpt()).hasValueSatisfying(x -> assertThat(x.length()).isLessThanOrEqualTo(515));
  }

  @Test
  void aBadRequestIsABadRequest() {
    ImageCatalogBadRequestException e = failure(
        fault(400, "badRequest", "Invalid request body: unable to parse Auth data."),
        ImageCatalogBadRequestException.class);

    assertThat(e.statusCode()).hasValue(400);
    assertThat(e.faultName()).contains("badRequest");
    assertThat(e).hasMessageContaining("jdoe").hasMessageContaining("unable to parse Auth data");
  }

  @Test
  void aDisabledUserIsForbidden() {
    ImageCatalogForbiddenException e = failure(fault(403, "userDisabled", "User disabled"),
        ImageCatalogForbiddenException.class);

    assertThat(e.statusCode()).hasValue(403);
    assertThat(e.faultName()).contains("userDisabled");
    assertThat(e.serviceMessage()).contains("User disabled");
  }

  @Test
  void overLimitWithRetryAfterSecondsIsThrottledWithThatWait() {
    ImageCatalogThrottledException e = failure(
        fault(413, "overLimit", "Too many requests").withHeader("Retry-After", "17"),
        ImageCatalogThrottledException.class);

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(17));
    assertThat(e.statusCode()).hasValue(413);
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void overLimitWithAnHttpDateIsThrottledUntilThatDate() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Access.NOW.plusSeconds(120).atOffset(ZoneOffset.UTC));

    ImageCatalogThrottledException e = failure(
        fault(413, "overLimit", "Too many requests").withHeader("Retry-After", date),
        ImageCatalogThrottledException.class);

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(120));
  }

  @Test
  void anHttpDateInThePastMeansRetryNow() {
    String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(Access.NOW.minusSeconds(30).atOffset(ZoneOffset.UTC));

    ImageCatalogThrottledException e = failure(
        fault(429, "overLimit", "slow down").withHeader("Retry-After", date), ImageCatalogThrottledException.class);

    assertThat(e.retryAfter()).contains(Duration.ZERO);
  }

  @Test
  void tooManyRequestsWithoutAWaitIsThrottledWithNoWait() {
    ImageCatalogThrottledException e = failure(Reply.empty(429), ImageCatalogThrottledException.class);

    assertThat(e.retryAfter()).isEmpty();
    assertThat(e.statusCode()).hasValue(429);
  }

  @Test
  void aRetryAfterInTheFaultBodyIsUsedWhenTheHeaderIsMissing() {
    ImageCatalogThrottledException e = failure(Reply.json(413,
        "{\"overLimit\": {\"code\": 413, \"message\": \"slow\", \"retryAfter\": \"2015-06-05T12:01:00Z\"}}"),
        ImageCatalogThrottledException.class);

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(60));
  }

  @Test
  void aServerFaultIsAServiceFault() {
    ImageCatalogServiceFaultException e = failure(fault(500, "identityFault", "Service Fault"),
        ImageCatalogServiceFaultException.class);

    assertThat(e.statusCode()).hasValue(500);
    assertThat(e.faultName()).contains("identityFault");
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void aBadGatewayIsAServiceFaultToo() {
    ImageCatalogServiceFaultException e = failure(Reply.empty(502), ImageCatalogServiceFaultException.class);

    assertThat(e.statusCode()).hasValue(502);
  }

  @Test
  void anUnavailableServiceKeepsItsRetryAfter() {
    ImageCatalogUnavailableException e = failure(
        fault(503, "serviceUnavailable", "maintenance").withHeader("Retry-After", "30"),
        ImageCatalogUnavailableException.class);

    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(e.statusCode()).hasValue(503);
  }

  @Test
  void aWrongIdentityUrlIsAServiceErrorNotANotFoundThatFindWouldSwallow() {
    ImageCatalogServiceException e = failure(Reply.of(404, "text/plain", "Not Found"),
        ImageCatalogServiceException.class);

    assertThat(e).isExactlyInstanceOf(ImageCatalogServiceException.class)
        .hasMessageContaining("check the identity URL");
    assertThat(e.statusCode()).hasValue(404);
  }

  @Test
  void anHtmlErrorPageIsMappedByItsStatusWithAnExcerpt() {
    ImageCatalogAuthenticationException e = failure(
        Reply.of(401, "text/html", "<html><body><h1>401 Unauthorized</h1></body></html>"),
        ImageCatalogAuthenticationException.class);

    assertThat(e).hasMessageStartingWith("identity refused the credentials for user jdoe: it answered text/html:")
        .hasMessageContaining("401 Unauthorized");
    assertThat(e.faultName()).isEmpty();
    assertThat(e.details().bodyExcerpt()).hasValueSatisfying(x -> assertThat(x).contains("401 Unauthorized"));
  }

  @Test
  void aPlainTextErrorBodyIsShownRedactedInTheMessage() {
    ImageCatalogUnavailableException e = failure(
        Reply.of(503, "text/plain", "Identity is down for maintenance; apiKey=sekrit-in-body"),
        ImageCatalogUnavailableException.class);

    assertThat(e).hasMessageContaining("Identity is down for maintenance")
        .hasMessageNotContaining("sekrit-in-body");
  }

  @Test
  void anEmptyErrorBodyIsMappedByItsStatus() {
    ImageCatalogForbiddenException e = failure(Reply.empty(403), ImageCatalogForbiddenException.class);

    assertThat(e.serviceMessage()).isEmpty();
    assertThat(e.details().bodyExcerpt()).isEmpty();
  }

  @Test
  void anHtmlSuccessBodyIsAProtocolError() {
    ImageCatalogProtocolException e = failure(Reply.of(200, "text/html", "<html>maintenance</html>"),
        ImageCatalogProtocolException.class);

    assertThat(e).hasMessageContaining("malformed JSON at line 1");
    assertThat(e.statusCode()).hasValue(200);
    assertThat(e.getCause()).isNotNull();
  }

  @Test
  void anEmptySuccessBodyIsAProtocolError() {
    ImageCatalogProtocolException e = failure(Reply.empty(200), ImageCatalogProtocolException.class);

    assertThat(e).hasMessageContaining("empty body");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"access\": {\"token\": ", "{\"access\": }", "{\"access\": {\"token\": {\"id\": \"a\"}}} trailing"})
  void truncatedOrMalformedJsonIsAProtocolError(String body) {
    ImageCatalogProtocolException e = failure(Reply.json(200, body).withHeader("X-Compute-Request-Id", "req-7"),
        ImageCatalogProtocolException.class);

    assertThat(e).hasMessageContaining("malformed JSON");
    assertThat(e.requestId()).contains("req-7");
  }

  @Test
  void aBodyOverTheCapWithAContentLengthIsRefused() {
    String big = Access.threeRegions("tok-1", Access.EXPIRES, "ORD");
    server.always(Reply.json(200, big));

    ImageCatalogProtocolException e = catchThrowableOfType(
        ImageCatalogProtocolException.class, () -> builder().maxBodyBytes(big.length() - 1).build().session());

    assertThat(e).hasMessageContaining("larger than " + (big.length() - 1) + " bytes");
    assertThat(e.statusCode()).hasValue(200);
  }

  @Test
  void aStreamedBodyOverTheCapIsRefused() {
    String big = "{\"access\": {\"padding\": \"" + "x".repeat(64 * 1024) + "\"}}";
    server.always(Reply.json(200, big).streamed());

    ImageCatalogProtocolException e = catchThrowableOfType(
        ImageCatalogProtocolException.class, () -> builder().maxBodyBytes(4096).build().session());

    assertThat(e).hasMessageContaining("larger than 4096 bytes");
  }

  @Test
  void aBodyExactlyAtTheCapIsAccepted() {
    String body = Access.threeRegions("tok-1", Access.EXPIRES, "ORD");
    server.always(Reply.json(200, body).streamed());

    assertThat(builder().maxBodyBytes(body.length()).build().session().token().secret()).isEqualTo("tok-1");
  }

  @Test
  void aRefusedConnectionIsATransportError() {
    URI closed;
    try (IdentityServer gone = IdentityServer.start()) {
      closed = gone.identityUrl();
    }

    ImageCatalogTransportException e = catchThrowableOfType(
        ImageCatalogTransportException.class, () -> builder().identityUrl(closed).build().session());

    assertThat(e).hasMessageContaining("could not connect to the identity service at " + closed + "/tokens");
    assertThat(e.getCause()).isNotNull();
    assertThat(e.isRetryable()).isTrue();
  }

  @Test
  void aServiceThatDoesNotAnswerInTimeIsATransportError() {
    CountDownLatch never = new CountDownLatch(1);
    server.always(Reply.json(200, "{}").heldBy(never));
    try {
      ImageCatalogTransportException e = catchThrowableOfType(
          ImageCatalogTransportException.class, () -> builder().requestTimeout(Duration.ofMillis(300)).build().session());

      assertThat(e).hasMessageContaining("did not answer within 300 ms");
      assertThat(e.getCause()).isInstanceOfAny(HttpTimeoutException.class, java.util.concurrent.TimeoutException.class);
    } finally {
      never.countDown();
    }
  }

  @Test
  void aBodyThatStallsPastTheTimeoutIsATransportError() {
    // Headers at once, then the body too late: the JDK's own request timeout stops at the headers.
    CountDownLatch never = new CountDownLatch(1);
    server.always(Reply.json(200, Access.threeRegions("tok-1", Access.EXPIRES, "ORD")).stalledMidBodyBy(never));
    try {
      ImageCatalogTransportException e = catchThrowableOfType(
          ImageCatalogTransportException.class, () -> builder().requestTimeout(Duration.ofMillis(300)).build().session());

      assertThat(e).hasMessageContaining("did not answer within 300 ms");
      assertThat(e.statusCode()).hasValue(200);
    } finally {
      never.countDown();
    }
  }

  @Test
  void everyFailureIsAnImageCatalogExceptionWithItsCauseKeptWhereThereIsOne() {
    ImageCatalogException e = failure(Reply.of(200, "application/json", "{not json"), ImageCatalogException.class);

    assertThat(e).isInstanceOf(ImageCatalogProtocolException.class);
    assertThat(e.getCause()).isNotNull();
  }
}
