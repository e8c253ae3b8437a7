package io.github.rackimages.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.Link;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every link the emulator writes leads back to it: built from the request's scheme, {@code Host} and the tenant, as
 * Nova builds them from {@code request.application_url}, whatever links the catalog's images carry.
 */
class LinksTest {

  private static final String TENANT = "987654";
  private static final Pattern HREF = Pattern.compile("\"href\"\\s*:\\s*\"([^\"]*)\"");

  private final ImageEmulator emulator =
      ImageEmulator.builder().catalog(Fixtures.smallCatalog()).tenantId(TENANT).start();
  private final String token = emulator.issueToken();
  private final String base = "http://127.0.0.1:" + emulator.port();

  @AfterEach
  void stop() {
    emulator.stop();
  }

  @Test
  void everyHrefOfEveryListingNamesTheEmulatorAndTheTenantAndAnswers() {
    List<String> hrefs = new ArrayList<>();
    for (String path : List.of("/images?limit=2", "/images/detail?limit=2", "/images/detail?changes-since=2000-01-01T00:00:00Z")) {
      HttpResponse<byte[]> page = get(emulator.computeEndpoint() + path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      hrefs.addAll(hrefs(Wire.text(page)));
    }
    assertThat(hrefs).hasSizeGreaterThan(20);
    assertThat(hrefs).anyMatch(h -> h.contains("/servers/"));
    assertThat(hrefs).anyMatch(h -> h.contains("marker="));

    for (String href : hrefs) {
      assertThat(href).startsWith(base + "/").contains("/" + TENANT + "/").doesNotContain("rackspacecloud");
      if (href.contains("/servers/")) {
        continue; // The emulator serves no servers API.
      }
      HttpResponse<byte[]> answer = get(href);
      assertThat(answer.statusCode()).as(href).isEqualTo(200);
      if (!href.contains("?")) {
        Image image = Wire.JSON.readImage(new ByteArrayInputStream(answer.body()));
        assertThat(href).endsWith("/images/" + image.id().value());
      }
    }
  }

  @Test
  void anImageHasNovasThreeLinksAndItsServerTwo() {
    HttpResponse<byte[]> answer = get(emulator.computeEndpoint() + "/images/" + Fixtures.WEB_NIGHTLY.id());
    Image image = Wire.JSON.readImage(new ByteArrayInputStream(answer.body()));
    String id = image.id().value();
    String server = Fixtures.WEB01.value();

    assertThat(image.links())
        .containsExactly(
            Link.of("self", base + "/v2/" + TENANT + "/images/" + id),
            Link.of("bookmark", base + "/" + TENANT + "/images/" + id),
            Link.of("alternate", base + "/" + TENANT + "/images/" + id, "application/vnd.openstack.image"));
    assertThat(image.server().orElseThrow().links())
        .containsExactly(
            Link.of("self", base + "/v2/" + TENANT + "/servers/" + server),
            Link.of("bookmark", base + "/" + TENANT + "/servers/" + server));
  }

  @Test
  void rewritingAServersLinksKeepsItsOtherKeys() {
    Image snapshot = Fixtures.WEB_NIGHTLY.toBuilder()
        .server(new io.github.rackimages.core.ServerReference(Fixtures.WEB01, List.of(),
            java.util.Map.of("name", io.github.rackimages.core.AttributeValue.text("web01"))))
        .build();
    ImageEmulator withName = ImageEmulator.builder()
        .catalog(io.github.rackimages.fake.InMemoryImageCatalog.builder().image(snapshot).build()).start();
    try {
      HttpResponse<byte[]> answer = Wire.send(HttpRequest.newBuilder(
              URI.create(withName.computeEndpoint() + "/images/" + snapshot.id().value()))
          .header("X-Auth-Token", withName.issueToken()).build());
      Image read = Wire.JSON.readImage(new ByteArrayInputStream(answer.body()));

      assertThat(read.server().orElseThrow().name()).contains("web01");
      assertThat(read.server().orElseThrow().links()).isNotEmpty();
    } finally {
      withName.stop();
    }
  }

  @Test
  void linksFollowTheHostHeaderAndDropTheDefaultPort() throws IOException {
    String path = "/v2/" + TENANT + "/images/detail?limit=1";
    String elsewhere = hrefsVia("emulator.example:8443", path).get(0);
    String defaultPort = hrefsVia("emulator.example:80", path).get(0);

    assertThat(elsewhere).startsWith("http://emulator.example:8443/v2/" + TENANT + "/images/");
    assertThat(defaultPort).startsWith("http://emulator.example/v2/" + TENANT + "/images/");
  }

  @Test
  void theBookmarkWithoutVersionAnswersAsTheImage() {
    String id = Fixtures.UBUNTU.id().value();
    HttpResponse<byte[]> bookmark = get(base + "/" + TENANT + "/images/" + id);
    HttpResponse<byte[]> missing = get(base + "/" + TENANT + "/images/nope");
    HttpResponse<byte[]> noToken =
        Wire.send(HttpRequest.newBuilder(URI.create(base + "/" + TENANT + "/images/" + id)).build());

    assertThat(bookmark.statusCode()).isEqualTo(200);
    assertThat(Wire.JSON.readImage(new ByteArrayInputStream(bookmark.body())).id()).isEqualTo(Fixtures.UBUNTU.id());
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(noToken.statusCode()).isEqualTo(401);
  }

  private List<String> hrefsVia(String host, String path) throws IOException {
    RawHttp.Answer answer =
        RawHttp.exchange(
            emulator,
            "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nX-Auth-Token: " + token
                + "\r\nConnection: close\r\n\r\n");
    assertThat(answer.status()).as(answer.all()).isEqualTo(200);
    return hrefs(answer.body());
  }

  private HttpResponse<byte[]> get(String url) {
    return Wire.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("X-Auth-Token", token)
            .build());
  }

  private static List<String> hrefs(String json) {
    List<String> found = new ArrayList<>();
    Matcher m = HREF.matcher(json);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
