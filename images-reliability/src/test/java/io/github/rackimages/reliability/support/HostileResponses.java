package io.github.rackimages.reliability.support;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.nova.json.NovaJson;
import io.github.rackimages.reliability.support.HostileCase.Delivery;
import io.github.rackimages.reliability.support.HostileCase.Expect;
import io.github.rackimages.reliability.support.HostileCase.Operation;
import io.github.rackimages.reliability.support.JsonText.Cut;
import io.github.rackimages.tck.TestImages;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Makes hostile responses for the images API: a seeded mutation generator of realistic pages (written by the
 * adapter's own wire format from varied test images, then damaged), and a fixed corpus of malformed responses.
 * The same seed always makes the same cases ({@link Random}'s algorithm is fixed by its specification).
 */
public final class HostileResponses {

  /** A realistic response before damage, and what it holds. */
  public record Base(Operation operation, List<Image> images, int limit, byte[] body) {

    /** The summaries the body holds (for {@link Operation#SUMMARIES}). */
    public List<ImageSummary> summaries() {
      return images.stream().map(Image::toSummary).toList();
    }
  }

  /** The seed of the page the fixed corpus damages. */
  public static final long FIXED_SEED = 7;

  private static final NovaJson JSON = new NovaJson();

  /** Values of every JSON type, to put where another type belongs. */
  private static final String[] WRONG_TYPES = {
    "0", "-1", "1.5", "\"\"", "\"text\"", "true", "false", "{}", "{\"a\":1}", "[]", "[1,2]", "[{}]", "null"
  };

  /** Numbers no field can hold, or that are hard to read. */
  static final String[] HOSTILE_NUMBERS = {
    "1e400", "-1e400", "1e-400", "-0", "-0.0", "0e0", "9223372036854775807", "9223372036854775808",
    "-9223372036854775809", "18446744073709551616", "2147483648", "-2147483649", "1e999999999", "1E+999999999",
    "1e-999999999", "123456789012345678901234567890123456789012345678901234567890", "0.5", "99.5", "1E2",
    "100.0000000000000000000001", "-1", "1" + "0".repeat(5_000), "0." + "0".repeat(5_000) + "1"
  };

  /** Bytes that are not UTF-8. */
  static final byte[][] INVALID_UTF8 = {
    {(byte) 0xFF}, {(byte) 0xC3, (byte) 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0x80},
    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
    {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFE, (byte) 0xFF}
  };

  private HostileResponses() {}

  /** A realistic response for {@code op}: 1 to 5 varied images (one with non-ASCII text in two of three). */
  public static Base base(long seed, Operation op, URI endpoint) {
    Random r = new Random(seed);
    List<Image> images = new ArrayList<>(TestImages.many(1 + r.nextInt(5), seed));
    if (r.nextInt(3) > 0) {
      List<Image> edges = TestImages.edgeCases();
      images.add(r.nextInt(images.size() + 1), edges.get(r.nextInt(edges.size())));
    }
    if (op == Operation.FIND) {
      images = List.of(images.get(r.nextInt(images.size())));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      JSON.writeImage(images.get(0), out);
      return new Base(op, List.copyOf(images), 1, out.toByteArray());
    }
    // A full page (with a next link, which the stream follows) or the last one.
    boolean full = op == Operation.STREAM || r.nextBoolean();
    int limit = full ? images.size() : images.size() + 1 + r.nextInt(3);
    String path = op == Operation.SUMMARIES ? "/images" : "/images/detail";
    String next =
        full ? endpoint + path + "?limit=" + limit + "&marker=" + images.get(images.size() - 1).id().value() : null;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (op == Operation.SUMMARIES) {
      JSON.writeSummaryList(images.stream().map(Image::toSummary).toList(), next, out);
    } else {
      JSON.writeDetailList(images, next, out);
    }
    return new Base(op, List.copyOf(images), limit, out.toByteArray());
  }

  /** Every mutation of one realistic response, for one seed. */
  public static List<HostileCase> mutations(long seed, Operation op, URI endpoint) {
    Base base = base(seed, op, endpoint);
    Random r = new Random(seed * 31 + op.ordinal());
    JsonValue root = JsonText.parse(base.body);
    List<List<Object>> paths = JsonText.paths(root);
    List<HostileCase> out = new ArrayList<>();
    int limit = base.limit;

    out.add(HostileCase.json("control", "the unharmed body", seed, op, base.body, Expect.CORRECT_PAGE, limit, -1, null));
    out.add(HostileCase.json("harmless", "pretty-printed with CRLF and tabs", seed, op, spaced(base.body), Expect.CORRECT_PAGE, limit, -1, null));
    out.add(HostileCase.json("harmless", "unknown members everywhere", seed, op, withUnknownMembers(root), Expect.CORRECT_PAGE, limit, -1, null));
    out.add(HostileCase.json("harmless", "ASCII letters of every string written as \\u escapes", seed, op, escapedLetters(base.body), Expect.CORRECT_PAGE, limit, -1, null));
    out.add(HostileCase.json("harmless", "UTF-8 byte order mark", seed, op, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, base.body), Expect.FAILURE_OR_SOUND_PAGE, limit, -1, null));
    out.add(HostileCase.json("trailing-garbage", "another value after the body", seed, op, concat(base.body, "{\"images\": []}".getBytes(StandardCharsets.UTF_8)), Expect.FAILURE_OR_SOUND_PAGE, limit, -1, null));

    // Truncation at every offset class, delivered as a clean short body and as a cut or reset connection.
    Map<Cut, List<Integer>> cuts = JsonText.cutOffsets(base.body);
    for (Map.Entry<Cut, List<Integer>> e : cuts.entrySet()) {
      List<Integer> offsets = e.getValue();
      for (int k = 0; k < Math.min(3, offsets.size()); k++) {
        int at = offsets.get(r.nextInt(offsets.size()));
        byte[] cut = Arrays.copyOf(base.body, at);
        HostileCase c = HostileCase.json("truncation", e.getKey() + " at " + at + " of " + base.body.length, seed, op, cut, Expect.TYPED_FAILURE, limit, -1, null);
        out.add(c);
        out.add(c.delivered(k % 2 == 0 ? Delivery.CUT_CONNECTION : Delivery.RESET_MID_BODY));
      }
    }
    out.add(HostileCase.json("truncation", "one byte", seed, op, Arrays.copyOf(base.body, 1), Expect.TYPED_FAILURE, limit, -1, null));
    out.add(HostileCase.json("truncation", "all but the last byte", seed, op, Arrays.copyOf(base.body, base.body.length - 1), Expect.TYPED_FAILURE, limit, -1, null).delivered(Delivery.CUT_CONNECTION));

    // A wrong type, and null, for a sample of every value's place (every field of every image among them).
    List<List<Object>> shuffled = new ArrayList<>(paths);
    java.util.Collections.shuffle(shuffled, r);
    for (int k = 0; k < Math.min(40, shuffled.size()); k++) {
      List<Object> p = shuffled.get(k);
      String wrong = otherType(JsonText.get(root, p), r);
      out.add(touching("wrong-type", p + " = " + wrong, seed, op, JsonText.replace(root, p, utf8(wrong)), limit, p));
    }
    for (int k = 0; k < Math.min(20, shuffled.size()); k++) {
      List<Object> p = shuffled.get(shuffled.size() - 1 - k);
      out.add(touching("null", p + " = null", seed, op, JsonText.replace(root, p, utf8("null")), limit, p));
    }
    // Every image field removed, once per body.
    for (List<Object> p : paths) {
      if (p.size() == 3 && p.get(0).equals("images") || p.size() == 2 && p.get(0).equals("image")) {
        if (r.nextInt(3) == 0) {
          out.add(touching("missing", p + " removed", seed, op, JsonText.remove(root, p), limit, p));
        }
      }
    }

    // Duplicate keys: the first copy holds a different value.
    List<List<Object>> keyed = paths.stream().filter(p -> p.get(p.size() - 1) instanceof String).toList();
    for (int k = 0; k < 5; k++) {
      List<Object> p = keyed.get(r.nextInt(keyed.size()));
      String first = WRONG_TYPES[r.nextInt(WRONG_TYPES.length)];
      out.add(touching("duplicate-key", p + " first as " + first, seed, op, JsonText.duplicateKey(root, p, utf8(first)), limit, p));
    }

    // Invalid UTF-8 inside string values and keys.
    List<List<Object>> strings = paths.stream().filter(p -> JsonText.get(root, p).getValueType() == JsonValue.ValueType.STRING).toList();
    for (int k = 0; k < 6 && !strings.isEmpty(); k++) {
      List<Object> p = strings.get(r.nextInt(strings.size()));
      byte[] bad = INVALID_UTF8[r.nextInt(INVALID_UTF8.length)];
      byte[] value = concat(concat(utf8("\"a"), bad), utf8("b\""));
      out.add(touching("invalid-utf8", p + " holds bytes " + hex(bad), seed, op, JsonText.replace(root, p, value), limit, p));
    }

    // Numbers out of range in every numeric field, and numbers where text belongs.
    List<List<Object>> numbers = paths.stream().filter(p -> JsonText.get(root, p).getValueType() == JsonValue.ValueType.NUMBER).toList();
    for (int k = 0; k < 10 && !numbers.isEmpty(); k++) {
      List<Object> p = numbers.get(r.nextInt(numbers.size()));
      String n = HOSTILE_NUMBERS[r.nextInt(HOSTILE_NUMBERS.length)];
      out.add(touching("number", p + " = " + shorten(n), seed, op, JsonText.replace(root, p, utf8(n)), limit, p));
    }
    for (int k = 0; k < 3 && !strings.isEmpty(); k++) {
      List<Object> p = strings.get(r.nextInt(strings.size()));
      String n = HOSTILE_NUMBERS[r.nextInt(HOSTILE_NUMBERS.length)];
      out.add(touching("number", p + " = " + shorten(n), seed, op, JsonText.replace(root, p, utf8(n)), limit, p));
    }

    // A next link that is not a URL, or not ours: ignored, the marker is the last id.
    if (op != Operation.FIND && limit == base.images.size()) {
      List<Object> href = List.of("images_links", 0, "href");
      for (String bad : hostileHrefs(endpoint, op)) {
        out.add(HostileCase.json("next-link", "href " + bad, seed, op,
            JsonText.replace(root, href, utf8(Json.createValue(bad).toString())), Expect.CORRECT_PAGE, limit, -1, null));
      }
    }
    return out;
  }

  private static HostileCase touching(String family, String detail, long seed, Operation op, byte[] body, int limit, List<Object> p) {
    int image = -1;
    String field = null;
    if (p.size() >= 2 && p.get(0).equals("images") && p.get(1) instanceof Integer i) {
      image = i;
      field = p.size() >= 3 ? String.valueOf(p.get(2)) : "(the image)";
    } else if (p.get(0).equals("image")) {
      image = 0;
      field = p.size() >= 2 ? String.valueOf(p.get(1)) : "(the image)";
    }
    return HostileCase.json(family, detail, seed, op, body, Expect.FAILURE_OR_SOUND_PAGE, limit, image, field);
  }

  static List<String> hostileHrefs(URI endpoint, Operation op) {
    String path = op == Operation.SUMMARIES ? "/images" : "/images/detail";
    return List.of(
        "not a url", "http://[::1", "::::", "javascript:alert(1)", "", " ", "mailto:root@localhost", "%zz",
        "/v2/123456" + path + "?marker=relative", "http://127.0.0.1:1" + endpoint.getPath() + path + "?marker=other-origin",
        endpoint + path + "?marker=", endpoint + path + "?marker=a&marker=b", endpoint + path + "#marker=frag",
        "http://user:pw@" + endpoint.getHost() + ":" + endpoint.getPort() + endpoint.getPath() + path + "?marker=userinfo",
        endpoint + "/images/../images/detail?marker=dots", endpoint + path + "?marker=%ZZ",
        "\u0000\r\nX-Injected: 1");
  }

  /** The fixed corpus: bodies and responses no mutation of a page makes. */
  public static List<HostileCase> fixedCorpus(URI endpoint) {
    List<HostileCase> out = new ArrayList<>();
    Base list = base(FIXED_SEED, Operation.LIST, endpoint);
    byte[] valid = list.body;
    int limit = list.limit;
    String[] notLists = {"", " ", "null", "[]", "\"images\"", "0", "true", "{}", "{\"images\": null}",
        "{\"images\": {}}", "{\"images\": [null]}", "{\"images\": [1]}", "{\"images\": [[]]}", "{\"images\": [{}]}",
        "{\"images\": [{\"id\": \"x\"}]}", "{\"images\": [{\"created\": \"2015-01-01T00:00:00Z\"}]}",
        "{\"image\": {}}", "{\"badRequest\": {\"code\": 400, \"message\": \"pretend\"}}", "{", "}", "{\"images\"",
        "{\"images\":", "{\"images\":[", "{\"images\":[{", "\u0000", "\uFEFF", "<html><body>502 Bad Gateway</body></html>",
        "<!DOCTYPE html><html><head><title>Error</title></head><body><h1>Service Unavailable</h1></body></html>",
        "{\"images\": [], \"images_links\": 5}", "{\"images\": [], \"images_links\": [5, \"x\", null]}",
        "{\"images\": [], \"images_links\": [{\"rel\": \"next\"}]}", "{'images': []}", "{images: []}",
        "{\"images\": [],}", "{\"images\": [] /* comment */}", "{\"images\": NaN}", "{\"images\": [Infinity]}"};
    for (String s : notLists) {
      Expect e = s.startsWith("{\"images\": [], \"images_links\"") ? Expect.EMPTY_LAST_PAGE
          : s.equals("{\"images\": [] /* comment */}") ? Expect.FAILURE_OR_SOUND_PAGE : Expect.TYPED_FAILURE;
      out.add(HostileCase.json("not-a-list", "body " + shorten(s), FIXED_SEED, Operation.LIST, utf8(s), e, limit, -1, null));
      out.add(HostileCase.json("not-a-list", "body " + shorten(s), FIXED_SEED, Operation.FIND, utf8(s), Expect.TYPED_FAILURE, 1, -1, null));
    }
    out.add(HostileCase.json("not-a-list", "a valid list where one image is expected", FIXED_SEED, Operation.FIND, valid, Expect.TYPED_FAILURE, 1, -1, null));

    // Content types.
    String[][] types = {
      {"text/html", "fail"}, {"text/plain", "fail"}, {"application/xml", "fail"}, {"application/octet-stream", "fail"},
      {"text/html; charset=UTF-8", "fail"}, {"application/jsonx", "fail"}, {"multipart/mixed; boundary=x", "fail"},
      {"APPLICATION/JSON", "page"}, {"application/json; charset=UTF-8", "page"}, {"application/json;charset=utf-8", "page"},
      {"text/json", "page"}, {"application/vnd.openstack.compute+json; version=2", "page"}, {" application/json ", "page"},
      {";", "either"}, {"\u00e9", "either"}, {"application/json, text/html", "either"}
    };
    for (String[] t : types) {
      Expect e = t[1].equals("fail") ? Expect.TYPED_FAILURE : t[1].equals("page") ? Expect.CORRECT_PAGE : Expect.FAILURE_OR_SOUND_PAGE;
      out.add(new HostileCase("content-type", "Content-Type " + t[0] + " on a valid page", FIXED_SEED, Operation.LIST, 200,
          Map.of("Content-Type", t[0]), valid, Delivery.PROPER, e, limit, -1, null));
    }
    out.add(new HostileCase("content-type", "no Content-Type on a valid page", FIXED_SEED, Operation.LIST, 200, Map.of(),
        valid, Delivery.PROPER, Expect.CORRECT_PAGE, limit, -1, null));
    out.add(new HostileCase("content-type", "text/html with an HTML page", FIXED_SEED, Operation.LIST, 200,
        Map.of("Content-Type", "text/html"), utf8("<html><body><h1>Login</h1><form></form></body></html>"),
        Delivery.PROPER, Expect.TYPED_FAILURE, limit, -1, null));

    // Large bodies: 10 MB of a valid page (one huge name), of white space, of garbage; 20 MB, over the cap.
    int tenMb = 10 * 1024 * 1024;
    out.add(HostileCase.json("10MB", "a 10 MB name", FIXED_SEED, Operation.LIST,
        JsonText.replace(JsonText.parse(valid), List.of("images", 0, "name"), concat(concat(utf8("\""), utf8("x".repeat(tenMb))), utf8("\""))),
        Expect.FAILURE_OR_SOUND_PAGE, limit, 0, "name"));
    out.add(HostileCase.json("10MB", "10 MB of white space before a valid page", FIXED_SEED, Operation.LIST, concat(spaces(tenMb), valid), Expect.FAILURE_OR_SOUND_PAGE, limit, -1, null));
    out.add(HostileCase.json("10MB", "10 MB of white space, nothing else", FIXED_SEED, Operation.LIST, spaces(tenMb), Expect.TYPED_FAILURE, limit, -1, null));
    out.add(HostileCase.json("10MB", "10 MB of 'a'", FIXED_SEED, Operation.LIST, utf8("a".repeat(tenMb)), Expect.TYPED_FAILURE, limit, -1, null));
    out.add(HostileCase.json("10MB", "a 10 MB string in an unknown member", FIXED_SEED, Operation.LIST,
        JsonText.replace(JsonText.parse(valid), List.of("images", 0, "name"), concat(concat(utf8("\"x\", \"junk\": \""), utf8("y".repeat(tenMb))), utf8("\""))),
        Expect.FAILURE_OR_SOUND_PAGE, limit, 0, "name"));
    out.add(HostileCase.json("10MB", "a 10 MB unterminated string", FIXED_SEED, Operation.LIST, concat(utf8("{\"images\": [{\"id\": \""), utf8("z".repeat(tenMb))), Expect.TYPED_FAILURE, limit, -1, null));
    out.add(HostileCase.json("10MB", "a 10 MB number", FIXED_SEED, Operation.LIST,
        JsonText.replace(JsonText.parse(valid), List.of("images", 0, "minDisk"), utf8("9".repeat(tenMb))), Expect.FAILURE_OR_SOUND_PAGE, limit, 0, "minDisk"));
    out.add(HostileCase.json("10MB", "a 10 MB number in an unknown member", FIXED_SEED, Operation.LIST,
        JsonText.replace(JsonText.parse(valid), List.of("images", 0, "minDisk"), concat(utf8("0, \"junk\": "), utf8("7".repeat(tenMb)))), Expect.FAILURE_OR_SOUND_PAGE, limit, 0, "minDisk"));
    out.add(HostileCase.json("10MB", "a 10 MB metadata value", FIXED_SEED, Operation.LIST,
        JsonText.replace(JsonText.parse(valid), List.of("images", 0, "metadata"), concat(concat(utf8("{\"k\": \""), utf8("m".repeat(tenMb))), utf8("\"}"))), Expect.FAILURE_OR_SOUND_PAGE, limit, 0, "metadata"));
    out.add(HostileCase.json("10MB", "20 MB, over the 16 MiB cap", FIXED_SEED, Operation.LIST, concat(spaces(2 * tenMb), valid), Expect.TYPED_FAILURE, limit, -1, null));
    out.add(new HostileCase("10MB", "20 MB, over the cap, declared by Content-Length, body cut", FIXED_SEED, Operation.LIST, 200,
        Map.of("Content-Type", "application/json"), utf8("{\"images\": ["), Delivery.RAW, Expect.TYPED_FAILURE, limit, -1, null)
        .withRaw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + (2 * tenMb) + "\r\n\r\n{\"images\": ["));

    // Deep nesting, 10,000 and 100,000 levels, wherever a value may stand.
    for (int depth : new int[] {10_000, 100_000}) {
      byte[] arrays = concat(utf8("[".repeat(depth)), utf8("]".repeat(depth)));
      byte[] objects = concat(utf8("{\"a\":".repeat(depth) + "1"), utf8("}".repeat(depth)));
      byte[] open = utf8("[".repeat(depth));
      JsonValue root = JsonText.parse(valid);
      out.add(HostileCase.json("nesting", depth + " arrays in a metadata value", FIXED_SEED, Operation.LIST,
          JsonText.replace(root, List.of("images", 0, "metadata"), concat(concat(utf8("{\"deep\": "), arrays), utf8("}"))), Expect.FAILURE_OR_SOUND_PAGE, limit, 0, "metadata"));
      out.add(HostileCase.json("nesting", depth + " objects in an unknown image member", FIXED_SEED, Operation.LIST,
          JsonText.replace(root, List.of("images", 0, "minDisk"), concat(utf8("0, \"deep\": "), objects)), Expect.FAILURE_OR_SOUND_PAGE, limit, 0, "deep"));
      out.add(HostileCase.json("nesting", depth + " arrays in an unknown top-level member", FIXED_SEED, Operation.LIST,
          concat(concat(utf8("{\"deep\": "), arrays), utf8(", " + new String(valid, StandardCharsets.UTF_8).substring(1))), Expect.FAILURE_OR_SOUND_PAGE, limit, -1, null));
      out.add(HostileCase.json("nesting", depth + " arrays as the images", FIXED_SEED, Operation.LIST,
          concat(concat(utf8("{\"images\": "), arrays), utf8("}")), Expect.TYPED_FAILURE, limit, -1, null));
      out.add(HostileCase.json("nesting", depth + " arrays as the body", FIXED_SEED, Operation.LIST, arrays, Expect.TYPED_FAILURE, limit, -1, null));
      out.add(HostileCase.json("nesting", depth + " unclosed arrays as the body", FIXED_SEED, Operation.LIST, open, Expect.TYPED_FAILURE, limit, -1, null));
      out.add(HostileCase.json("nesting", depth + " objects as the image", FIXED_SEED, Operation.FIND, concat(utf8("{\"image\": "), objects), Expect.TYPED_FAILURE, 1, -1, null));
      out.add(HostileCase.json("nesting", depth + " arrays in a link", FIXED_SEED, Operation.LIST,
          JsonText.replace(root, List.of("images", 0, "links"), concat(concat(utf8("[{\"rel\": \"self\", \"href\": \"x\", \"extra\": "), arrays), utf8("}]"))), Expect.FAILURE_OR_SOUND_PAGE, limit, 0, "links"));
      for (int status : new int[] {400, 413, 503}) {
        out.add(new HostileCase("nesting", depth + " arrays in a " + status + " fault", FIXED_SEED, Operation.LIST, status,
            Map.of("Content-Type", "application/json"), concat(concat(utf8("{\"overLimit\": {\"message\": "), arrays), utf8("}}")),
            Delivery.PROPER, Expect.TYPED_FAILURE, limit, -1, null));
      }
    }

    // Error statuses with hostile bodies, and statuses no one expects.
    byte[][] faultBodies = {
      utf8(""), utf8("<html>oops</html>"), utf8("{\"computeFault\": {\"code\": 500, \"message\": "), utf8("{\"x\": 1}"),
      utf8("{\"itemNotFound\": null}"), utf8("{\"overLimit\": {\"code\": \"413\", \"retryAfter\": \"" + HOSTILE_NUMBERS[0] + "\"}}"),
      utf8("{\"overLimit\": {\"code\": 1e400, \"retryAfter\": 1e999999999, \"retryAt\": \"9999-99-99\"}}"),
      utf8("{\"badRequest\": {\"code\": 400, \"message\": \"" + "m".repeat(100_000) + "\"}}"), concat(utf8("{\"badRequest\": {\"message\": \"a"), INVALID_UTF8[0]),
      utf8("{\"a\": {}, \"b\": {}}"), utf8("[]"), spaces(1024 * 1024)
    };
    int[] statuses = {400, 401, 403, 404, 405, 409, 413, 429, 500, 501, 502, 503, 504, 599, 418, 451, 499};
    int k = 0;
    for (int status : statuses) {
      for (byte[] b : faultBodies) {
        Operation op = Operation.values()[k++ % Operation.values().length];
        // A 404 of find is "no such image": an empty result, which counts as a sound page.
        Expect e = status == 404 && op == Operation.FIND ? Expect.FAILURE_OR_SOUND_PAGE : Expect.TYPED_FAILURE;
        out.add(new HostileCase("error-status", status + " with " + shorten(new String(b, StandardCharsets.UTF_8)), 0, op, status,
            Map.of("Content-Type", "application/json; charset=UTF-8", "Retry-After", k % 3 == 0 ? "Thu, 01 Jan 1970 00:00:00 GMT" : "0"),
            b, Delivery.PROPER, e, limit, -1, null));
      }
    }
    for (int status : new int[] {201, 202, 204, 205, 206, 226, 299, 300, 301, 302, 303, 304, 307, 308, 399}) {
      Map<String, String> h = new java.util.LinkedHashMap<>();
      h.put("Content-Type", "application/json");
      if (status >= 300) {
        h.put("Location", status % 2 == 0 ? "http://127.0.0.1:1/elsewhere" : "not a location \u00e9");
      }
      out.add(new HostileCase("odd-status", "status " + status + " with a valid page", FIXED_SEED, Operation.LIST, status, h,
          status == 204 || status == 304 ? new byte[0] : valid, Delivery.PROPER, Expect.TYPED_FAILURE, limit, -1, null));
    }

    // Raw responses: broken status lines and headers, no length, a header flood.
    String page = new String(valid, StandardCharsets.UTF_8);
    String[][] raws = {
      {"garbage", "this is not HTTP\r\n\r\n"},
      {"HTTP/1.1 without a status", "HTTP/1.1\r\n\r\n"},
      {"a status of letters", "HTTP/1.1 abc OK\r\nContent-Length: 0\r\n\r\n"},
      {"status 1000", "HTTP/1.1 1000 What\r\nContent-Length: 0\r\n\r\n"},
      {"status 99", "HTTP/1.1 99 What\r\nContent-Length: 0\r\n\r\n"},
      {"HTTP/2.0 on an HTTP/1.1 connection", "HTTP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n"},
      {"HTTP/0.9 style body only", page},
      {"a header without a colon", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nno colon here\r\nContent-Length: " + valid.length + "\r\n\r\n" + page},
      {"two Content-Lengths that disagree", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5\r\nContent-Length: " + valid.length + "\r\n\r\n" + page},
      {"a negative Content-Length", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: -1\r\n\r\n" + page},
      {"a Content-Length of letters", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ten\r\n\r\n" + page},
      {"a Content-Length past 2^63", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 99999999999999999999\r\n\r\n" + page},
      {"no length, body until close", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n" + page},
      {"broken chunking", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n" + page + "\r\n0\r\n\r\n"},
      {"a chunk longer than sent", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFF\r\n" + page},
      {"a chunk size past 2^63", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\n" + page},
      {"a 100 KB header", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Big: " + "h".repeat(100_000) + "\r\nContent-Length: " + valid.length + "\r\n\r\n" + page},
      {"5000 headers", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + "X-H: v\r\n".repeat(5000) + "Content-Length: " + valid.length + "\r\n\r\n" + page},
      {"a request id of 10 KB with control characters", "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\nX-Compute-Request-Id: req-\u0001\u0007" + "i".repeat(10_000) + "\r\nContent-Length: 2\r\n\r\n{}"},
      {"Retry-After that is not a number", "HTTP/1.1 413 Too Large\r\nRetry-After: soon\r\nContent-Length: 0\r\n\r\n"},
      {"Retry-After of 10^20 seconds", "HTTP/1.1 503 Unavailable\r\nRetry-After: 100000000000000000000\r\nContent-Length: 0\r\n\r\n"},
      {"Retry-After of -5", "HTTP/1.1 429 Too Many\r\nRetry-After: -5\r\nContent-Length: 0\r\n\r\n"},
      {"an interim 100 then a page", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + valid.length + "\r\n\r\n" + page},
    };
    for (String[] raw : raws) {
      Expect e = raw[0].equals("an interim 100 then a page") || raw[0].equals("no length, body until close")
          || raw[0].equals("a header without a colon") || raw[0].equals("5000 headers") || raw[0].equals("a 100 KB header")
          || raw[0].equals("two Content-Lengths that disagree")
          // The JDK reads a body of length -1 until the connection closes.
          || raw[0].equals("a negative Content-Length")
          // The page is whole before the chunk runs short; the reader stops at its end.
          || raw[0].equals("a chunk longer than sent")
          ? Expect.FAILURE_OR_SOUND_PAGE : Expect.TYPED_FAILURE;
      out.add(new HostileCase("raw-response", raw[0], FIXED_SEED, Operation.LIST, 0, Map.of(), new byte[0], Delivery.RAW, e, limit, -1, null)
          .withRaw(raw[1]));
    }
    return out;
  }

  // ---- helpers

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static byte[] spaces(int n) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) ' ');
    return b;
  }

  private static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      s.append(String.format("%02X ", x));
    }
    return s.toString().trim();
  }

  static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "...(" + s.length() + " chars)" : s;
  }

  private static String otherType(JsonValue v, Random r) {
    while (true) {
      String w = WRONG_TYPES[r.nextInt(WRONG_TYPES.length)];
      JsonValue.ValueType t = JsonText.parse(utf8(w)).getValueType();
      if (t != v.getValueType() && !(t == JsonValue.ValueType.NULL)) {
        return w;
      }
    }
  }

  /** Pretty-printed with CRLF line ends and tabs between tokens (outside strings). */
  private static byte[] spaced(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 2);
    boolean inString = false;
    for (int i = 0; i < body.length; i++) {
      byte b = body[i];
      out.write(b);
      if (inString) {
        if (b == '\\') {
          out.write(body[++i]);
        } else if (b == '"') {
          inString = false;
        }
      } else if (b == '"') {
        inString = true;
      } else if (b == ',' || b == '{' || b == '[' || b == ':') {
        out.writeBytes(utf8("\r\n\t "));
      }
    }
    return out.toByteArray();
  }

  /**
   * Objects gain members the client does not know, of every type: the body, links, servers and fault-free
   * wrappers. Not the image objects themselves, whose unknown members the adapter keeps as
   * {@code Image.otherFields()} by design, nor metadata, which is data.
   */
  private static byte[] withUnknownMembers(JsonValue root) {
    return JsonText.write(addUnknown(root, true));
  }

  private static JsonValue addUnknown(JsonValue v, boolean here) {
    if (v instanceof JsonObject o) {
      var b = Json.createObjectBuilder();
      // Only into what the client reads member by member and drops; other values are data (metadata, and the image's
      // and its server's unknown members, which the model keeps: otherFields()).
      o.forEach((k, x) -> b.add(k, switch (k) {
        case "images", "image" -> addUnknown(x, false);
        case "images_links", "links" -> addUnknown(x, true);
        default -> x;
      }));
      if (here) {
        b.add("x-unknown-text", "\u202Eevil\u0000");
        b.add("x-unknown-object", Json.createObjectBuilder().add("nested", Json.createArrayBuilder().add(1).add(JsonValue.NULL)));
        b.add("x-unknown-number", Json.createValue(new java.math.BigDecimal("1e300")));
      }
      return b.build();
    }
    if (v instanceof jakarta.json.JsonArray a) {
      var b = Json.createArrayBuilder();
      // The elements of "images" are image objects (here == false for them); those of other arrays gain members.
      a.forEach(x -> b.add(addUnknown(x, here)));
      return b.build();
    }
    return v;
  }

  /**
   * Every ASCII letter inside strings written as a {@code \\u00XX} escape: the same text, spelled so that a
   * reader which compares raw bytes (keys!) would miss it.
   */
  private static byte[] escapedLetters(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 3);
    boolean inString = false;
    for (int i = 0; i < body.length; i++) {
      byte b = body[i];
      if (inString) {
        if (b == '\\') {
          // Copy an escape as it is, a \\uXXXX one with its four digits.
          int n = body[i + 1] == 'u' ? 6 : 2;
          out.write(body, i, n);
          i += n - 1;
          continue;
        }
        if (b == '"') {
          inString = false;
          out.write(b);
        } else if ((b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z')) {
          out.writeBytes(utf8(String.format("\\u%04x", (int) b)));
        } else {
          out.write(b);
        }
      } else {
        if (b == '"') {
          inString = true;
        }
        out.write(b);
      }
    }
    return out.toByteArray();
  }
}
