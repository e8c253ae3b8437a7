package io.github.rackimages.reliability.support;

import static io.github.rackimages.reliability.support.HostileResponses.concat;
import static io.github.rackimages.reliability.support.HostileResponses.utf8;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile answers of Rackspace Identity v2.0 to {@code POST /v2.0/tokens}: a realistic {@code access} body
 * (written here, shaped like Rackspace's), damaged by a seeded generator, plus a fixed corpus of unusable answers
 * (no token, no catalog, no region, an expiry in the past, malformed bodies, hostile error bodies).
 */
public final class HostileIdentity {

  /** One identity answer and what the authenticator must make of it. */
  public record Case(
      String family, String detail, long seed, int status, Map<String, String> headers, byte[] body,
      boolean raw, boolean mustFail, List<Object> touched) {

    public String describe() {
      String preview = new String(body, 0, Math.min(body.length, 200), java.nio.charset.StandardCharsets.UTF_8);
      return family + " / " + detail + " / seed " + seed + " / status " + status + " / " + body.length + " bytes: "
          + preview.replaceAll("\\s+", " ");
    }
  }

  /** The compute endpoints the realistic body offers, by region. */
  public static final Map<String, String> COMPUTE = new LinkedHashMap<>();

  static {
    COMPUTE.put("DFW", "https://dfw.servers.api.rackspacecloud.com/v2/123456");
    COMPUTE.put("ORD", "https://ord.servers.api.rackspacecloud.com/v2/123456");
    COMPUTE.put("IAD", "https://iad.servers.api.rackspacecloud.com/v2/123456");
  }

  private HostileIdentity() {}

  /** A realistic {@code access} body for {@code token}, expiring a day from now. */
  public static JsonObject access(String token, Instant now) {
    JsonArrayBuilder compute = Json.createArrayBuilder();
    COMPUTE.forEach(
        (region, url) ->
            compute.add(
                Json.createObjectBuilder()
                    .add("region", region)
                    .add("tenantId", "123456")
                    .add("publicURL", url)
                    .add("versionInfo", url.substring(0, url.indexOf("/v2/") + 4))
                    .add("versionList", url.substring(0, url.indexOf("/v2/") + 1))
                    .add("versionId", "2")));
    JsonObjectBuilder access =
        Json.createObjectBuilder()
            .add(
                "token",
                Json.createObjectBuilder()
                    .add("id", token)
                    .add("expires", now.plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS).toString())
                    .add("tenant", Json.createObjectBuilder().add("id", "123456").add("name", "123456"))
                    .add("RAX-AUTH:authenticatedBy", Json.createArrayBuilder().add("APIKEY")))
            .add(
                "serviceCatalog",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("name", "cloudServers")
                            .add("type", "compute")
                            .add(
                                "endpoints",
                                Json.createArrayBuilder()
                                    .add(
                                        Json.createObjectBuilder()
                                            .add("tenantId", "123456")
                                            .add("publicURL", "https://servers.api.rackspacecloud.com/v1.0/123456"))))
                    .add(
                        Json.createObjectBuilder()
                            .add("name", "cloudFiles")
                            .add("type", "object-store")
                            .add(
                                "endpoints",
                                Json.createArrayBuilder()
                                    .add(
                                        Json.createObjectBuilder()
                                            .add("region", "DFW")
                                            .add("tenantId", "MossoCloudFS_abc")
                                            .add("publicURL", "https://storage101.dfw1.clouddrive.com/v1/MossoCloudFS_abc"))))
                    .add(
                        Json.createObjectBuilder()
                            .add("name", "cloudServersOpenStack")
                            .add("type", "compute")
                            .add("endpoints", compute)))
            .add(
                "user",
                Json.createObjectBuilder()
                    .add("id", "10012345")
                    .add("name", "demo")
                    .add("RAX-AUTH:defaultRegion", "DFW")
                    .add("roles", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", "3").add("name", "identity:user-admin"))));
    return Json.createObjectBuilder().add("access", access).build();
  }

  /** The seeded mutations of a realistic body. */
  public static List<Case> mutations(long seed, String token, Instant now) {
    Random r = new Random(seed);
    JsonObject root = access(token, now);
    byte[] body = JsonText.write(root);
    List<List<Object>> paths = new ArrayList<>(JsonText.paths(root));
    Collections.shuffle(paths, r);
    List<Case> out = new ArrayList<>();
    out.add(ok("control", "the unharmed body", seed, body, false, List.of()));
    for (int k = 0; k < Math.min(25, paths.size()); k++) {
      List<Object> p = paths.get(k);
      String wrong = new String[] {"0", "1.5", "\"\"", "\"x\"", "true", "{}", "[]", "[1]", "{\"a\": 1}"}[r.nextInt(9)];
      out.add(ok("wrong-type", p + " = " + wrong, seed, JsonText.replace(root, p, utf8(wrong)), false, p));
      List<Object> q = paths.get(paths.size() - 1 - k);
      out.add(ok("null", q + " = null", seed, JsonText.replace(root, q, utf8("null")), false, q));
      List<Object> m = paths.get((k * 7) % paths.size());
      if (m.get(m.size() - 1) instanceof String) {
        out.add(ok("missing", m + " removed", seed, JsonText.remove(root, m), false, m));
      }
    }
    Map<JsonText.Cut, List<Integer>> cuts = JsonText.cutOffsets(body);
    cuts.forEach(
        (cut, offsets) -> {
          for (int k = 0; k < Math.min(3, offsets.size()); k++) {
            int at = offsets.get(r.nextInt(offsets.size()));
            out.add(ok("truncation", cut + " at " + at, seed, Arrays.copyOf(body, at), true, List.of()));
          }
        });
    for (int k = 0; k < 4; k++) {
      List<Object> p = paths.get(r.nextInt(paths.size()));
      if (JsonText.get(root, p).getValueType() == JsonValue.ValueType.STRING) {
        byte[] bad = HostileResponses.INVALID_UTF8[r.nextInt(HostileResponses.INVALID_UTF8.length)];
        out.add(ok("invalid-utf8", p.toString(), seed, JsonText.replace(root, p, concat(concat(utf8("\"a"), bad), utf8("\""))), false, p));
      }
      if (p.get(p.size() - 1) instanceof String) {
        out.add(ok("duplicate-key", p + " first as 7", seed, JsonText.duplicateKey(root, p, utf8("7")), false, p));
      }
    }
    return out;
  }

  /** Unusable answers no mutation makes, and hostile error answers. */
  public static List<Case> fixedCorpus(String token, String apiKey, String password, Instant now) {
    JsonObject root = access(token, now);
    List<Case> out = new ArrayList<>();
    List<Object> expires = List.of("access", "token", "expires");
    String[][] unusable = {
      {"no token", "access/token"}, {"no token id", "access/token/id"}, {"no expiry", "access/token/expires"},
      {"no catalog", "access/serviceCatalog"}, {"no default region", "access/user/RAX-AUTH:defaultRegion"},
      {"no user", "access/user"}, {"no access", "access"}
    };
    for (String[] u : unusable) {
      List<Object> p = new ArrayList<>(List.of((Object[]) u[1].split("/")));
      // Without a default region, three regions offered leave no endpoint to choose: a typed failure too.
      out.add(ok("unusable", u[0], 0, JsonText.remove(root, p), true, p));
    }
    for (String past : new String[] {"2015-01-01T00:00:00Z", now.minusSeconds(1).toString(), "1970-01-01T00:00:00Z", now.toString()}) {
      out.add(ok("expiry", "expires " + past, 0, JsonText.replace(root, expires, utf8("\"" + past + "\"")), true, expires));
    }
    for (String odd : new String[] {"tomorrow", "", "2015-13-45T99:99:99Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999+18:00", "2030-01-01", "1e400", "2030-01-01T00:00:00Z\u0000"}) {
      out.add(ok("expiry", "expires " + odd, 0, JsonText.replace(root, expires, utf8(Json.createValue(odd).toString())), false, expires));
    }
    List<Object> catalog = List.of("access", "serviceCatalog");
    out.add(ok("unusable", "an empty catalog", 0, JsonText.replace(root, catalog, utf8("[]")), true, catalog));
    out.add(ok("unusable", "a catalog without cloudServersOpenStack", 0, JsonText.replace(root, List.of("access", "serviceCatalog", 2, "name"), utf8("\"cloudServersOpenStackX\"")), true, catalog));
    out.add(ok("unusable", "cloudServersOpenStack without endpoints", 0, JsonText.replace(root, List.of("access", "serviceCatalog", 2, "endpoints"), utf8("[]")), true, catalog));
    out.add(ok("unusable", "the default region not offered", 0, JsonText.replace(root, List.of("access", "user", "RAX-AUTH:defaultRegion"), utf8("\"SYD\"")), true, catalog));
    for (String url : new String[] {"not a url", "/v2/123456", "ftp://x/v2", "http://192.0.2.1/v2/123456", "https://", "javascript:alert(1)", "https://u:p@x.example/v2/1"}) {
      out.add(ok("endpoint", "publicURL " + url, 0, JsonText.replace(root, List.of("access", "serviceCatalog", 2, "endpoints", 0, "publicURL"), utf8(Json.createValue(url).toString())), !url.startsWith("https://u:p"), catalog));
    }
    String[] bodies = {"", " ", "null", "[]", "{}", "{\"access\": null}", "{\"access\": []}", "{\"access\": {\"token\": \"" + token + "\"}}",
        "<html><body>Service Unavailable</body></html>", "{\"access\": {}} trailing", "{\"access\": {}}{\"access\": {}}"};
    for (String b : bodies) {
      out.add(ok("malformed", "body " + HostileResponses.shorten(b), 0, utf8(b), true, List.of()));
    }
    byte[] deep = concat(utf8("{\"access\": {\"deep\": " + "[".repeat(10_000)), utf8("]".repeat(10_000) + "}}"));
    out.add(ok("nesting", "10,000 arrays in an unknown member", 0, deep, false, List.of()));
    out.add(ok("nesting", "10,000 objects as the access", 0, concat(utf8("{\"access\": " + "{\"a\":".repeat(10_000) + "1"), utf8("}".repeat(10_001))), true, List.of()));
    out.add(ok("nesting", "10,000 unclosed arrays", 0, utf8("{\"access\": " + "[".repeat(10_000)), true, List.of()));
    out.add(ok("large", "a 2 MB body, over the 1 MiB cap", 0, concat(utf8("{\"access\": {\"x\": \"" + "p".repeat(2 << 20)), utf8("\"}}")), true, List.of()));
    out.add(ok("large", "a 900 KB unknown member", 0, JsonText.replace(root, List.of("access", "user", "roles"), concat(concat(utf8("[{\"name\": \""), utf8("r".repeat(900 << 10))), utf8("\"}]"))), false, List.of()));

    // Error statuses whose bodies echo the secrets, or are not faults at all.
    String[] errorBodies = {
      "{\"unauthorized\": {\"code\": 401, \"message\": \"Username or api key is invalid: " + apiKey + "\"}}",
      "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid json request body\", \"details\": \"{\\\"password\\\": \\\"" + password + "\\\", \\\"apiKey\\\": \\\"" + apiKey + "\\\"}\"}}",
      "{\"forbidden\": {\"code\": 403, \"message\": \"token " + token + " is disabled\"}}",
      "<html><body>apiKey=" + apiKey + "&password=" + password + "</body></html>",
      "{\"overLimit\": {\"code\": 413, \"message\": \"slow down\", \"retryAfter\": \"1e400\", \"retryAt\": \"never\"}}",
      "{\"identityFault\": {\"code\": 500, \"message\": " + "[".repeat(10_000) + "]".repeat(10_000) + "}}",
      "{\"identityFault\": {\"code\": 500, \"message\": [[[[",
      "{\"itemNotFound\": {\"message\": \"" + "m".repeat(200_000) + "\"}}",
      "",
    };
    int[] statuses = {400, 401, 403, 404, 405, 413, 429, 500, 503, 504, 302, 204, 201};
    int k = 0;
    for (int status : statuses) {
      for (String b : errorBodies) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("Retry-After", k++ % 2 == 0 ? "Thu, 01 Jan 1970 00:00:00 GMT" : "99999999999999999999");
        h.put("WWW-Authenticate", "OS-MF sessionId='" + token + "', factor='PASSCODE'");
        // A success status with a body that is no access answer fails too (201 and 204 included).
        out.add(new Case("error-status", status + " " + HostileResponses.shorten(b), 0, status, h, utf8(b), false, true, List.of()));
      }
    }
    String[][] raws = {
      {"a Content-Length of letters", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ten\r\n\r\n{}"},
      {"garbage", "not http at all\r\n\r\n"},
      {"a body cut by the connection", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n" + new String(JsonText.write(root), java.nio.charset.StandardCharsets.UTF_8).substring(0, 100)},
    };
    for (String[] raw : raws) {
      out.add(new Case("raw-response", raw[0], 0, 0, Map.of(), utf8(raw[1]), true, true, List.of()));
    }
    return out;
  }

  private static Case ok(String family, String detail, long seed, byte[] body, boolean mustFail, List<Object> touched) {
    return new Case(family, detail, seed, 200, Map.of("Content-Type", "application/json"), body, false, mustFail, touched);
  }
}
