package io.github.rackimages.reliability;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.reliability.support.HandWrittenNova;
import io.github.rackimages.reliability.support.LoopbackServer;
import io.github.rackimages.reliability.support.Request;
import io.github.rackimages.tck.ImageCatalogContract;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract suite through the HTTP adapter, reading documents that {@code images-nova-json}'s writer did not
 * write: a loopback server in front of the emulator takes only the emulator's decisions (which images, in which
 * order, which status and fault) and writes every document itself with {@link HandWrittenNova} (its own key order,
 * escaping, spacing), from the suite's own images. A bug shared by the library's writer and reader — the only
 * writer the emulator has — cannot pass here.
 */
class HandWrittenDocumentsContractTest extends ImageCatalogContract {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final List<AutoCloseable> running = new ArrayList<>();
  private AtomicLong latestCalls = new AtomicLong();

  @Override
  protected ImageCatalog catalogContaining(List<Image> images) {
    Map<String, Image> byId = new LinkedHashMap<>();
    images.forEach(i -> byId.put(i.id().value(), i));
    ImageEmulator emulator = ImageEmulator.builder().catalog(InMemoryImageCatalog.builder().images(images).build()).start();
    running.add(emulator);
    String token = emulator.issueToken();
    AtomicLong calls = new AtomicLong();
    LoopbackServer[] self = new LoopbackServer[1];
    self[0] = LoopbackServer.start("hand-written", (request, reply) -> {
      calls.incrementAndGet();
      HttpResponse<String> upstream = forward(emulator, token, request);
      String body = rewrite(upstream, byId, emulator.uri().toString(), self[0].origin().toString(), request);
      reply.send(upstream.statusCode(), headers(upstream), body.getBytes(StandardCharsets.UTF_8));
    });
    running.add(self[0]);
    latestCalls = calls;
    return HttpImageCatalog.builder()
        .token("hand-written-token", URI.create(self[0].origin() + emulator.computeEndpoint().getPath()))
        .build();
  }

  @Override
  protected long serviceCalls() {
    return latestCalls.get();
  }

  /** The HTTP adapter's streams prefetch one page (on by default), so a short-circuited stream may cost one more. */
  @Override
  protected int pagesFetchedAhead() {
    return 1;
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : running) {
      c.close();
    }
    running.clear();
  }

  private static HttpResponse<String> forward(ImageEmulator emulator, String token, Request request) throws IOException {
    HttpRequest r = HttpRequest.newBuilder(URI.create(emulator.uri() + request.target()))
        .header("X-Auth-Token", token)
        .header("Accept", "application/json")
        .method(request.method(), HttpRequest.BodyPublishers.noBody())
        .build();
    try {
      return CLIENT.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static Map<String, String> headers(HttpResponse<String> upstream) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    upstream.headers().firstValue("X-Compute-Request-Id").ifPresent(v -> h.put("X-Compute-Request-Id", v));
    upstream.headers().firstValue("Retry-After").ifPresent(v -> h.put("Retry-After", v));
    return h;
  }

  /** The same answer, written by hand from the suite's images; faults re-written by hand too. */
  private static String rewrite(
      HttpResponse<String> upstream, Map<String, Image> byId, String emulatorOrigin, String ourOrigin, Request request) {
    JsonObject doc;
    try (JsonReader reader = Json.createReader(new StringReader(upstream.body()))) {
      doc = reader.readObject();
    }
    if (upstream.statusCode() != 200) {
      return fault(doc);
    }
    if (doc.containsKey("image")) {
      return HandWrittenNova.single(byId.get(doc.getJsonObject("image").getString("id")));
    }
    List<Image> page = new ArrayList<>();
    for (JsonValue v : doc.getJsonArray("images")) {
      page.add(byId.get(v.asJsonObject().getString("id")));
    }
    String next = null;
    JsonArray links = doc.getJsonArray("images_links");
    if (links != null) {
      for (JsonValue v : links) {
        if (v.asJsonObject().getString("rel").equals("next")) {
          next = v.asJsonObject().getString("href").replace(emulatorOrigin, ourOrigin);
        }
      }
    }
    return request.rawPath().endsWith("/detail") ? HandWrittenNova.detailList(page, next) : HandWrittenNova.summaryList(page, next);
  }

  /** {@code {"name": {"code": N, "message": "..."}}}, written with the keys the other way round. */
  private static String fault(JsonObject doc) {
    String name = doc.keySet().iterator().next();
    JsonObject f = doc.getJsonObject(name);
    StringBuilder s = new StringBuilder("{\"").append(name).append("\": {");
    if (f.containsKey("message") && f.get("message") instanceof JsonString m) {
      s.append("\"message\": ").append(Json.createValue(m.getString())).append(", ");
    }
    return s.append("\"code\": ").append(f.getInt("code")).append("}}").toString();
  }
}
