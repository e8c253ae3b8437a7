package io.github.rackimages.http.auth;

import static io.github.rackimages.http.auth.Access.body;
import static io.github.rackimages.http.auth.Access.catalog;
import static io.github.rackimages.http.auth.Access.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageCatalogProtocolException;
import io.github.rackimages.http.auth.IdentityServer.Reply;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What is read from a 200 answer: the token, its expiry, and the endpoint of the chosen region. */
class ServiceCatalogTest {

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
        .identityUrl(server.identityUrl())
        .httpClient(IdentityServer.CLIENT)
        .clock(clock)
        .apiKey("jdoe", "key");
  }

  private void answer(String body) {
    server.always(Reply.json(200, body));
  }

  @Test
  void withoutARegionTheUsersDefaultRegionIsUsed() {
    answer(Access.threeRegions("tok-1", Access.EXPIRES, "IAD"));

    AuthSession session = builder().build().session();

    assertThat(session.endpoint()).isEqualTo(URI.create(Access.IAD_URL));
    assertThat(session.token().secret()).isEqualTo("tok-1");
    assertThat(session.token().expires()).contains(Instant.parse("2015-06-06T12:00:00Z"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"SYD", "syd", "Syd"})
  void aChosenRegionWinsOverTheDefaultInAnyCase(String region) {
    answer(Access.threeRegions("tok-1", Access.EXPIRES, "IAD"));

    assertThat(builder().region(region).build().session().endpoint()).isEqualTo(URI.create(Access.SYD_URL));
  }

  @Test
  void theDefaultRegionMatchesInAnyCaseToo() {
    answer(Access.threeRegions("tok-1", Access.EXPIRES, "ord"));

    assertThat(builder().build().session().endpoint()).isEqualTo(URI.create(Access.ORD_URL));
  }

  @Test
  void aRegionNotOfferedIsAConfigurationErrorListingTheRegionsOfferedWithoutAStatus() {
    answer(body("tok-1", Access.EXPIRES, "DFW",
        catalog(service("cloudServersOpenStack", "compute", "DFW", "https://dfw.example.test/v2/1",
            "ORD", "https://ord.example.test/v2/1", "IAD", "https://iad.example.test/v2/1"))));

    assertThatThrownBy(() -> builder().region("SYD").build().session())
        .isExactlyInstanceOf(ImageCatalogRegionException.class)
        .isNotInstanceOf(ImageCatalogProtocolException.class)
        .hasMessageContaining("region 'SYD' is not offered by cloudServersOpenStack")
        .hasMessageContaining("regions offered: DFW, ORD, IAD")
        .satisfies(e -> {
          ImageCatalogRegionException r = (ImageCatalogRegionException) e;
          assertThat(r.requestedRegion()).contains("SYD");
          assertThat(r.offeredRegions()).containsExactly("DFW", "ORD", "IAD");
          assertThat(r.statusCode()).isEmpty();
          assertThat(r.requestId()).isEmpty();
          assertThat(r.isRetryable()).isFalse();
          assertThat(r.getMessage()).doesNotContain("200").doesNotContain("tok-1");
          assertThat(r.copy()).isExactlyInstanceOf(ImageCatalogRegionException.class)
              .hasMessage(r.getMessage());
        });
  }

  @Test
  void aRegionNotOfferedIsAskedForOnceNotRetried() {
    answer(Access.threeRegions("tok-1", Access.EXPIRES, "IAD"));

    assertThatThrownBy(() -> builder().region("LON").build().session())
        .isInstanceOf(ImageCatalogRegionException.class);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aDefaultRegionNotOfferedSaysItWasTheDefault() {
    answer(Access.threeRegions("tok-1", Access.EXPIRES, "HKG"));

    assertThatThrownBy(() -> builder().build().session())
        .isInstanceOf(ImageCatalogRegionException.class)
        .hasMessageContaining("region 'HKG' (the default region of user jdoe) is not offered")
        .hasMessageContaining("regions offered: ORD, IAD, SYD")
        .satisfies(e -> assertThat(((ImageCatalogRegionException) e).requestedRegion()).contains("HKG"));
  }

  @Test
  void withNeitherAChosenNorADefaultRegionSeveralRegionsAreAnError() {
    answer(body("tok-1", Access.EXPIRES, null,
        catalog(service("cloudServersOpenStack", "compute", "DFW", "https://dfw.example.test/v2/1",
            "ORD", "https://ord.example.test/v2/1"))));

    assertThatThrownBy(() -> builder().build().session())
        .isInstanceOf(ImageCatalogRegionException.class)
        .hasMessageContaining("no region was chosen")
        .hasMessageContaining("regions offered: DFW, ORD")
        .satisfies(e -> assertThat(((ImageCatalogRegionException) e).requestedRegion()).isEmpty());
  }

  @Test
  void withNeitherAChosenNorADefaultRegionTheOnlyRegionIsUsed() {
    answer(body("tok-1", Access.EXPIRES, null,
        catalog(service("cloudServersOpenStack", "compute", "LON", "https://lon.example.test/v2/1"))));

    assertThat(builder().build().session().endpoint()).hasToString("https://lon.example.test/v2/1");
  }

  @Test
  void theLegacyCloudServersServiceIsIgnoredThoughItIsAlsoCompute() {
    // The legacy v1.0 service comes first and even carries the region asked for.
    answer(body("tok-1", Access.EXPIRES, "DFW",
        catalog(
            service("cloudServers", "compute", "DFW", "https://servers.example.test/v1.0/1"),
            service("cloudServersOpenStack", "compute", "DFW", "https://dfw.example.test/v2/1"))));

    assertThat(builder().build().session().endpoint()).hasToString("https://dfw.example.test/v2/1");
  }

  @Test
  void aCatalogWithOnlyTheLegacyServiceSaysCloudServersOpenStackIsMissing() {
    answer(body("tok-1", Access.EXPIRES, "DFW",
        catalog(service("cloudServers", "compute", null, "https://servers.example.test/v1.0/1"))));

    assertThatThrownBy(() -> builder().build().session())
        .isInstanceOf(ImageCatalogProtocolException.class)
        .hasMessageContaining("has no cloudServersOpenStack service");
  }

  @Test
  void aTokenScopedToAnotherTenantThanTheOneAskedForIsAProtocolError() {
    answer(Access.threeRegions("tok-1", Access.EXPIRES, "ORD"));

    assertThatThrownBy(() -> builder().tenantId("111111").build().session())
        .isInstanceOf(ImageCatalogProtocolException.class)
        .hasMessageContaining("scoped the token to tenant 654321, not to tenant 111111");
    assertThat(builder().tenantId("654321").build().session().endpoint()).hasToString(Access.ORD_URL);
  }

  @Test
  void aMissingCatalogIsAProtocolError() {
    answer(body("tok-1", Access.EXPIRES, "DFW", null));

    assertThatThrownBy(() -> builder().build().session())
        .isInstanceOf(ImageCatalogProtocolException.class)
        .hasMessageContaining("no access.serviceCatalog");
  }

  @Test
  void anEndpointOverrideReplacesTheCatalogButTheTokenStillComesFromIdentity() {
    answer(body("tok-9", Access.EXPIRES, null, null));

    AuthSession session = builder().endpointOverride(URI.create("https://proxy.example.test/v2/654321/"))
        .region("NOWHERE").build().session();

    assertThat(session.endpoint()).hasToString("https://proxy.example.test/v2/654321");
    assertThat(session.token().secret()).isEqualTo("tok-9");
    assertThat(server.requestCount()).isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({
      "2015-06-05T16:24:57.637Z,        2015-06-05T16:24:57.637Z",
      "2012-09-14T15:11:57.585-05:00,   2012-09-14T20:11:57.585Z",
      "2013-06-27T08:48:53.037-05:00,   2013-06-27T13:48:53.037Z",
      "2015-06-05T16:24:57Z,            2015-06-05T16:24:57Z",
      "2015-06-05T16:24:57+01:00,       2015-06-05T15:24:57Z",
      "2015-06-05T16:24:57,             2015-06-05T16:24:57Z",
      "2015-06-05T16:24:57.637,         2015-06-05T16:24:57.637Z",
      "2015-06-05T16:24:57.123456789Z,  2015-06-05T16:24:57.123456789Z"
  })
  void everyExpiresFormatTheServiceUsedIsRead(String text, String expected) {
    clock.set(Instant.parse("2012-01-01T00:00:00Z"));
    answer(body("tok-1", text, "DFW",
        catalog(service("cloudServersOpenStack", "compute", "DFW", "https://dfw.example.test/v2/1"))));

    assertThat(builder().build().session().token().expires()).contains(Instant.parse(expected));
  }

  @Test
  void aTokenThatAlreadyExpiredIsAProtocolErrorNamingTheClock() {
    answer(Access.threeRegions("tok-1", "2015-06-05T11:59:59Z", "ORD"));

    assertThatThrownBy(() -> builder().build().session())
        .isInstanceOf(ImageCatalogProtocolException.class)
        .hasMessageContaining("expires at 2015-06-05T11:59:59Z")
        .hasMessageContaining("check this machine's clock");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      "{\"access\": {}}",
      "{\"access\": {\"token\": {\"expires\": \"2015-06-06T12:00:00Z\"}}}",
      "{\"access\": {\"token\": {\"id\": \"\", \"expires\": \"2015-06-06T12:00:00Z\"}}}",
      "{\"access\": {\"token\": {\"id\": \"tok\"}}}",
      "{\"access\": {\"token\": {\"id\": \"tok\", \"expires\": \"tomorrow\"}}}",
      "{\"access\": {\"token\": {\"id\": 42, \"expires\": \"2015-06-06T12:00:00Z\"}}}",
      "{\"access\": {\"token\": {\"id\": \"two words\", \"expires\": \"2015-06-06T12:00:00Z\"}}}",
      "{\"access\": []}",
      "[1, 2]",
      "\"access\""
  })
  void aBodyWithoutAUsableTokenIsAProtocolError(String json) {
    answer(json);

    assertThatThrownBy(() -> builder().build().session())
        .isInstanceOf(ImageCatalogProtocolException.class)
        .hasMessageContaining("access");
  }

  @Test
  void otherServicesOfAnyShapeAreSkipped() {
    answer("{\"access\": {\"token\": {\"id\": \"tok\", \"expires\": \"2015-06-06T12:00:00Z\"},"
        + " \"serviceCatalog\": [42, {\"name\": 7}, {\"name\": \"cloudFiles\", \"endpoints\": \"none\"},"
        + " {\"name\": \"cloudServersOpenStack\", \"endpoints\": [{\"region\": \"DFW\", \"publicURL\": \"https://d.example.test/v2/1\"}]}]}}");

    assertThat(builder().region("DFW").build().session().endpoint()).hasToString("https://d.example.test/v2/1");
  }

  @Test
  void aPlainHttpEndpointOnAnotherMachineIsRefusedUnlessTheUserOptsIn() {
    answer(body("tok-1", Access.EXPIRES, "DFW",
        catalog(service("cloudServersOpenStack", "compute", "DFW", "http://dfw.example.test/v2/1"))));

    assertThatThrownBy(() -> builder().build().session())
        .isInstanceOf(ImageCatalogProtocolException.class)
        .hasMessageContaining("plain http")
        .hasMessageContaining("allowInsecureHttp(true)");
    assertThat(builder().allowInsecureHttp(true).build().session().endpoint())
        .hasToString("http://dfw.example.test/v2/1");
  }

  @Test
  void aPlainHttpEndpointOnLoopbackIsAccepted() {
    answer(body("tok-1", Access.EXPIRES, "DFW",
        catalog(service("cloudServersOpenStack", "compute", "DFW", "http://127.0.0.1:8774/v2/1"))));

    assertThat(builder().build().session().endpoint()).hasToString("http://127.0.0.1:8774/v2/1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dfw.example.test/v2/1", "ftp://dfw.example.test/v2/1", "https://bad host/v2"})
  void anEndpointThatIsNotAnHttpUrlIsAProtocolError(String url) {
    answer(body("tok-1", Access.EXPIRES, "DFW", catalog(service("cloudServersOpenStack", "compute", "DFW", url))));

    assertThatThrownBy(() -> builder().build().session())
        .isInstanceOf(ImageCatalogProtocolException.class)
        .hasMessageContaining("publicURL of region DFW");
  }
}
