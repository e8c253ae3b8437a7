package io.github.rackimages.benchmarks;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The baseline process for the command line's cold walk: what a developer writes in an afternoon with the JDK's
 * {@link HttpClient} and Parsson instead of using the library. It walks {@code GET {endpoint}/images/detail} page
 * after page, sequentially, following the {@code next} link's query; of each image it reads {@code id},
 * {@code name} and {@code status} and skips the rest; it prints one id per line, as
 * {@code images list --detail --all --format ids} does. No retries, no checks, no model.
 *
 * <pre>
 * java -cp images-benchmarks/target/benchmarks.jar io.github.rackimages.benchmarks.RawClientWalk \
 *     ENDPOINT TOKEN [LIMIT]
 * </pre>
 */
public final class RawClientWalk {

  private static final JsonParserFactory PARSERS = Json.createParserFactory(Map.of());

  private RawClientWalk() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length < 2) {
      System.err.println("usage: RawClientWalk ENDPOINT TOKEN [LIMIT]");
      System.exit(2);
    }
    int limit = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    PrintWriter out =
        new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
    long images = walk(client, URI.create(args[0]), args[1], limit, out::println);
    out.flush();
    System.err.println(images + " images");
  }

  /**
   * Walks every page of {@code GET {endpoint}/images/detail} sequentially, handing each image's id to
   * {@code ids}; returns how many images it saw.
   *
   * @throws IllegalStateException if a page is not a 200
   */
  public static long walk(HttpClient client, URI endpoint, String token, int limit, Consumer<String> ids)
      throws IOException, InterruptedException {
    String base = endpoint.toString().endsWith("/")
        ? endpoint.toString().substring(0, endpoint.toString().length() - 1)
        : endpoint.toString();
    String query = "limit=" + limit;
    long images = 0;
    while (query != null) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + "/images/detail?" + query))
              .header("X-Auth-Token", token)
              .header("Accept", "application/json")
              .timeout(Duration.ofSeconds(30))
              .build();
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
        throw new IllegalStateException("HTTP " + response.statusCode());
      }
      String next;
      try (InputStream body = response.body(); JsonParser p = PARSERS.createParser(body)) {
        Page page = readPage(p, ids);
        images += page.images;
        next = page.next;
      }
      query = next == null ? null : URI.create(next).getRawQuery();
    }
    return images;
  }

  private record Page(int images, String next) {}

  /** Reads a detail list: prints each image's id, reads its name and status, skips everything else. */
  private static Page readPage(JsonParser p, Consumer<String> ids) {
    p.next(); // START_OBJECT
    int images = 0;
    String next = null;
    while (p.next() == Event.KEY_NAME) {
      String key = p.getString();
      p.next(); // START_ARRAY
      if (key.equals("images")) {
        while (p.next() == Event.START_OBJECT) {
          String id = null;
          String name = null;
          String status = null;
          while (p.next() == Event.KEY_NAME) {
            String field = p.getString();
            Event value = p.next();
            switch (field) {
              case "id" -> id = p.getString();
              case "name" -> name = value == Event.VALUE_STRING ? p.getString() : null;
              case "status" -> status = p.getString();
              default -> skip(p, value);
            }
          }
          if (id == null || status == null) {
            throw new IllegalStateException("an image without id or status: " + name);
          }
          ids.accept(id);
          images++;
        }
      } else if (key.equals("images_links")) {
        while (p.next() == Event.START_OBJECT) {
          String rel = null;
          String href = null;
          while (p.next() == Event.KEY_NAME) {
            String field = p.getString();
            Event value = p.next();
            switch (field) {
              case "rel" -> rel = p.getString();
              case "href" -> href = p.getString();
              default -> skip(p, value);
            }
          }
          if ("next".equals(rel)) {
            next = href;
          }
        }
      } else {
        skip(p, Event.START_ARRAY);
      }
    }
    return new Page(images, next);
  }

  private static void skip(JsonParser p, Event value) {
    if (value == Event.START_OBJECT) {
      p.skipObject();
    } else if (value == Event.START_ARRAY) {
      p.skipArray();
    }
  }
}
