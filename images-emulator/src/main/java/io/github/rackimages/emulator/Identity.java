package io.github.rackimages.emulator;

import io.github.rackimages.nova.json.CatalogEndpoint;
import io.github.rackimages.nova.json.CatalogService;
import io.github.rackimages.nova.json.IdentityDocument;
import io.github.rackimages.nova.json.IdentityUser;
import io.github.rackimages.nova.json.NovaJson;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The identity service's {@code POST /v2.0/tokens} (Rackspace Identity v2.0): API-key or password credentials in,
 * a token and a service catalog whose compute endpoints all point at the emulator out.
 */
final class Identity {

  static final String PARSE_ERROR =
      "Invalid request body: unable to parse Auth data. Please review XML or JSON formatting";
  static final String BAD_CREDENTIALS = "Unable to authenticate user with credentials provided.";
  static final String BOTH_CREDENTIALS =
      "Invalid request body: send either RAX-KSKEY:apiKeyCredentials or passwordCredentials, not both";
  static final String BOTH_TENANTS = "Invalid request body: send either tenantId or tenantName, not both";

  /** The regions whose {@code cloudServersOpenStack} endpoints the catalog lists, in Rackspace's usual order. */
  static final List<String> REGIONS = List.of("DFW", "ORD", "IAD", "LON", "SYD", "HKG");

  /** The largest request body read; Rackspace's credentials bodies are a few hundred bytes. */
  static final int MAX_BODY = 64 * 1024;

  private static final String API_KEY_CREDENTIALS = "RAX-KSKEY:apiKeyCredentials";
  private static final String PASSWORD_CREDENTIALS = "passwordCredentials";

  private final NovaJson json;
  private final NovaFaults faults;
  private final TokenStore tokens;
  private final List<EmulatorUser> users;
  private final String tenantId;
  private final Urls urls;
  private final Clock clock;
  private final Supplier<Duration> lifetime;
  private final JsonParserFactory parsers = Json.createParserFactory(Map.of());

  Identity(
      NovaJson json,
      NovaFaults faults,
      TokenStore tokens,
      List<EmulatorUser> users,
      String tenantId,
      Urls urls,
      Clock clock,
      Supplier<Duration> lifetime) {
    this.json = json;
    this.faults = faults;
    this.tokens = tokens;
    this.users = List.copyOf(users);
    this.tenantId = tenantId;
    this.urls = urls;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** Answers {@code POST /v2.0/tokens} with this request body. */
  Reply authenticate(InputStream body) throws IOException {
    byte[] bytes = body.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      return faults.fault(400, PARSE_ERROR);
    }
    JsonObject auth = readAuth(bytes).orElse(null);
    if (auth == null) {
      return faults.fault(400, PARSE_ERROR);
    }
    JsonValue apiKeyCredentials = auth.get(API_KEY_CREDENTIALS);
    JsonValue passwordCredentials = auth.get(PASSWORD_CREDENTIALS);
    boolean apiKey = present(apiKeyCredentials);
    boolean password = present(passwordCredentials);
    if (apiKey && password) {
      return faults.fault(400, BOTH_CREDENTIALS);
    }
    if (!apiKey && !password) {
      return faults.fault(400, PARSE_ERROR);
    }
    if (!stringOrAbsent(auth, "tenantId") || !stringOrAbsent(auth, "tenantName")) {
      return faults.fault(400, PARSE_ERROR);
    }
    Optional<String> askedTenantId = optionalText(auth, "tenantId");
    Optional<String> askedTenantName = optionalText(auth, "tenantName");
    if (askedTenantId.isPresent() && askedTenantName.isPresent()) {
      return faults.fault(400, BOTH_TENANTS);
    }
    JsonValue credentials = apiKey ? apiKeyCredentials : passwordCredentials;
    if (credentials.getValueType() != JsonValue.ValueType.OBJECT) {
      return faults.fault(400, PARSE_ERROR);
    }
    JsonObject c = credentials.asJsonObject();
    String username = text(c, "username");
    String secret = text(c, apiKey ? "apiKey" : "password");
    if (username == null || secret == null) {
      return faults.fault(400, PARSE_ERROR);
    }
    Optional<EmulatorUser> user =
        users.stream()
            .filter(u -> u.username().equals(username))
            .filter(u -> apiKey ? u.hasApiKey(secret) : u.hasPassword(secret))
            .findFirst();
    boolean tenantMatches =
        askedTenantId.map(tenantId::equals).orElse(true) && askedTenantName.map(tenantId::equals).orElse(true);
    if (user.isEmpty() || !tenantMatches) {
      return faults.fault(401, BAD_CREDENTIALS);
    }
    TokenStore.Token token = tokens.issue(tenantId, username, clock.instant(), lifetime.get());
    EmulatorUser u = user.get();
    String method = apiKey ? "APIKEY" : "PASSWORD";
    IdentityDocument access = access(token, u, method);
    return Reply.ok(out -> json.writeIdentity(access, out));
  }

  private Optional<JsonObject> readAuth(byte[] bytes) {
    try (JsonParser parser = parsers.createParser(new ByteArrayInputStream(bytes))) {
      if (!parser.hasNext()) {
        return Optional.empty();
      }
      parser.next();
      JsonValue root = parser.getValue();
      if (parser.hasNext() || root.getValueType() != JsonValue.ValueType.OBJECT) {
        // Trailing content after the object is malformed too.
        return Optional.empty();
      }
      JsonValue auth = root.asJsonObject().get("auth");
      if (auth == null || auth.getValueType() != JsonValue.ValueType.OBJECT) {
        return Optional.empty();
      }
      return Optional.of(auth.asJsonObject());
    } catch (RuntimeException e) {
      // Malformed, truncated or empty JSON, trailing content, or nesting Parsson refuses (with a plain
      // RuntimeException past 1000 levels): the client's formatting, not our failure.
      return Optional.empty();
    }
  }

  private static boolean present(JsonValue value) {
    return value != null && value.getValueType() != JsonValue.ValueType.NULL;
  }

  /** A string member: null when absent, null or not a non-blank string. */
  private static String text(JsonObject object, String name) {
    JsonValue value = object.get(name);
    if (value instanceof JsonString s && !s.getString().isBlank()) {
      return s.getString();
    }
    return null;
  }

  /** Whether a member is absent, null or a string (anything else is a malformed body). */
  private static boolean stringOrAbsent(JsonObject object, String name) {
    JsonValue value = object.get(name);
    return !present(value) || value instanceof JsonString;
  }

  /** An optional string member: empty when absent, null or not a string. */
  private static Optional<String> optionalText(JsonObject object, String name) {
    return object.get(name) instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
  }

  /** The §7.2 body: token, service catalog (legacy v1.0 compute first, to catch clients that pick by type), user. */
  private IdentityDocument access(TokenStore.Token token, EmulatorUser user, String method) {
    CatalogService legacy = CatalogService.of("cloudServers", "compute", List.of(endpoint(
        "tenantId", tenantId,
        "publicURL", urls.base() + "/v1.0/" + tenantId,
        "versionId", "1.0",
        "versionInfo", urls.base() + "/v1.0",
        "versionList", urls.base() + "/")));
    String filesTenant = "MossoCloudFS_" + tenantId;
    CatalogService files = CatalogService.of("cloudFiles", "object-store", List.of(endpoint(
        "region", user.defaultRegion(),
        "tenantId", filesTenant,
        "publicURL", urls.base() + "/v1/" + filesTenant,
        "internalURL", urls.base() + "/v1/" + filesTenant)));
    List<CatalogEndpoint> regional = new ArrayList<>();
    for (String region : REGIONS) {
      regional.add(endpoint(
          "region", region,
          "tenantId", tenantId,
          "publicURL", urls.compute(),
          "versionId", "2",
          "versionInfo", urls.base() + "/v2",
          "versionList", urls.base() + "/"));
    }
    CatalogService compute = CatalogService.of("cloudServersOpenStack", "compute", regional);
    IdentityUser identityUser = IdentityUser.of(user.id(), user.username())
        .withDefaultRegion(user.defaultRegion())
        .withDomainId(tenantId)
        .withRoles(List.of(
            IdentityUser.Role.of("6", "compute:default", tenantId), IdentityUser.Role.of("3", "identity:default")));
    return IdentityDocument.of(token.id(), token.expires())
        .withTenant(tenantId, tenantId)
        .withAuthenticatedBy(List.of(method))
        .withServiceCatalog(List.of(legacy, files, compute))
        .withUser(identityUser);
  }

  /** An endpoint with these members (name, value, name, value, ...), in order. */
  private static CatalogEndpoint endpoint(String... namesAndValues) {
    Map<String, String> members = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      members.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return CatalogEndpoint.of(members);
  }
}
