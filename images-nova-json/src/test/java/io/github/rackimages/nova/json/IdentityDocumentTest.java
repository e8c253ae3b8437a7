package io.github.rackimages.nova.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentityDocumentTest {

  private static final NovaJson JSON = new NovaJson();

  /** Shortened from Rackspace's Identity v2.0 developer guide (an API-key authentication). */
  private static final String RACKSPACE_ACCESS = """
      {"access": {
        "token": {"id": "aaaaa-bbbbb-ccccc-dddd", "expires": "2014-11-24T22:05:39.115Z",
                  "tenant": {"id": "010101", "name": "010101"}, "RAX-AUTH:authenticatedBy": ["APIKEY"]},
        "serviceCatalog": [
          {"name": "cloudFiles", "type": "object-store", "endpoints": [
            {"region": "ORD", "tenantId": "MossoCloudFS_aaaa", "publicURL": "https://storage.ord/v1/a",
             "internalURL": "https://snet-storage.ord/v1/a"}]},
          {"name": "cloudServersOpenStack", "type": "compute", "endpoints": [
            {"region": "DFW", "tenantId": "010101", "publicURL": "https://dfw.servers.api.rackspacecloud.com/v2/010101",
             "versionId": "2", "versionInfo": "https://dfw.servers.api.rackspacecloud.com/v2", "extra": 3}]}],
        "user": {"id": "123456", "name": "jdoe", "RAX-AUTH:defaultRegion": "DFW",
                 "roles": [{"id": "3", "name": "identity:default"}, {"id": "6", "name": "compute:default",
                            "tenantId": "010101"}, 42]}}}""";

  @AfterAll
  static void close() {
    JSON.close();
  }

  private static JsonValue json(String text) {
    return Json.createReader(new StringReader(text)).readValue();
  }

  @Test
  void readsTheTokenTenantRegionAndCatalog() {
    IdentityDocument access = IdentityDocument.read(json(RACKSPACE_ACCESS));

    assertThat(access.tokenId()).isEqualTo("aaaaa-bbbbb-ccccc-dddd");
    assertThat(access.expires()).isEqualTo(Instant.parse("2014-11-24T22:05:39.115Z"));
    assertThat(access.tenantId()).contains("010101");
    assertThat(access.authenticatedBy()).containsExactly("APIKEY");
    assertThat(access.defaultRegion()).contains("DFW");
    assertThat(access.user().orElseThrow().roles()).extracting(IdentityUser.Role::name)
        .containsExactly("identity:default", "compute:default");
    List<CatalogService> catalog = access.serviceCatalog().orElseThrow();
    assertThat(catalog).extracting(s -> s.name().orElseThrow()).containsExactly("cloudFiles", "cloudServersOpenStack");
    CatalogEndpoint dfw = catalog.get(1).endpoints().get(0);
    assertThat(dfw.region()).contains("DFW");
    assertThat(dfw.publicUrl()).contains("https://dfw.servers.api.rackspacecloud.com/v2/010101");
    assertThat(dfw.members()).containsKeys("tenantId", "versionId").doesNotContainKey("extra");
  }

  @Test
  void aWrittenDocumentReadsBackEqualInItsParts() {
    IdentityDocument read = IdentityDocument.read(json(RACKSPACE_ACCESS));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.writeIdentity(read, out);
    String written = out.toString(StandardCharsets.UTF_8);

    IdentityDocument back = IdentityDocument.read(json(written));

    assertThat(written).contains("\"expires\":\"2014-11-24T22:05:39.115Z\"");
    assertThat(back.tokenId()).isEqualTo(read.tokenId());
    assertThat(back.expires()).isEqualTo(read.expires());
    assertThat(back.tenantName()).contains("010101");
    assertThat(back.user().orElseThrow().roles().get(1).tenantId()).contains("010101");
    assertThat(back.serviceCatalog().orElseThrow().get(1).endpoints())
        .isEqualTo(read.serviceCatalog().orElseThrow().get(1).endpoints());
  }

  @Test
  void expiriesAreWrittenWithMillisecondsAsIdentityDoes() {
    Map<String, String> members = new LinkedHashMap<>();
    members.put("region", "LON");
    members.put("publicURL", "http://127.0.0.1:1/v2/1");
    IdentityDocument access = IdentityDocument.of("t", Instant.parse("2030-01-01T00:00:00Z"))
        .withServiceCatalog(List.of(CatalogService.of("cloudServersOpenStack", "compute",
            List.of(CatalogEndpoint.of(members)))));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JSON.writeIdentity(access, out);

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(
        "{\"access\":{\"token\":{\"id\":\"t\",\"expires\":\"2030-01-01T00:00:00.000Z\"},\"serviceCatalog\":"
            + "[{\"name\":\"cloudServersOpenStack\",\"type\":\"compute\",\"endpoints\":"
            + "[{\"region\":\"LON\",\"publicURL\":\"http://127.0.0.1:1/v2/1\"}]}]}}");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[]|the identity response is not a JSON object {\"access\": ...}",
      "{}|the identity response has no 'access' object",
      "{\"access\": 1}|access is not an object",
      "{\"access\": {}}|the identity response has no access.token",
      "{\"access\": {\"token\": {\"id\": \" \"}}}|the identity response has no access.token.id",
      "{\"access\": {\"token\": {\"id\": 12345}}}|access.token.id is not a string but number",
      "{\"access\": {\"token\": {\"id\": \"t\"}}}|the identity response has no access.token.expires",
      "{\"access\": {\"token\": {\"id\": \"t\", \"expires\": \"soon\"}}}|access.token.expires is not a date-time: 'soon'",
      "{\"access\": {\"token\": {\"id\": \"t\", \"expires\": \"2030-01-01T00:00:00Z\", \"tenant\": {\"id\": 1}}}}"
          + "|access.token.tenant.id is not a string but number",
      "{\"access\": {\"token\": {\"id\": \"t\", \"expires\": \"2030-01-01T00:00:00Z\"}, \"serviceCatalog\": {}}}"
          + "|access.serviceCatalog is not an array",
      "{\"access\": {\"token\": {\"id\": \"t\", \"expires\": \"2030-01-01T00:00:00Z\"},"
          + " \"user\": {\"RAX-AUTH:defaultRegion\": true}}}|access.user.RAX-AUTH:defaultRegion is not a string but true"
  })
  void aDocumentWithoutAUsableTokenSaysWhatIsWrongWithoutTheValue(String body, String message) {
    assertThatThrownBy(() -> IdentityDocument.read(json(body)))
        .isInstanceOf(WireFormatException.class)
        .hasMessage(message);
  }

  @Test
  void aMalformedEndpointIsReportedOnlyWhenItsServiceIsUsed() {
    IdentityDocument access = IdentityDocument.read(json(
        "{\"access\": {\"token\": {\"id\": \"t\", \"expires\": \"2030-01-01T00:00:00Z\"}, \"serviceCatalog\": ["
            + "42, {\"name\": 7}, {\"name\": \"cloudFiles\", \"endpoints\": [{\"region\": 5}]},"
            + " {\"name\": \"cloudServersOpenStack\", \"endpoints\": [null, {\"region\": \"DFW\"}]}]}}"));

    List<CatalogService> catalog = access.serviceCatalog().orElseThrow();
    assertThat(catalog).hasSize(3);
    assertThat(catalog.get(0).name()).isEmpty();
    assertThatThrownBy(() -> catalog.get(1).endpoints())
        .isInstanceOf(WireFormatException.class)
        .hasMessage("access.serviceCatalog[2].endpoints[0].region is not a string but number");
    assertThat(catalog.get(2).endpoints()).singleElement().satisfies(e -> {
      assertThat(e.region()).contains("DFW");
      assertThat(e.publicUrl()).isEmpty();
    });
  }

  @Test
  void aDocumentNeverShowsItsToken() {
    assertThat(IdentityDocument.read(json(RACKSPACE_ACCESS)).toString()).doesNotContain("aaaaa");
  }
}
