package io.github.rackimages.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.nova.json.Fault;
import io.github.rackimages.nova.json.NovaJson;
import io.github.rackimages.nova.json.WireList;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Raw HTTP against an emulator with the JDK client, and the bodies read back with the wire format: what a client of
 * the real service sees.
 */
final class Wire {

  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  static final NovaJson JSON = new NovaJson();

  private final ImageEmulator emulator;
  private final String token;

  Wire(ImageEmulator emulator) {
    this.emulator = emulator;
    this.token = emulator.issueToken();
  }

  String token() {
    return token;
  }

  /** The image as the emulator serves it: with the links it builds from a request to its own address. */
  Image served(Image image) {
    return links().rewrite(image);
  }

  /** The summary as the emulator serves it. */
  ImageSummary served(ImageSummary summary) {
    return links().rewrite(summary);
  }

  private NovaLinks links() {
    return new NovaLinks(emulator.uri().toString(), emulator.tenantId());
  }

  /** {@code GET {computeEndpoint}{pathAndQuery}} with a valid token; the query is sent exactly as written. */
  HttpResponse<byte[]> get(String pathAndQuery) {
    return send(request(pathAndQuery).GET().build());
  }

  /** A request builder for {@code {computeEndpoint}{pathAndQuery}} with the token. */
  HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(emulator.computeEndpoint() + pathAndQuery))
        .timeout(Duration.ofSeconds(10))
        .header("X-Auth-Token", token)
        .header("Accept", "application/json");
  }

  WireList<Image> details(String query) {
    HttpResponse<byte[]> response = get("/images/detail" + query);
    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    return JSON.readDetailList(new ByteArrayInputStream(response.body()));
  }

  WireList<ImageSummary> summaries(String query) {
    HttpResponse<byte[]> response = get("/images" + query);
    assertThat(response.statusCode()).as(text(response)).isEqualTo(200);
    return JSON.readSummaryList(new ByteArrayInputStream(response.body()));
  }

  static HttpResponse<byte[]> send(HttpRequest request) {
    try {
      return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Fault fault(HttpResponse<byte[]> response) {
    return JSON.readFault(new ByteArrayInputStream(response.body()));
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
