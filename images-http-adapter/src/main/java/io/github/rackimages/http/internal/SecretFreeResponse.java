package io.github.rackimages.http.internal;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;

/**
 * The redacted view of a response: its headers with the token cut out of every value that echoes it. Headers are
 * the service's text too: a request id or a Location that echoes the token must not show it in a message or log.
 */
final class SecretFreeResponse implements HttpResponse<InputStream> {

  private final HttpResponse<InputStream> response;
  private final HttpHeaders headers;

  private SecretFreeResponse(HttpResponse<InputStream> response, HttpHeaders headers) {
    this.response = response;
    this.headers = headers;
  }

  /** {@code response} with {@code secret} cut out of its headers (the same response if no header holds it). */
  static HttpResponse<InputStream> of(HttpResponse<InputStream> response, String secret) {
    HttpHeaders original = response.headers();
    boolean echoes = original.map().values().stream().flatMap(List::stream).anyMatch(v -> v.contains(secret));
    if (!echoes) {
      return response;
    }
    Map<String, List<String>> cut = new LinkedHashMap<>();
    original.map().forEach((k, values) -> cut.put(k, values.stream().map(v -> v.replace(secret, "****")).toList()));
    return new SecretFreeResponse(response, HttpHeaders.of(cut, (k, v) -> true));
  }

  @Override
  public int statusCode() {
    return response.statusCode();
  }

  @Override
  public HttpRequest request() {
    return response.request();
  }

  @Override
  public Optional<HttpResponse<InputStream>> previousResponse() {
    return response.previousResponse();
  }

  @Override
  public HttpHeaders headers() {
    return headers;
  }

  @Override
  public InputStream body() {
    return response.body();
  }

  @Override
  public Optional<SSLSession> sslSession() {
    return response.sslSession();
  }

  @Override
  public URI uri() {
    return response.uri();
  }

  @Override
  public HttpClient.Version version() {
    return response.version();
  }
}
