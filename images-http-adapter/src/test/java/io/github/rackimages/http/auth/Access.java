package io.github.rackimages.http.auth;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Identity {@code access} bodies for the tests: the realistic fixture, and small hand-built variations. */
final class Access {

  /** The test clock's start. */
  static final java.time.Instant NOW = java.time.Instant.parse("2015-06-05T12:00:00Z");
  /** A day after {@link #NOW}, as Rackspace writes it. */
  static final String EXPIRES = "2015-06-06T12:00:00.000Z";

  static final String USER = "jdoe";
  static final String ORD_URL = "https://ord.servers.example.test/v2/654321";
  static final String IAD_URL = "https://iad.servers.example.test/v2/654321";
  static final String SYD_URL = "https://syd.servers.example.test/v2/654321";

  private Access() {}

  /**
   * The fixture {@code identity/access-three-regions.json}: legacy {@code cloudServers} listed first, then
   * {@code cloudServersOpenStack} in ORD, IAD and SYD, and unrelated services.
   */
  static String threeRegions(String token, String expires, String defaultRegion) {
    try (InputStream in = Access.class.getResourceAsStream("/identity/access-three-regions.json")) {
      if (in == null) {
        throw new IllegalStateException("fixture identity/access-three-regions.json is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("@TOKEN@", token)
          .replace("@EXPIRES@", expires)
          .replace("@REGION@", defaultRegion)
          .replace("@USER@", USER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A body with a token and the given catalog (null: no catalog) and default region (null: none). */
  static String body(String token, String expires, String defaultRegion, JsonArrayBuilder catalog) {
    JsonObjectBuilder tokenObject = Json.createObjectBuilder()
        .add("id", token)
        .add("expires", expires)
        .add("tenant", Json.createObjectBuilder().add("id", "654321").add("name", "654321"));
    JsonObjectBuilder user = Json.createObjectBuilder().add("id", "4242").add("name", USER);
    if (defaultRegion != null) {
      user.add("RAX-AUTH:defaultRegion", defaultRegion);
    }
    JsonObjectBuilder access = Json.createObjectBuilder().add("token", tokenObject).add("user", user);
    if (catalog != null) {
      access.add("serviceCatalog", catalog);
    }
    return Json.createObjectBuilder().add("access", access).build().toString();
  }

  /** A catalog service with regional endpoints given as region, publicURL pairs. */
  static JsonObjectBuilder service(String name, String type, String... regionUrlPairs) {
    JsonArrayBuilder endpoints = Json.createArrayBuilder();
    for (int i = 0; i < regionUrlPairs.length; i += 2) {
      JsonObjectBuilder e = Json.createObjectBuilder().add("tenantId", "654321").add("publicURL", regionUrlPairs[i + 1]);
      if (regionUrlPairs[i] != null) {
        e.add("region", regionUrlPairs[i]);
      }
      endpoints.add(e);
    }
    return Json.createObjectBuilder().add("name", name).add("type", type).add("endpoints", endpoints);
  }

  static JsonArrayBuilder catalog(JsonObjectBuilder... services) {
    JsonArrayBuilder a = Json.createArrayBuilder();
    for (JsonObjectBuilder s : services) {
      a.add(s);
    }
    return a;
  }
}
