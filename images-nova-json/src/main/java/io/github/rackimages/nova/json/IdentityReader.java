package io.github.rackimages.nova.json;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads an identity {@code access} document from its JSON value. Its messages name the place and the kind of a
 * wrong value, never the value: the document holds the token.
 */
final class IdentityReader {

  private IdentityReader() {}

  static IdentityDocument read(JsonValue root) {
    if (root.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new WireFormatException("the identity response is not a JSON object {\"access\": ...}");
    }
    JsonObject access = object(root.asJsonObject().get("access"), "access")
        .orElseThrow(() -> new WireFormatException("the identity response has no 'access' object"));
    JsonObject token = object(access.get("token"), "access.token")
        .orElseThrow(() -> new WireFormatException("the identity response has no access.token"));
    String id = string(token.get("id"), "access.token.id")
        .filter(s -> !s.isBlank())
        .orElseThrow(() -> new WireFormatException("the identity response has no access.token.id"));
    String expiresText = string(token.get("expires"), "access.token.expires")
        .orElseThrow(() -> new WireFormatException("the identity response has no access.token.expires"));
    Instant expires;
    try {
      expires = WireTimes.parse(expiresText, "access.token.expires");
    } catch (WireFormatException e) {
      throw new WireFormatException("access.token.expires is not a date-time: '" + shorten(expiresText) + "'", e);
    }
    Optional<JsonObject> tenant = object(token.get("tenant"), "access.token.tenant");
    String tenantId = tenant.flatMap(t -> string(t.get("id"), "access.token.tenant.id")).orElse(null);
    String tenantName = tenant.map(t -> lenient(t, "name")).orElse(null);
    List<String> authenticatedBy = new ArrayList<>();
    if (token.get("RAX-AUTH:authenticatedBy") instanceof JsonArray methods) {
      methods.forEach(m -> {
        if (m instanceof JsonString s) {
          authenticatedBy.add(s.getString());
        }
      });
    }
    IdentityUser user = object(access.get("user"), "access.user").map(IdentityReader::user).orElse(null);
    return IdentityDocument.read(id, expires, tenantId, tenantName, authenticatedBy, user, catalog(access));
  }

  private static IdentityUser user(JsonObject user) {
    String region = string(user.get("RAX-AUTH:defaultRegion"), "access.user.RAX-AUTH:defaultRegion")
        .filter(s -> !s.isBlank())
        .orElse(null);
    List<IdentityUser.Role> roles = new ArrayList<>();
    if (user.get("roles") instanceof JsonArray array) {
      for (JsonValue r : array) {
        if (r instanceof JsonObject role && lenient(role, "id") != null && lenient(role, "name") != null) {
          String tenant = lenient(role, "tenantId");
          roles.add(tenant == null
              ? IdentityUser.Role.of(lenient(role, "id"), lenient(role, "name"))
              : IdentityUser.Role.of(lenient(role, "id"), lenient(role, "name"), tenant));
        }
      }
    }
    return IdentityUser.read(lenient(user, "id"), lenient(user, "name"), region, lenient(user, "RAX-AUTH:domainId"), roles);
  }

  private static List<CatalogService> catalog(JsonObject access) {
    JsonValue value = access.get("serviceCatalog");
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      throw new WireFormatException("access.serviceCatalog is not an array");
    }
    JsonArray catalog = value.asJsonArray();
    List<CatalogService> services = new ArrayList<>(catalog.size());
    for (int i = 0; i < catalog.size(); i++) {
      // A service of another shape is skipped: its users, not this reader, decide whether it matters.
      if (catalog.get(i) instanceof JsonObject entry) {
        services.add(service(entry, "access.serviceCatalog[" + i + "]"));
      }
    }
    return services;
  }

  private static CatalogService service(JsonObject entry, String path) {
    List<CatalogEndpoint> endpoints = new ArrayList<>();
    String problem = null;
    if (entry.get("endpoints") instanceof JsonArray array) {
      for (int j = 0; j < array.size() && problem == null; j++) {
        String at = path + ".endpoints[" + j + "]";
        try {
          object(array.get(j), at).ifPresent(e -> endpoints.add(endpoint(e, at)));
        } catch (WireFormatException e) {
          // Reported when the service's endpoints are asked for, not now.
          problem = e.getMessage();
        }
      }
    }
    return CatalogService.read(lenient(entry, "name"), lenient(entry, "type"), endpoints, problem);
  }

  private static CatalogEndpoint endpoint(JsonObject endpoint, String at) {
    string(endpoint.get("region"), at + ".region");
    string(endpoint.get("publicURL"), at + ".publicURL");
    Map<String, String> members = new LinkedHashMap<>();
    endpoint.forEach((k, v) -> {
      if (v instanceof JsonString s) {
        members.put(k, s.getString());
      }
    });
    return CatalogEndpoint.of(members);
  }

  /** An object member: empty when absent or null, an error when of another kind. */
  private static Optional<JsonObject> object(JsonValue value, String path) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new WireFormatException(path + " is not an object");
    }
    return Optional.of(value.asJsonObject());
  }

  /** A string member: empty when absent or null, an error when of another kind. */
  private static Optional<String> string(JsonValue value, String path) {
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      // Say the type, not the value: this may be the token.
      throw new WireFormatException(
          path + " is not a string but " + value.getValueType().name().toLowerCase(Locale.ROOT));
    }
    return Optional.of(((JsonString) value).getString());
  }

  /** A string member that no client depends on: null when absent or of another kind. */
  private static String lenient(JsonObject object, String name) {
    return object.get(name) instanceof JsonString s ? s.getString() : null;
  }

  private static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
