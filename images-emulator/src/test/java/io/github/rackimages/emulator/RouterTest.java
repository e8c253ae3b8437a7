package io.github.rackimages.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.fake.InMemoryImageCatalog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Methods and paths answered as Nova 2014.1's router and {@code wsgi.Resource} answer them: a route without a
 * controller action is a 404 Nova fault, no route at all is WebOb's bare 404, and only {@code POST /images} is 405.
 */
class RouterTest {

  private static final String WEBOB_404_PLAIN = "404 Not Found\n\nThe resource could not be found.\n\n   ";
  private static final String WEBOB_405 =
      "The server could not comply with the request since\r\nit is either malformed or otherwise incorrect.\r\n";

  private final InMemoryImageCatalog catalog = Fixtures.smallCatalog();
  private final ImageEmulator emulator = ImageEmulator.builder().catalog(catalog).start();
  private final Wire wire = new Wire(emulator);
  private final String ubuntu = Fixtures.UBUNTU.id().value();

  @AfterEach
  void stop() {
    emulator.stop();
  }

  @ParameterizedTest
  @CsvSource({
    "GET, /images/new",
    "GET, /images/new.json",
    "GET, /images/IMAGE/edit",
    "GET, /images/IMAGE/edit.json",
    "PUT, /images/IMAGE",
    "PUT, /images/detail",
    "PUT, /images/new"
  })
  void aRouteWithoutAControllerActionIsANovaNotFoundFault(String method, String path) {
    HttpResponse<byte[]> response = send(method, path.replace("IMAGE", ubuntu), null, null);

    assertThat(response.statusCode()).as(method + " " + path).isEqualTo(404);
    assertThat(Wire.fault(response).name()).isEqualTo("itemNotFound");
    assertThat(Wire.fault(response).message()).hasValue("The resource could not be found.");
    assertThat(response.headers().firstValue("X-Compute-Request-Id")).isPresent();
  }

  @ParameterizedTest
  @CsvSource({
    "PUT, /images",
    "DELETE, /images",
    "PATCH, /images",
    "POST, /images/detail",
    "POST, /images/IMAGE",
    "PATCH, /images/IMAGE",
    "OPTIONS, /images/IMAGE",
    "POST, /images/IMAGE/edit",
    "GET, /servers",
    "GET, /images/",
    "GET, /images/detail/more",
    "GET, /images/IMAGE/metadata",
    "GET, ''",
    "GET, /",
    "GET, /Images",
    "GET, /images.xml"
  })
  void noRouteIsWebObsBare404WithoutARequestId(String method, String path) {
    HttpResponse<byte[]> response = send(method, path.replace("IMAGE", ubuntu), null, null);

    assertThat(response.statusCode()).as(method + " " + path).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=UTF-8");
    assertThat(response.headers().firstValue("X-Compute-Request-Id")).isEmpty();
    assertThat(Wire.text(response)).isEqualTo(WEBOB_404_PLAIN);
  }

  @Test
  void theBare404IsHtmlForABrowserOrCurl() {
    HttpResponse<byte[]> response = send("GET", "/servers", null, "*/*");

    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
    assertThat(Wire.text(response))
        .isEqualTo(
            "<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n"
                + "  The resource could not be found.<br /><br />\n\n\n\n </body>\n</html>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/images", "/images/detail", "/images/IMAGE"})
  void headHasNoRouteAndNoBody(String path) {
    HttpResponse<byte[]> response = send("HEAD", path.replace("IMAGE", ubuntu), null, null);

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("X-Compute-Request-Id")).isEmpty();
  }

  @Test
  void postToTheCollectionIs405WithWebObsExplanationAndNoAllowHeader() {
    for (String path : new String[] {"/images", "/images.json"}) {
      HttpResponse<byte[]> empty = send("POST", path, null, null);
      HttpResponse<byte[]> json = send("POST", path, "{\"image\": {}}", "application/json");

      for (HttpResponse<byte[]> response : java.util.List.of(empty, json)) {
        assertThat(response.statusCode()).as(path).isEqualTo(405);
        assertThat(Wire.fault(response).name()).isEqualTo("badMethod");
        assertThat(Wire.fault(response).message()).hasValue(WEBOB_405);
        assertThat(response.headers().firstValue("Allow")).isEmpty();
        assertThat(response.headers().firstValue("X-Compute-Request-Id")).isPresent();
      }
    }
  }

  @Test
  void aPostBodyIsReadBeforeTheMethodIsRefused() {
    HttpResponse<byte[]> noType = send("POST", "/images", "{}", null);
    HttpResponse<byte[]> form = send("POST", "/images", "a=b", "application/x-www-form-urlencoded");
    HttpResponse<byte[]> broken = send("POST", "/images", "{\"image\": ", "application/json; charset=UTF-8");

    assertThat(noType.statusCode()).isEqualTo(400);
    assertThat(Wire.fault(noType).message()).hasValue("Unsupported Content-Type");
    assertThat(Wire.fault(form).message()).hasValue("Unsupported Content-Type");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(Wire.fault(broken).name()).isEqualTo("badRequest");
    assertThat(Wire.fault(broken).message()).hasValue("Malformed request body");
  }

  @Test
  void deleteIsTheControllersDeleteOfAReadOnlyCatalog() {
    HttpResponse<byte[]> known = send("DELETE", "/images/" + ubuntu, null, null);
    HttpResponse<byte[]> unknown = send("DELETE", "/images/nope", null, null);
    HttpResponse<byte[]> detail = send("DELETE", "/images/detail", null, null);

    assertThat(known.statusCode()).isEqualTo(403);
    assertThat(Wire.fault(known).name()).isEqualTo("forbidden");
    assertThat(Wire.fault(known).message()).hasValue("You are not allowed to delete the image.");
    assertThat(catalog.find(Fixtures.UBUNTU.id())).isPresent();
    for (HttpResponse<byte[]> missing : java.util.List.of(unknown, detail)) {
      assertThat(missing.statusCode()).isEqualTo(404);
      assertThat(Wire.fault(missing).message()).hasValue("Image not found.");
    }
  }

  @Test
  void withoutATokenEveryMethodIs401First() {
    HttpResponse<byte[]> response =
        Wire.send(
            HttpRequest.newBuilder(URI.create(emulator.computeEndpoint() + "/servers"))
                .method("PATCH", HttpRequest.BodyPublishers.noBody())
                .build());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void theRouterDoesNotStopTheServer() throws IOException {
    send("HEAD", "/images", null, null);
    send("POST", "/images", "{", "application/json");

    assertThat(wire.get("/images").statusCode()).isEqualTo(200);
  }

  private HttpResponse<byte[]> send(String method, String path, String body, String contentTypeOrAccept) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(emulator.computeEndpoint() + path))
            .header("X-Auth-Token", wire.token())
            .method(
                method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentTypeOrAccept != null) {
      b.header(body == null ? "Accept" : "Content-Type", contentTypeOrAccept);
    }
    return Wire.send(b.build());
  }
}
