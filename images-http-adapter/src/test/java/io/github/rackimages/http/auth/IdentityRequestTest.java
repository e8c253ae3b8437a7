package io.github.rackimages.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageCatalogServiceException;
import io.github.rackimages.http.auth.IdentityServer.Reply;
import jakarta.json.JsonObject;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What goes to the identity service: the path, the headers and the exact JSON body. */
class IdentityRequestTest {

  private IdentityServer server;
  private final MutableClock clock = new MutableClock(Access.NOW);

  @BeforeEach
  void start() {
    server = IdentityServer.start()
        .always(Reply.json(200, Access.threeRegions("tok-1", Access.EXPIRES, "ORD")));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private RackspaceIdentityAuthenticator.Builder builder() {
    return RackspaceIdentityAuthenticator.builder()
        .identityUrl(server.identityUrl())
        .httpClient(IdentityServer.CLIENT)
        .clock(clock);
  }

  @Test
  void anApiKeyIsPostedAsRaxKskeyApiKeyCredentialsToTokens() {
    builder().apiKey("jdoe", "CANARY-KEY-123").build().session();

    IdentityServer.Recorded request = server.lastRequest();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/v2.0/tokens");
    JsonObject body = request.json();
    assertThat(body.keySet()).containsExactly("auth");
    JsonObject auth = body.getJsonObject("auth");
    assertThat(auth.keySet()).containsExactly("RAX-KSKEY:apiKeyCredentials");
    JsonObject creds = auth.getJsonObject("RAX-KSKEY:apiKeyCredentials");
    assertThat(creds.keySet()).containsExactlyInAnyOrder("username", "apiKey");
    assertThat(creds.getString("username")).isEqualTo("jdoe");
    assertThat(creds.getString("apiKey")).isEqualTo("CANARY-KEY-123");
  }

  @Test
  void aPasswordIsPostedAsPasswordCredentials() {
    builder().password("jdoe", "CANARY-PW-456").build().session();

    JsonObject auth = server.lastRequest().json().getJsonObject("auth");
    assertThat(auth.keySet()).containsExactly("passwordCredentials");
    JsonObject creds = auth.getJsonObject("passwordCredentials");
    assertThat(creds.keySet()).containsExactlyInAnyOrder("username", "password");
    assertThat(creds.getString("username")).isEqualTo("jdoe");
    assertThat(creds.getString("password")).isEqualTo("CANARY-PW-456");
  }

  @Test
  void aTenantIdIsSentBesideTheCredentials() {
    builder().apiKey("jdoe", "key").tenantId("654321").build().session();

    JsonObject auth = server.lastRequest().json().getJsonObject("auth");
    assertThat(auth.keySet()).containsExactlyInAnyOrder("RAX-KSKEY:apiKeyCredentials", "tenantId");
    assertThat(auth.getString("tenantId")).isEqualTo("654321");
  }

  @Test
  void valuesWithQuotesBackslashesAndUnicodeArriveIntact() {
    String user = "j\"doe\\ \u00e9\u4e2d";
    String key = "k\"}, \"x\": {\"\\\u0007";
    builder().apiKey(user, key).build().session();

    JsonObject creds = server.lastRequest().json().getJsonObject("auth").getJsonObject("RAX-KSKEY:apiKeyCredentials");
    assertThat(creds.getString("username")).isEqualTo(user);
    assertThat(creds.getString("apiKey")).isEqualTo(key);
  }

  @Test
  void theRequestSaysItSendsAndAcceptsJson() {
    builder().apiKey("jdoe", "key").build().session();

    IdentityServer.Recorded request = server.lastRequest();
    assertThat(request.headers().getFirst("Content-Type")).isEqualTo("application/json");
    assertThat(request.headers().getFirst("Accept")).isEqualTo("application/json");
    assertThat(request.headers().containsKey("X-Auth-Token")).isFalse();
  }

  @Test
  void aTrailingSlashOnTheIdentityUrlStillPostsToTokens() {
    builder().identityUrl(URI.create(server.identityUrl() + "/")).apiKey("jdoe", "key").build().session();

    assertThat(server.lastRequest().path()).isEqualTo("/v2.0/tokens");
  }

  @Test
  void aRedirectIsNotFollowedSoCredentialsGoNowhereElse() {
    try (IdentityServer elsewhere = IdentityServer.start()) {
      elsewhere.always(Reply.json(200, Access.threeRegions("tok-1", Access.EXPIRES, "ORD")));
      server.enqueue(Reply.empty(307).withHeader("Location", elsewhere.identityUrl() + "/tokens"));

      assertThatThrownBy(() -> builder().apiKey("jdoe", "CANARY-KEY-123").build().session())
          .isExactlyInstanceOf(ImageCatalogServiceException.class)
          .hasMessageContaining("HTTP 307");
      assertThat(elsewhere.requestCount()).isZero();
    }
  }

  @Test
  void theDefaultClientWorksToo() {
    RackspaceIdentityAuthenticator auth = RackspaceIdentityAuthenticator.builder()
        .identityUrl(server.identityUrl()).apiKey("jdoe", "key").clock(clock).build();

    assertThat(auth.session().endpoint()).hasToString(Access.ORD_URL);
    assertThat(server.requestCount()).isEqualTo(1);
  }
}
