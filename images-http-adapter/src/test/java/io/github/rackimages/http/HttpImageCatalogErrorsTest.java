package io.github.rackimages.http;

import static io.github.rackimages.http.CannedServer.TENANT_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.rackimages.core.ImageCatalogAuthenticationException;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogForbiddenException;
import io.github.rackimages.core.ImageCatalogNotFoundException;
import io.github.rackimages.core.ImageCatalogProtocolException;
import io.github.rackimages.core.ImageCatalogServiceException;
import io.github.rackimages.core.ImageCatalogServiceFaultException;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.ImageCatalogUnavailableException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.CannedServer.CannedResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpImageCatalogErrorsTest extends CatalogTestSupport {

  static Stream<Arguments> statuses() {
    return Stream.of(
        Arguments.of(400, "badRequest", ImageCatalogBadRequestException.class),
        Arguments.of(401, "unauthorized", ImageCatalogAuthenticationException.class),
        Arguments.of(403, "forbidden", ImageCatalogForbiddenException.class),
        Arguments.of(404, "itemNotFound", ImageCatalogNotFoundException.class),
        Arguments.of(405, "badMethod", ImageCatalogServiceException.class),
        Arguments.of(409, "conflictingRequest", ImageCatalogServiceException.class),
        Arguments.of(415, "badMediaType", ImageCatalogServiceException.class),
        Arguments.of(413, "overLimit", ImageCatalogThrottledException.class),
        Arguments.of(429, "overLimit", ImageCatalogThrottledException.class),
        Arguments.of(500, "computeFault", ImageCatalogServiceFaultException.class),
        Arguments.of(501, "notImplemented", ImageCatalogServiceFaultException.class),
        Arguments.of(502, "computeFault", ImageCatalogServiceFaultException.class),
        Arguments.of(503, "serviceUnavailable", ImageCatalogUnavailableException.class),
        Arguments.of(504, "computeFault", ImageCatalogServiceFaultException.class));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("statuses")
  void aFaultBodyGivesTheTypeNameMessageAndRequestId(
      int status, String faultName, Class<? extends ImageCatalogException> type) {
    server.enqueue(CannedResponse.fault(status, faultName, "It went wrong: " + status));

    ImageCatalogException e = listFails();

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.statusCode()).hasValue(status);
    assertThat(e.faultName()).contains(faultName);
    assertThat(e.serviceMessage()).contains("It went wrong: " + status);
    assertThat(e.requestId()).contains("req-" + status);
    assertThat(e.details().bodyExcerpt()).hasValueSatisfying(x -> assertThat(x).contains(faultName));
    assertThat(e.getMessage())
        .contains("GET " + TENANT_PATH + "/images/detail?limit=5")
        .contains("HTTP " + status)
        .doesNotContain(TOKEN);
    assertThat(server.drainRequests()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("statuses")
  void withoutABodyTheStatusAloneDecides(int status, String faultName, Class<? extends ImageCatalogException> type) {
    server.enqueue(CannedResponse.status(status).header("x-compute-request-id", "req-lower"));

    ImageCatalogException e = listFails();

    assertThat(e).isExactlyInstanceOf(type);
    assertThat(e.statusCode()).hasValue(status);
    assertThat(e.faultName()).isEmpty();
    assertThat(e.serviceMessage()).isEmpty();
    assertThat(e.requestId()).contains("req-lower");
    assertThat(e.details().bodyExcerpt()).isEmpty();
  }

  @Test
  void anotherClientErrorStatusIsAServiceException() {
    server.enqueue(CannedResponse.status(422).body("text/plain", "nope"));

    assertThat(listFails()).isExactlyInstanceOf(ImageCatalogServiceException.class);
  }

  @Test
  void aPlainTextErrorBodyIsShownRedactedInTheMessage() {
    server.enqueue(
        CannedResponse.status(503)
            .body("text/plain", "Service down for maintenance until 06:00.\nX-Auth-Token: " + TOKEN + "\n"));

    ImageCatalogException e = listFails();

    assertThat(e).isInstanceOf(ImageCatalogUnavailableException.class);
    assertThat(e.getMessage())
        .contains("Service down for maintenance until 06:00.")
        .doesNotContain(TOKEN);
    assertThat(e.details().bodyExcerpt()).hasValueSatisfying(x -> assertThat(x).contains("Service down"));
  }

  @Test
  void anotherServerErrorStatusIsAServiceFault() {
    server.enqueue(CannedResponse.status(599));

    assertThat(listFails()).isExactlyInstanceOf(ImageCatalogServiceFaultException.class);
  }

  @Test
  void anHtml401FromTheProxyIsAnAuthenticationFailureWithARedactedExcerpt() {
    server.enqueue(
        CannedResponse.status(401)
            .body("text/html", "<html><body><h1>401 Unauthorized</h1> token " + TOKEN + " rejected</body></html>")
            .header("WWW-Authenticate", "Keystone uri=https://identity.api.rackspacecloud.com"));

    ImageCatalogException e = listFails();

    assertThat(e).isExactlyInstanceOf(ImageCatalogAuthenticationException.class);
    assertThat(e.faultName()).isEmpty();
    assertThat(e.details().bodyExcerpt())
        .hasValueSatisfying(x -> assertThat(x).contains("401 Unauthorized").contains("****").doesNotContain(TOKEN));
    assertThat(e.getMessage()).contains("could not be renewed").doesNotContain(TOKEN);
  }

  @Test
  void secretsTheServiceEchoesAreCutFromTheExcerptAndMessage() {
    server.enqueue(
        CannedResponse.json(
            400,
            "{\"badRequest\": {\"code\": 400, \"message\": \"bad token " + TOKEN
                + "\", \"details\": \"{\\\"apiKey\\\": \\\"k-123\\\", \\\"password\\\": \\\"hunter2\\\"}\"}}"));

    ImageCatalogException e = listFails();

    assertThat(e.serviceMessage()).hasValueSatisfying(m -> assertThat(m).doesNotContain(TOKEN));
    assertThat(e.details().bodyExcerpt())
        .hasValueSatisfying(x -> assertThat(x).doesNotContain(TOKEN).doesNotContain("k-123").doesNotContain("hunter2"));
    assertThat(e.getMessage()).doesNotContain(TOKEN);
    assertThat(e.toString()).doesNotContain(TOKEN);
  }

  @Test
  void theOpenstackRequestIdIsUsedWhenTheComputeOneIsMissing() {
    server.enqueue(CannedResponse.status(400).header("X-Openstack-Request-Id", "req-os"));

    assertThat(listFails().requestId()).contains("req-os");
  }

  @Test
  void a404OnAListSaysTheEndpointMayNotOfferTheApi() {
    server.enqueue(CannedResponse.status(404).body("text/html", "<h1>Not Found</h1>"));

    ImageCatalogException e = listFails();

    assertThat(e).isExactlyInstanceOf(ImageCatalogNotFoundException.class);
    assertThat(e.getMessage()).contains("may not offer the images API").contains("2.36");
  }

  @Test
  void a404OnASummaryListIsAnErrorNotAnEmptyList() {
    server.enqueue(CannedResponse.fault(404, "itemNotFound", "The resource could not be found."));

    ImageCatalogException e =
        catchThrowableOfType(ImageCatalogException.class, () -> catalog().listSummaries(ImageFilter.all(), PageRequest.first(5)));

    assertThat(e).isExactlyInstanceOf(ImageCatalogNotFoundException.class);
  }

  @Test
  void findReportsErrorsOtherThan404() {
    server.enqueue(CannedResponse.fault(403, "forbidden", "Policy doesn't allow it."));

    assertThat(catchThrowableOfType(ImageCatalogException.class, () -> catalog().find(ImageId.of("x"))))
        .isExactlyInstanceOf(ImageCatalogForbiddenException.class);
  }

  @Test
  void aMalformedBodyIsAProtocolErrorNamingStatusAndRequestId() {
    server.enqueue(
        CannedResponse.json(200, "{\"images\": [{\"id\": 42}]}").header("X-Compute-Request-Id", "req-bad"));

    ImageCatalogException e = listFails();

    assertThat(e).isExactlyInstanceOf(ImageCatalogProtocolException.class);
    assertThat(e.getMessage()).contains("malformed body").contains("HTTP 200").contains("req-bad");
    assertThat(e.getCause()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"text/html; charset=UTF-8", "text/plain", "application/xml"})
  void aSuccessThatIsNotJsonIsAProtocolError(String contentType) {
    server.enqueue(
        CannedResponse.status(200)
            .body(contentType, "<html>captive portal</html>")
            .header("X-Compute-Request-Id", "req-ct"));

    ImageCatalogException e = listFails();

    assertThat(e).isExactlyInstanceOf(ImageCatalogProtocolException.class);
    assertThat(e.getMessage()).contains("Content-Type").contains("HTTP 200").contains("req-ct");
    assertThat(e.details().bodyExcerpt()).hasValueSatisfying(x -> assertThat(x).contains("captive portal"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json; charset=UTF-8", "application/vnd.openstack.compute+json", "text/json"})
  void jsonContentTypesAreAccepted(String contentType) {
    server.enqueue(CannedResponse.status(200).body(contentType, NovaBodies.detailPage(List.of("a"), null)));

    assertThat(catalog().list(ImageFilter.all(), PageRequest.first(5)).items()).hasSize(1);
  }

  @Test
  void aBodyUnderTheCapIsRead() {
    server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of("a"), null)));

    assertThat(builder().maxBodyBytes(1024).build().list(ImageFilter.all(), PageRequest.first(5)).items())
        .hasSize(1);
  }

  @Test
  void aBodyDeclaredLargerThanTheCapIsAProtocolError() {
    String big = NovaBodies.detailPage(Collections.nCopies(40, "abcdefgh"), null);
    server.enqueue(CannedResponse.json(200, big));

    ImageCatalogException e =
        catchThrowableOfType(ImageCatalogException.class, () -> builder().maxBodyBytes(1024).build().list(ImageFilter.all(), PageRequest.first(50)));

    assertThat(e).isExactlyInstanceOf(ImageCatalogProtocolException.class);
    assertThat(e.getMessage()).contains("larger than the limit of 1024 bytes");
  }

  @Test
  void aChunkedBodyThatGrowsPastTheCapIsAProtocolError() {
    String big = NovaBodies.detailPage(Collections.nCopies(40, "abcdefgh"), null);
    server.enqueue(CannedResponse.json(200, big).chunked());

    ImageCatalogException e =
        catchThrowableOfType(ImageCatalogException.class, () -> builder().maxBodyBytes(1024).build().list(ImageFilter.all(), PageRequest.first(50)));

    assertThat(e).isExactlyInstanceOf(ImageCatalogProtocolException.class);
    assertThat(e.getMessage()).contains("larger than the limit of 1024 bytes");
  }

  @Test
  void aBodyCutOffByAClosedConnectionIsATransportError() {
    String body = NovaBodies.detailPage(List.of("a", "b", "c"), null);
    try (RawSocketServer raw =
        RawSocketServer.answering(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length(),
            body.substring(0, body.length() / 2))) {
      HttpImageCatalog catalog = builder().token(TOKEN, raw.endpoint()).build();

      ImageCatalogException e =
          catchThrowableOfType(ImageCatalogException.class, () -> catalog.list(ImageFilter.all(), PageRequest.first(5)));

      assertThat(e).isExactlyInstanceOf(ImageCatalogTransportException.class);
      assertThat(e.getMessage()).contains("while reading the body").contains("HTTP 200");
    }
  }

  @Test
  void aBodyThatStallsMidPageTimesOutAsATransportError() {
    String body = NovaBodies.detailPage(List.of("a", "b", "c"), null);
    server.enqueue(CannedResponse.json(200, body.substring(0, body.length() / 2)).declaredLength(body.length()));
    HttpImageCatalog catalog = builder().requestTimeout(Duration.ofMillis(300)).build();

    ImageCatalogException e =
        catchThrowableOfType(ImageCatalogException.class, () -> catalog.list(ImageFilter.all(), PageRequest.first(5)));

    assertThat(e).isExactlyInstanceOf(ImageCatalogTransportException.class);
    assertThat(e.getMessage()).contains("the body did not arrive within the request timeout of 300 ms");
  }

  @Test
  void aBodyThatEndsMidPageIsAProtocolError() {
    String body = NovaBodies.detailPage(List.of("a", "b", "c"), null);
    server.enqueue(CannedResponse.json(200, body.substring(0, body.length() / 2)).chunked());

    assertThat(listFails()).isExactlyInstanceOf(ImageCatalogProtocolException.class);
  }

  @Test
  void aRedirectIsNotFollowedAndSaysWhereItPointed() {
    try (CannedServer elsewhere = CannedServer.start()) {
      server.enqueue(
          CannedResponse.status(302).header("Location", elsewhere.url("/v2/123456/images/detail?limit=5&t=x")));

      ImageCatalogException e = listFails();

      assertThat(e).isExactlyInstanceOf(ImageCatalogProtocolException.class);
      assertThat(e.getMessage())
          .contains("redirected to " + elsewhere.url("/v2/123456/images/detail"))
          .doesNotContain("t=x")
          .doesNotContain(TOKEN);
      assertThat(e.statusCode()).hasValue(302);
      assertThat(elsewhere.pendingRequestCount()).isZero();
    }
  }

  @Test
  void anUnexpectedSuccessStatusIsAProtocolError() {
    server.enqueue(CannedResponse.status(204));

    ImageCatalogException e = listFails();

    assertThat(e).isExactlyInstanceOf(ImageCatalogProtocolException.class);
    assertThat(e.getMessage()).contains("unexpected success status 204");
  }

  @Test
  void aRefusedConnectionIsATransportError() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    HttpImageCatalog catalog = builder().token(TOKEN, URI.create("http://127.0.0.1:" + port + "/v2/1")).build();

    ImageCatalogException e =
        catchThrowableOfType(ImageCatalogException.class, () -> catalog.list(ImageFilter.all(), PageRequest.first(1)));

    assertThat(e).isExactlyInstanceOf(ImageCatalogTransportException.class);
    assertThat(e.isRetryable()).isTrue();
    assertThat(e.getCause()).isInstanceOf(IOException.class);
    assertThat(e.getMessage()).contains("could not connect").doesNotContain(TOKEN);
  }

  @Test
  void aSlowResponseTimesOutAsATransportError() {
    server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)).delay(Duration.ofSeconds(2)));
    HttpImageCatalog catalog = builder().requestTimeout(Duration.ofMillis(200)).build();

    ImageCatalogException e =
        catchThrowableOfType(ImageCatalogException.class, () -> catalog.list(ImageFilter.all(), PageRequest.first(1)));

    assertThat(e).isExactlyInstanceOf(ImageCatalogTransportException.class);
    assertThat(e.getMessage()).contains("request timeout of 200 ms");
  }

  @ParameterizedTest
  @CsvSource({"429, 7, try again in 7 s", "413, 125, try again in 2 min 5 s", "503, 1.5, try again in 1.5 s"})
  void aWaitTheServiceAskedForIsPrintedForPeople(int status, String retryAfter, String expected) {
    server.enqueue(CannedResponse.fault(status, "overLimit", "slow down").header("Retry-After", retryAfter));

    ImageCatalogException e = listFails();

    assertThat(e.getMessage()).contains(expected).doesNotContain("PT");
  }

  private ImageCatalogException listFails() {
    HttpImageCatalog catalog = catalog();
    ImageCatalogException e =
        catchThrowableOfType(ImageCatalogException.class, () -> catalog.list(ImageFilter.all(), PageRequest.first(5)));
    assertThat(e).as("the call must fail with an ImageCatalogException").isNotNull();
    return e;
  }
}
