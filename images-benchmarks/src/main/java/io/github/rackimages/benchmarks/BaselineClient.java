package io.github.rackimages.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The baseline for walking a catalog over HTTP: the JDK's {@link HttpClient} and {@link BaselineReader}, following
 * the service's {@code next} links from the first page to the last, reading every field of every image. It sends
 * the same requests as the library ({@code GET {endpoint}/images/detail?limit=N[&marker=M]} with the token), reads
 * each body as a stream, and does nothing else: no retries, no error mapping, no domain objects.
 */
public final class BaselineClient {

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final BaselineReader reader = new BaselineReader();
  private final URI endpoint;
  private final String token;
  private final int limit;

  /**
   * A client of the compute endpoint {@code endpoint} (no trailing slash) with a fixed token.
   *
   * @throws IllegalArgumentException if {@code limit} is not within 1..1000
   */
  public BaselineClient(URI endpoint, String token, int limit) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.token = Objects.requireNonNull(token, "token");
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be within 1..1000: " + limit);
    }
    this.limit = limit;
  }

  /** Walks every page of the default listing; see {@link #walk(Consumer)}. */
  public Walk walk() {
    return walk(page -> {});
  }

  /**
   * Walks every page of the default listing, handing each page's result to {@code afterPage}.
   *
   * @throws IllegalStateException if a page is not a 200
   * @throws UncheckedIOException if the network fails
   */
  public Walk walk(Consumer<BaselineReader.Result> afterPage) {
    URI uri = URI.create(endpoint + "/images/detail?limit=" + limit);
    long images = 0;
    long checksum = 0;
    int pages = 0;
    while (uri != null) {
      BaselineReader.Result page = fetch(uri);
      pages++;
      images += page.images();
      checksum += page.checksum();
      afterPage.accept(page);
      // As the library does: the next request is built on the endpoint, with the query of the next link.
      uri = page.next().map(href -> URI.create(endpoint + "/images/detail?" + URI.create(href).getRawQuery()))
          .orElse(null);
    }
    return new Walk(images, pages, checksum);
  }

  private BaselineReader.Result fetch(URI uri) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("X-Auth-Token", token)
            .header("Accept", "application/json")
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
    HttpResponse<InputStream> response;
    try {
      response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    if (response.statusCode() != 200) {
      try (InputStream body = response.body()) {
        // Drained so that the connection can be reused.
        body.transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
    }
    return reader.read(response.body());
  }

  /**
   * A finished walk.
   *
   * @param images the images seen
   * @param pages the pages fetched, the final short or empty one included
   * @param checksum the sum of the pages' checksums
   */
  public record Walk(long images, int pages, long checksum) {}
}
