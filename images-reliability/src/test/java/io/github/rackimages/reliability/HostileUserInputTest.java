package io.github.rackimages.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.RetryPolicy;
import io.github.rackimages.http.auth.RackspaceIdentityAuthenticator;
import io.github.rackimages.reliability.support.LoopbackServer;
import io.github.rackimages.reliability.support.Request;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input from the user: values at and past their bounds are refused with a message naming them; every other
 * text (Unicode of every kind, control characters, attempts to inject parameters, paths or headers) reaches the
 * server exactly as given, which the loopback server checks by decoding what it received.
 */
class HostileUserInputTest {

  private static final String TOKEN = "canary-token-user-input";
  private static LoopbackServer server;
  private static HttpImageCatalog catalog;

  @BeforeAll
  static void start() {
    server =
        LoopbackServer.start(
            "user-input",
            (request, reply) -> {
              if (request.rawPath().endsWith("/images") || request.rawPath().endsWith("/images/detail")) {
                reply.send(200, Map.of("Content-Type", "application/json"), "{\"images\": []}".getBytes(StandardCharsets.UTF_8));
              } else {
                reply.send(404, Map.of("Content-Type", "application/json"),
                    "{\"itemNotFound\": {\"code\": 404, \"message\": \"Image not found.\"}}".getBytes(StandardCharsets.UTF_8));
              }
            });
    catalog =
        HttpImageCatalog.builder()
            .token(TOKEN, URI.create(server.origin() + "/v2/123456"))
            .requestTimeout(Duration.ofSeconds(2))
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void forget() {
    server.clearRequests();
  }

  /** Texts a user (or an attacker controlling a user's input) might pass as a name, marker, server or id. */
  static Stream<String> hostileTexts() {
    return Stream.of(
        "plain", "with space", "a+b", "100%", "%41", "%", "%zz", "&limit=1", "x&marker=evil", "a=b", "#fragment",
        "?query", "%00", "\u0000", "nul\u0000inside", "\r\nX-Injected: 1", "line\nbreak", "tab\there", "\u0007\u001b[31m",
        "../", "../../v2/other/images", "..", ".", "/", "//", "a/b", "\\", "\"quoted\"", "'single'", "<script>",
        "caf\u00e9", "\u65e5\u672c\u8a9e", "\uD83D\uDE00 emoji", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 family",
        "\u05E9\u05DC\u05D5\u05DD RTL", "\u202Eevil\u202C", "e\u0301\u0302\u0303 combining", "\uFEFFbom", "\u00A0nbsp",
        "\uFFFF", "\uD800\uDC00", "x".repeat(4000), " leading", "trailing ", "+", "~", "*", ";", ",", "$", "@", ":");
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void aNameFilterReachesTheServerExactlyAsGiven(String name) {
    catalog.list(ImageFilter.builder().name(name).build(), PageRequest.first(10));

    Request r = onlyRequest();
    assertThat(r.rawPath()).isEqualTo("/v2/123456/images/detail");
    assertThat(r.queryParameter("name")).isEqualTo(name);
    assertThat(r.queryParameter("limit")).isEqualTo("10");
    assertThat(r.queryParameters()).extracting(Map.Entry::getKey).containsExactly("name", "limit");
    assertThat(r.headers()).doesNotContainKey("x-injected");
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void aMarkerReachesTheServerExactlyAsGiven(String marker) {
    if (marker.isBlank()) {
      assertThatThrownBy(() -> PageMarker.of(marker)).isInstanceOf(IllegalArgumentException.class);
      return;
    }
    catalog.listSummaries(ImageFilter.all(), PageRequest.after(PageMarker.of(marker), 5));

    Request r = onlyRequest();
    assertThat(r.rawPath()).isEqualTo("/v2/123456/images");
    assertThat(r.queryParameter("marker")).isEqualTo(marker);
    assertThat(r.queryParameters()).extracting(Map.Entry::getKey).containsExactly("limit", "marker");
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void aServerFilterReachesTheServerExactlyAsGiven(String server) {
    if (server.isBlank()) {
      assertThatThrownBy(() -> ImageFilter.builder().server(server)).isInstanceOf(IllegalArgumentException.class);
      return;
    }
    catalog.list(ImageFilter.builder().server(server).build(), PageRequest.first(1));

    assertThat(onlyRequest().queryParameter("server")).isEqualTo(server);
  }

  @ParameterizedTest
  @MethodSource("hostileTexts")
  void anImageIdIsOnePathSegmentExactlyAsGiven(String id) {
    if (id.isBlank()) {
      assertThatThrownBy(() -> ImageId.of(id)).isInstanceOf(IllegalArgumentException.class);
      return;
    }
    assertThat(catalog.find(ImageId.of(id))).isEmpty();

    Request r = onlyRequest();
    String prefix = "/v2/123456/images/";
    assertThat(r.rawPath()).startsWith(prefix);
    String segment = r.rawPath().substring(prefix.length());
    assertThat(segment).doesNotContain("/").isNotIn(".", "..");
    assertThat(Request.decode(segment)).isEqualTo(id);
    assertThat(r.rawQuery()).isEmpty();
  }

  @Test
  void everyFilterTogetherReachesTheServerAsGiven() {
    Instant since = Instant.parse("2015-03-10T18:35:18.123456789Z");
    catalog.list(
        ImageFilter.builder()
            .name("n&m")
            .server("https://dfw.servers.api.rackspacecloud.com/v2/1/servers/abc?x=1#y")
            .status(ImageStatus.SAVING)
            .changesSince(since)
            .minDisk(Integer.MAX_VALUE)
            .minRam(0)
            .build(),
        PageRequest.after(PageMarker.of("m#1"), 1000));

    Request r = onlyRequest();
    assertThat(r.queryParameter("name")).isEqualTo("n&m");
    assertThat(r.queryParameter("server")).isEqualTo("https://dfw.servers.api.rackspacecloud.com/v2/1/servers/abc?x=1#y");
    assertThat(r.queryParameter("status")).isEqualTo("SAVING");
    assertThat(Instant.parse(r.queryParameter("changes-since"))).isEqualTo(since);
    assertThat(r.queryParameter("minDisk")).isEqualTo(String.valueOf(Integer.MAX_VALUE));
    assertThat(r.queryParameter("minRam")).isEqualTo("0");
    assertThat(r.queryParameter("limit")).isEqualTo("1000");
    assertThat(r.queryParameter("marker")).isEqualTo("m#1");
  }

  /** A text with an unpaired surrogate has no UTF-8 form: refused, never sent as something else. */
  @ParameterizedTest
  @ValueSource(strings = {"\uD800", "a\uDC00b", "\uD83D", "x\uDBFF"})
  void textThatIsNotValidUnicodeIsRefusedWithAClearMessage(String text) {
    List<Function<String, Object>> uses =
        List.of(
            t -> catalog.list(ImageFilter.builder().name(t).build(), PageRequest.first(1)),
            t -> catalog.list(ImageFilter.builder().server(t).build(), PageRequest.first(1)),
            t -> catalog.listSummaries(ImageFilter.all(), PageRequest.after(PageMarker.of(t), 1)),
            t -> catalog.find(ImageId.of(t)));
    for (Function<String, Object> use : uses) {
      assertThatThrownBy(() -> use.apply(text))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("unpaired surrogate");
    }
    assertThat(server.requests()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 1001, Integer.MAX_VALUE, Integer.MIN_VALUE})
  void pageSizesPastTheirBoundsAreRefusedNamingTheValue(int limit) {
    assertThatThrownBy(() -> PageRequest.first(limit))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(String.valueOf(limit));
    assertThatThrownBy(() -> PageRequest.after(PageMarker.of("m"), limit)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> HttpImageCatalog.builder().pageSize(limit)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 1000})
  void pageSizesAtTheirBoundsAreSentAsGiven(int limit) {
    catalog.list(ImageFilter.all(), PageRequest.first(limit));

    assertThat(onlyRequest().queryParameter("limit")).isEqualTo(String.valueOf(limit));
  }

  @Test
  void filterValuesPastTheirBoundsAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> ImageFilter.builder().minDisk(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    assertThatThrownBy(() -> ImageFilter.builder().minRam(Integer.MIN_VALUE)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(Integer.MIN_VALUE));
    assertThatThrownBy(() -> ImageFilter.builder().name("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImageFilter.builder().status(ImageStatus.UNRECOGNIZED)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImageFilter.builder().server(URI.create(""))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImageFilter.builder().name(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> catalog.list(null, PageRequest.first())).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> catalog.list(ImageFilter.all(), null)).isInstanceOf(NullPointerException.class);
    assertThat(server.requests()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tok\r\nX-Injected: 1", "tok\nen", "tok en", "tok\u0000", "t\u00e9k", "tok\u2028"})
  void aTokenThatWouldSplitAHeaderIsRefusedWithoutEchoingIt(String token) {
    assertThatThrownBy(() -> HttpImageCatalog.builder().token(token, URI.create(server.origin() + "/v2/1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(token);
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo\r\nX-Injected: 1", "demo\u0000", "demo\n"})
  void aUserNameThatWouldForgeLinesIsRefused(String username) {
    assertThatThrownBy(() -> RackspaceIdentityAuthenticator.builder().apiKey(username, "key"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** Credentials of any text reach identity exactly, inside a well-formed JSON body. */
  @ParameterizedTest
  @MethodSource("hostileTexts")
  void anApiKeyReachesIdentityExactlyAsGiven(String key) {
    if (key.isBlank()) {
      return;
    }
    LoopbackServer identity =
        LoopbackServer.start(
            "identity-input",
            (request, reply) ->
                reply.send(401, Map.of("Content-Type", "application/json"),
                    "{\"unauthorized\": {\"code\": 401, \"message\": \"no\"}}".getBytes(StandardCharsets.UTF_8)));
    try {
      RackspaceIdentityAuthenticator auth =
          RackspaceIdentityAuthenticator.builder()
              .identityUrl(URI.create(identity.origin() + "/v2.0"))
              .apiKey("d\u00e9mo \"user\"", key)
              .requestTimeout(Duration.ofSeconds(2))
              .build();
      assertThatThrownBy(auth::session).hasMessageNotContaining(key.length() > 3 ? key : "\u0000never");

      Request r = identity.requests().get(0);
      JsonObject body = Json.createReader(new StringReader(r.bodyText())).readObject();
      JsonObject creds = body.getJsonObject("auth").getJsonObject("RAX-KSKEY:apiKeyCredentials");
      assertThat(creds.getString("apiKey")).isEqualTo(key);
      assertThat(creds.getString("username")).isEqualTo("d\u00e9mo \"user\"");
      assertThat(r.rawPath()).isEqualTo("/v2.0/tokens");
      assertThat(r.headers()).doesNotContainKey("x-injected");
    } finally {
      identity.close();
    }
  }

  private static Request onlyRequest() {
    List<Request> all = server.requests();
    assertThat(all).hasSize(1);
    return all.get(0);
  }
}
