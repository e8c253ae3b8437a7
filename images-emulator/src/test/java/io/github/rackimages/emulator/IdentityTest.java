package io.github.rackimages.emulator;

import io.github.rackimages.tck.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.nova.json.Fault;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentityTest {

  private static final Instant NOW = Instant.parse("2026-01-10T08:00:00.123456Z");

  private final MutableClock clock = new MutableClock(NOW);
  private final ImageEmulator emulator =
      ImageEmulator.builder()
          .catalog(Fixtures.smallCatalog())
          .clock(clock)
          .user("alice", "alice-key", "alice-password", "LON")
          .user("bob", "bob-key", "bob-password")
          .start();

  @AfterEach
  void stop() {
    emulator.stop();
  }

  private HttpResponse<byte[]> post(String body) {
    return Wire.send(
        HttpRequest.newBuilder(emulator.identityUrl().resolve("/v2.0/tokens"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private static JsonObject access(HttpResponse<byte[]> response) {
    assertThat(response.statusCode()).as(Wire.text(response)).isEqualTo(200);
    try (JsonReader reader = Json.createReader(new StringReader(Wire.text(response)))) {
      return reader.readObject().getJsonObject("access");
    }
  }

  private static String apiKeyBody(String user, String key) {
    return "{\"auth\": {\"RAX-KSKEY:apiKeyCredentials\": {\"username\": \"" + user + "\", \"apiKey\": \"" + key + "\"}}}";
  }

  private static String passwordBody(String user, String password) {
    return "{\"auth\": {\"passwordCredentials\": {\"username\": \"" + user + "\", \"password\": \"" + password + "\"}}}";
  }

  @Test
  void apiKeyCredentialsGetATokenThatOpensTheImagesApi() {
    JsonObject access = access(post(apiKeyBody("alice", "alice-key")));

    JsonObject token = access.getJsonObject("token");
    assertThat(token.getJsonArray("RAX-AUTH:authenticatedBy").getString(0)).isEqualTo("APIKEY");
    assertThat(token.getJsonObject("tenant").getString("id")).isEqualTo("123456");
    HttpResponse<byte[]> images =
        Wire.send(
            HttpRequest.newBuilder(emulator.computeEndpoint().resolve("/v2/123456/images"))
                .header("X-Auth-Token", token.getString("id"))
                .build());
    assertThat(images.statusCode()).isEqualTo(200);
  }

  @Test
  void passwordCredentialsGetATokenMarkedAsPassword() {
    JsonObject access = access(post(passwordBody("bob", "bob-password")));

    assertThat(access.getJsonObject("token").getJsonArray("RAX-AUTH:authenticatedBy").getString(0))
        .isEqualTo("PASSWORD");
    assertThat(access.getJsonObject("user").getString("name")).isEqualTo("bob");
    assertThat(access.getJsonObject("user").getString("RAX-AUTH:defaultRegion")).isEqualTo("DFW");
  }

  @Test
  void tokensAreRandomAndExpireAfterTheLifetimeInRackspaceFormat() {
    JsonObject first = access(post(apiKeyBody("alice", "alice-key"))).getJsonObject("token");
    JsonObject second = access(post(apiKeyBody("alice", "alice-key"))).getJsonObject("token");

    assertThat(first.getString("id")).isNotEqualTo(second.getString("id")).matches("[0-9a-f]{32}");
    assertThat(first.getString("expires")).isEqualTo("2026-01-11T08:00:00.123Z");
    assertThat(Instant.from(DateTimeFormatter.ISO_INSTANT.parse(first.getString("expires"))))
        .isEqualTo(NOW.plus(Duration.ofHours(24)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
  }

  @Test
  void theServiceCatalogPointsEveryRegionAtTheEmulatorAndKeepsTheLegacyComputeServiceFirst() {
    JsonObject access = access(post(apiKeyBody("alice", "alice-key")));

    JsonArray catalog = access.getJsonArray("serviceCatalog");
    JsonObject legacy = catalog.getJsonObject(0);
    assertThat(legacy.getString("name")).isEqualTo("cloudServers");
    assertThat(legacy.getString("type")).isEqualTo("compute");
    assertThat(legacy.getJsonArray("endpoints").getJsonObject(0).containsKey("region")).isFalse();
    assertThat(legacy.getJsonArray("endpoints").getJsonObject(0).getString("versionId")).isEqualTo("1.0");

    JsonObject servers =
        catalog.getValuesAs(JsonObject.class).stream()
            .filter(s -> s.getString("name").equals("cloudServersOpenStack"))
            .findFirst()
            .orElseThrow();
    assertThat(servers.getString("type")).isEqualTo("compute");
    List<JsonObject> endpoints = servers.getJsonArray("endpoints").getValuesAs(JsonObject.class);
    assertThat(endpoints).extracting(e -> e.getString("region"))
        .containsExactly("DFW", "ORD", "IAD", "LON", "SYD", "HKG");
    assertThat(endpoints).allSatisfy(e -> {
      assertThat(e.getString("publicURL")).isEqualTo(emulator.computeEndpoint().toString());
      assertThat(e.getString("versionId")).isEqualTo("2");
      assertThat(e.getString("tenantId")).isEqualTo("123456");
    });
    assertThat(access.getJsonObject("user").getString("RAX-AUTH:defaultRegion")).isEqualTo("LON");
  }

  @Test
  void aMatchingTenantIdOrNameIsAccepted() {
    assertThat(post("{\"auth\": {\"RAX-KSKEY:apiKeyCredentials\": {\"username\": \"alice\", \"apiKey\": \"alice-key\"},"
            + " \"tenantId\": \"123456\"}}").statusCode()).isEqualTo(200);
    assertThat(post("{\"auth\": {\"passwordCredentials\": {\"username\": \"bob\", \"password\": \"bob-password\"},"
            + " \"tenantName\": \"123456\"}}").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"auth\": {\"RAX-KSKEY:apiKeyCredentials\": {\"username\": \"alice\", \"apiKey\": \"wrong\"}}}",
        "{\"auth\": {\"RAX-KSKEY:apiKeyCredentials\": {\"username\": \"alice\", \"apiKey\": \"bob-key\"}}}",
        "{\"auth\": {\"RAX-KSKEY:apiKeyCredentials\": {\"username\": \"alice\", \"apiKey\": \"alice-password\"}}}",
        "{\"auth\": {\"passwordCredentials\": {\"username\": \"alice\", \"password\": \"alice-key\"}}}",
        "{\"auth\": {\"passwordCredentials\": {\"username\": \"nobody\", \"password\": \"alice-password\"}}}",
        "{\"auth\": {\"passwordCredentials\": {\"username\": \"ALICE\", \"password\": \"alice-password\"}}}",
        "{\"auth\": {\"passwordCredentials\": {\"username\": \"demo\", \"password\": \"demo-password\"}}}",
        "{\"auth\": {\"passwordCredentials\": {\"username\": \"bob\", \"password\": \"bob-password\"},"
            + " \"tenantId\": \"999999\"}}"
      })
  void wrongCredentialsGet401WithRackspacesMessage(String body) {
    HttpResponse<byte[]> response = post(body);

    assertThat(response.statusCode()).isEqualTo(401);
    Fault fault = Wire.fault(response);
    assertThat(fault.name()).isEqualTo("unauthorized");
    assertThat(fault.code()).hasValue(401);
    assertThat(fault.message()).hasValue("Unable to authenticate user with credentials provided.");
    assertThat(Wire.text(response)).doesNotContain("alice-key", "alice-password", "bob-key");
  }

  @Test
  void bothCredentialKindsAtOnceGet400() {
    HttpResponse<byte[]> response =
        post("{\"auth\": {\"RAX-KSKEY:apiKeyCredentials\": {\"username\": \"alice\", \"apiKey\": \"alice-key\"},"
            + " \"passwordCredentials\": {\"username\": \"alice\", \"password\": \"alice-password\"}}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Wire.fault(response).name()).isEqualTo("badRequest");
    assertThat(Wire.fault(response).message().orElseThrow()).contains("not both");
  }

  @Test
  void bothTenantIdAndNameGet400() {
    HttpResponse<byte[]> response =
        post("{\"auth\": {\"RAX-KSKEY:apiKeyCredentials\": {\"username\": \"alice\", \"apiKey\": \"alice-key\"},"
            + " \"tenantId\": \"123456\", \"tenantName\": \"123456\"}}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Wire.fault(response).message().orElseThrow()).contains("tenantId or tenantName");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "{",
        "[]",
        "\"auth\"",
        "{}",
        "{\"auth\": null}",
        "{\"auth\": \"alice\"}",
        "{\"auth\": {}}",
        "{\"auth\": {\"token\": {\"id\": \"abc\"}}}",
        "{\"auth\": {\"RAX-KSKEY:apiKeyCredentials\": \"alice:alice-key\"}}",
        "{\"auth\": {\"RAX-KSKEY:apiKeyCredentials\": {\"username\": \"alice\"}}}",
        "{\"auth\": {\"RAX-KSKEY:apiKeyCredentials\": {\"username\": 7, \"apiKey\": \"alice-key\"}}}",
        "{\"auth\": {\"passwordCredentials\": {\"username\": \"alice\", \"password\": \"\"}}}",
        "{\"auth\": {\"passwordCredentials\": {\"username\": \"alice\", \"password\": \"alice-password\"},"
            + " \"tenantId\": 123456}}",
        "{\"auth\": {\"passwordCredentials\": {\"username\": \"alice\", \"password\": \"alice-password\"}}} trailing"
      })
  void malformedBodiesGet400WithRackspacesParseMessage(String body) {
    HttpResponse<byte[]> response = post(body);

    assertThat(response.statusCode()).as(Wire.text(response)).isEqualTo(400);
    Fault fault = Wire.fault(response);
    assertThat(fault.name()).isEqualTo("badRequest");
    assertThat(fault.message())
        .hasValue("Invalid request body: unable to parse Auth data. Please review XML or JSON formatting");
  }

  @Test
  void anOversizedBodyGets400AndTheServerKeepsServing() {
    String huge = "{\"auth\": {\"passwordCredentials\": {\"username\": \"" + "x".repeat(200_000) + "\"}}}";

    assertThat(post(huge).statusCode()).isEqualTo(400);
    assertThat(post(passwordBody("bob", "bob-password")).statusCode()).isEqualTo(200);
  }

  @Test
  void otherMethodsOnTokensGet405AndOtherIdentityPaths404() {
    HttpResponse<byte[]> get = Wire.send(HttpRequest.newBuilder(emulator.identityUrl().resolve("/v2.0/tokens")).build());
    HttpResponse<byte[]> other =
        Wire.send(HttpRequest.newBuilder(emulator.identityUrl().resolve("/v2.0/users")).build());

    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(Wire.fault(get).name()).isEqualTo("badMethod");
    assertThat(get.headers().firstValue("Allow")).hasValue("POST");
    assertThat(other.statusCode()).isEqualTo(404);
    assertThat(Wire.fault(other).name()).isEqualTo("itemNotFound");
  }

  @Test
  void identityRequestsAreCountedApartFromImagesRequests() {
    post(apiKeyBody("alice", "alice-key"));
    post(apiKeyBody("alice", "wrong"));

    assertThat(emulator.identityRequestCount()).isEqualTo(2);
    assertThat(emulator.imagesRequestCount()).isZero();
  }

  @Test
  void aTokenStopsWorkingWhenItExpires() {
    String token = access(post(apiKeyBody("alice", "alice-key"))).getJsonObject("token").getString("id");
    HttpRequest images =
        HttpRequest.newBuilder(emulator.computeEndpoint().resolve("/v2/123456/images"))
            .header("X-Auth-Token", token)
            .build();

    clock.advance(Duration.ofHours(24).minusMillis(200));
    assertThat(Wire.send(images).statusCode()).isEqualTo(200);
    clock.advance(Duration.ofMillis(200));
    assertThat(Wire.send(images).statusCode()).isEqualTo(401);
  }
}
