package io.github.rackimages.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.reliability.support.Figures;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The emulator under garbage sent over raw sockets (bad paths, methods, query values and bodies, huge headers,
 * clients that send byte by byte or half-close) and under concurrent clients: every answer to a well-formed HTTP
 * request is a proper fault (a 4xx with a JSON fault body), never a 5xx; garbage that is not HTTP is answered
 * with a 4xx or not at all; and the emulator keeps serving.
 */
class EmulatorAbuseTest {

  private static ImageEmulator emulator;
  private static String token;
  private static String tenantPath;
  private static final Figures FIGURES = new Figures("emulator-abuse");

  @BeforeAll
  static void start() {
    emulator = ImageEmulator.builder().start();
    token = emulator.issueToken();
    tenantPath = emulator.computeEndpoint().getPath();
  }

  @AfterAll
  static void stop() {
    emulator.stop();
    FIGURES.write("garbage and concurrent clients against the emulator");
  }

  /** A response read off a raw socket. */
  record Raw(int status, String head, String body) {}

  static List<String> wellFormedGarbage() {
    String auth = "X-Auth-Token: " + token + "\r\n";
    String t = tenantPath;
    List<String> out = new ArrayList<>();
    for (String path : List.of("/", "/v2", "/v2/", t, t + "/", t + "/images/../../../etc/passwd", t + "/images/%",
        t + "/images/%zz", t + "/imagesX", "/v2/999999/images", "/%00", t + "/images/" + "x".repeat(10_000), "//v2//123456//images",
        t + "/images/detail/extra", "/v2.0", "/v2.0/tokens/x", t + "/images/a%2Fb", t + "/images/%C0%AF", t + "/images/%FF%FE",
        t + "/images/detail.xml", t + "/images.json/x", t + "/images;jsessionid=1", t + "/images/\u00e9")) {
      out.add("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "\r\n");
    }
    for (String method : List.of("DELETE", "PUT", "PATCH", "FOO", "TRACE", "OPTIONS", "CONNECT", "M-SEARCH")) {
      out.add(method + " " + t + "/images HTTP/1.1\r\nHost: 127.0.0.1\r\n" + auth + "Content-Length: 0\r\n\r\n");
    }
    out.add("POST " + t + "/images HTTP/1.1\r\nHost: x\r\n" + auth + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
    out.add("GET /v2.0/tokens HTTP/1.1\r\nHost: x\r\n\r\n");
    out.add("DELETE /v2.0/tokens HTTP/1.1\r\nHost: x\r\n\r\n");
    for (String q : List.of("limit=abc", "limit=-1", "limit=1e400", "limit=99999999999999999999", "limit=", "limit=0x10",
        "marker=unknown-id", "marker=%zz", "marker=", "changes-since=garbage", "changes-since=%00", "changes-since=99999-01-01T00:00:00Z",
        "changes-since=-999999999-01-01T00:00:00Z", "minDisk=x", "minDisk=-1", "minDisk=99999999999", "minRam=1.5",
        "status=%00", "status=FOO", "type=x", "name=%FF", "name=%", "server=%ZZ", "&&&&", "=", "=&=", "limit=1&limit=x",
        "x".repeat(50_000) + "=1", "marker=" + "%2F".repeat(3000), "limit=%31%30", "limit=+1", "limit=1%00")) {
      out.add("GET " + t + "/images/detail?" + q + " HTTP/1.1\r\nHost: x\r\n" + auth + "\r\n");
    }
    for (String badToken : List.of("", "X-Auth-Token: nope\r\n", "X-Auth-Token: \r\n", "X-Auth-Token: " + token + "x\r\n",
        "X-Auth-Token: " + "t".repeat(20_000) + "\r\n", "X-Auth-Token: a\r\nX-Auth-Token: " + token + "\r\n")) {
      out.add("GET " + t + "/images HTTP/1.1\r\nHost: x\r\n" + badToken + "\r\n");
    }
    String deep = "[".repeat(10_000) + "]".repeat(10_000);
    for (String body : List.of("", "{", "[]", "null", "{\"auth\": " + deep + "}", "{\"auth\": {\"x\": {\"a\": [1",
        "{\"auth\": {\"RAX-KSKEY:apiKeyCredentials\": {\"username\": 5, \"apiKey\": []}}}",
        "{\"auth\": {\"RAX-KSKEY:apiKeyCredentials\": {\"username\": \"demo\", \"apiKey\": \"demo-api-key\"}, \"passwordCredentials\": {\"username\": \"demo\", \"password\": \"demo-password\"}}}",
        "{\"auth\": {\"passwordCredentials\": {\"username\": \"demo\", \"password\": null}}}",
        "{\"auth\": {\"tenantId\": {}, \"RAX-KSKEY:apiKeyCredentials\": {\"username\": \"demo\", \"apiKey\": \"demo-api-key\"}}}",
        "{\"auth\": {}}{\"auth\": {}}", "{\"auth\": " + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}",
        "x".repeat(2_000_000))) {
      byte[] b = body.getBytes(StandardCharsets.UTF_8);
      out.add("POST /v2.0/tokens HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + b.length + "\r\n\r\n" + body);
    }
    out.add("POST /v2.0/tokens HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi");
    out.add("POST /v2.0/tokens HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{\"a\r\n0\r\n\r\n");
    out.add("GET " + t + "/images HTTP/1.1\r\nHost: x\r\n" + auth + "X-Big: " + "h".repeat(100_000) + "\r\n\r\n");
    out.add("GET " + t + "/images HTTP/1.1\r\nHost: x\r\n" + auth + "X-H: v\r\n".repeat(2000) + "\r\n");
    return out;
  }

  @Test
  void everyWellFormedBadRequestGetsAJsonFaultNeverA5xxAndTheEmulatorKeepsServing() throws Exception {
    List<String> failures = new ArrayList<>();
    for (String request : wellFormedGarbage()) {
      Optional<Raw> r = exchange(request.getBytes(StandardCharsets.UTF_8), false, 0);
      FIGURES.count("well-formed bad requests");
      String problem = judge(request, r, true);
      if (problem != null) {
        failures.add(problem);
      }
    }
    assertThat(failures).as("bad answers").isEmpty();
    assertStillServing();
  }

  @Test
  void garbageThatIsNotHttpGetsA4xxA505OrNothingNeverAServerFault() throws Exception {
    List<byte[]> garbage = new ArrayList<>();
    for (String g : List.of("GARBAGE\r\n\r\n", "GET /\r\n\r\n", "GET\r\n\r\n", "\r\n\r\n", "GET / HTTP/9.9\r\n\r\n",
        "GET / HTTP/1.1\r\nno colon\r\n\r\n", "GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n", "GET / HTTP/1.1\r\nContent-Length: x\r\n\r\n",
        "GET " + "/a".repeat(100_000) + " HTTP/1.1\r\n\r\n", "G\u0000T / HTTP/1.1\r\n\r\n")) {
      garbage.add(g.getBytes(StandardCharsets.ISO_8859_1));
    }
    java.util.Random random = new java.util.Random(99);
    for (int i = 0; i < 20; i++) {
      byte[] noise = new byte[1 + random.nextInt(4000)];
      random.nextBytes(noise);
      garbage.add(noise);
    }
    List<String> failures = new ArrayList<>();
    for (byte[] g : garbage) {
      Optional<Raw> r = exchange(g, true, 0);
      FIGURES.count("non-HTTP garbage");
      // 505 HTTP Version Not Supported is the one 5xx that answers the client's fault, not the server's: what
      // Jetty (and Python's BaseHTTPRequestHandler, under Nova's eventlet) send for HTTP/0.9 and HTTP/9.9.
      if (r.isPresent() && r.get().status() >= 500 && r.get().status() != 505) {
        failures.add(r.get().status() + " for " + new String(g, 0, Math.min(60, g.length), StandardCharsets.ISO_8859_1));
      }
    }
    assertThat(failures).isEmpty();
    assertStillServing();
  }

  @Test
  void slowAndHalfClosedClientsAreServedOrDroppedWithoutHarm() throws Exception {
    String good = "GET " + tenantPath + "/images?limit=2 HTTP/1.1\r\nHost: x\r\nX-Auth-Token: " + token + "\r\n\r\n";
    Optional<Raw> slow = exchange(good.getBytes(StandardCharsets.UTF_8), false, 1);
    FIGURES.count("slow clients (byte by byte)");
    assertThat(slow).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(200));

    Optional<Raw> halfClosed = exchange(good.getBytes(StandardCharsets.UTF_8), true, 0);
    FIGURES.count("half-closed clients");
    assertThat(halfClosed).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(200));

    for (int cut : new int[] {1, 10, good.length() / 2, good.length() - 2}) {
      Optional<Raw> partial = exchange(good.substring(0, cut).getBytes(StandardCharsets.UTF_8), true, 0);
      FIGURES.count("half-closed clients");
      // Cut before the blank line only, the JDK server takes the request as complete: any answer but a 5xx.
      partial.ifPresent(r -> assertThat(r.status()).as("a partial request").isLessThan(500));
    }
    // A client that opens a connection and never sends a byte must not stop others being served.
    try (Socket idle = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
      FIGURES.count("idle connections");
      assertStillServing();
    }
    assertStillServing();
  }

  @Test
  void concurrentClientsMixingGarbageAndGoodRequestsGetNo5xxAndGoodAnswers() throws Exception {
    List<String> garbage = wellFormedGarbage().stream().filter(s -> s.length() < 60_000).toList();
    String good = "GET " + tenantPath + "/images/detail?limit=3 HTTP/1.1\r\nHost: x\r\nX-Auth-Token: " + token + "\r\n\r\n";
    ExecutorService pool = Executors.newFixedThreadPool(16);
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        for (int i = 0; i < 30; i++) {
          boolean isGood = (thread + i) % 2 == 0;
          String request = isGood ? good : garbage.get((thread * 31 + i) % garbage.size());
          Optional<Raw> r = exchange(request.getBytes(StandardCharsets.UTF_8), false, 0);
          FIGURES.count("concurrent requests");
          String problem = isGood
              ? (r.isPresent() && r.get().status() == 200 ? null : "a good request got " + r.map(Raw::status).orElse(-1))
              : judge(request, r, true);
          if (problem != null) {
            failures.add(problem);
          }
        }
        return null;
      }));
    }
    for (Future<?> f : done) {
      f.get(60, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertThat(failures).isEmpty();
    assertStillServing();
  }

  /**
   * Null when the answer is a proper fault: a 4xx (or a 200 for what turns out valid), JSON, code matching; or, for a
   * request no route of Nova's matches, WebOb's bare text 404.
   */
  private static String judge(String request, Optional<Raw> answer, boolean mustAnswer) {
    int body = request.indexOf("\r\n\r\n");
    String what = request.substring(0, Math.min(120, request.indexOf('\r') < 0 ? request.length() : request.indexOf('\r')))
        + (body < 0 || body + 4 >= request.length() ? "" : " with body " + request.substring(body + 4, Math.min(request.length(), body + 64)));
    if (answer.isEmpty()) {
      return mustAnswer ? "no answer to " + what : null;
    }
    Raw r = answer.get();
    FIGURES.count("answers: " + r.status());
    if (r.status() >= 500) {
      return r.status() + " to " + what + ": " + r.body().substring(0, Math.min(200, r.body().length()));
    }
    if (r.status() == 200) {
      return null;
    }
    if (r.status() < 400) {
      return r.status() + " to " + what;
    }
    if (r.status() == 404
        && r.head().toLowerCase(Locale.ROOT).contains("content-type: text/plain")
        && r.body().startsWith("404 Not Found\n")) {
      // A path or method no route of Nova's matches: WebOb's bare 404, as Nova's router answers it.
      return null;
    }
    if (!r.head().toLowerCase(Locale.ROOT).contains("content-type: application/json")) {
      return "a fault without a JSON Content-Type to " + what + ": " + r.head();
    }
    try {
      JsonObject o = Json.createReader(new StringReader(r.body())).readObject();
      JsonValue fault = o.values().iterator().next();
      if (o.size() != 1 || fault.asJsonObject().getInt("code") != r.status()) {
        return "a fault body that is not {name: {code: status}} to " + what + ": " + r.body();
      }
    } catch (RuntimeException e) {
      return "a fault body that is not JSON to " + what + ": " + r.body();
    }
    return null;
  }

  private static void assertStillServing() {
    HttpImageCatalog catalog = HttpImageCatalog.builder().token(token, emulator.computeEndpoint()).build();
    assertThat(catalog.list(ImageFilter.all(), PageRequest.first(2)).items()).hasSize(2);
  }

  /** Sends raw bytes (byte by byte with a pause when asked), optionally half-closes, reads one response. */
  private static Optional<Raw> exchange(byte[] request, boolean halfClose, int pauseMillis) {
    try (Socket s = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
      s.setSoTimeout(5000);
      OutputStream out = s.getOutputStream();
      try {
        if (pauseMillis > 0) {
          for (byte b : request) {
            out.write(b);
            out.flush();
            Thread.sleep(pauseMillis);
          }
        } else {
          out.write(request);
          out.flush();
        }
        if (halfClose) {
          s.shutdownOutput();
        }
      } catch (IOException e) {
        // The server may close while we still send (a body it refused): read what it answered.
      }
      return read(s.getInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<Raw> read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    try {
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          return Optional.empty();
        }
        head.write(b);
        matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within 5 s (the emulator hung?)");
    }
    String h = head.toString(StandardCharsets.ISO_8859_1);
    int status = Integer.parseInt(h.substring(9, 12));
    int length = 0;
    for (String line : h.split("\r\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    byte[] body = in.readNBytes(length);
    return Optional.of(new Raw(status, h, new String(body, StandardCharsets.UTF_8)));
  }
}
