package io.github.rackimages.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.http.CannedServer.CannedResponse;
import io.github.rackimages.http.auth.Credentials;
import io.github.rackimages.http.auth.RackspaceIdentityAuthenticator;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpCatalogConfigTest extends CatalogTestSupport {

  private static final Credentials KEY = Credentials.apiKey("jdoe", "k3y-secret");

  @Test
  void defaultsMatchTheBuilders() {
    HttpCatalogConfig c = HttpCatalogConfig.builder().credentials(KEY).build();

    assertThat(c.identityUrl()).isEqualTo(RackspaceIdentityAuthenticator.DEFAULT_IDENTITY_URL);
    assertThat(c.credentials()).contains(KEY);
    assertThat(c.region()).isEmpty();
    assertThat(c.endpoint()).isEmpty();
    assertThat(c.authenticator()).isEmpty();
    assertThat(c.httpClient()).isEmpty();
    assertThat(c.executor()).isEmpty();
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(c.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.retryPolicy()).isEqualTo(RetryPolicy.defaults());
    assertThat(c.pageSize()).isEqualTo(1000);
    assertThat(c.allowInsecureHttp()).isFalse();
    assertThat(c.maxBodyBytes()).isEqualTo(16L * 1024 * 1024);
  }

  @Test
  void authenticationMustBeGivenOnce() {
    assertThatThrownBy(() -> HttpCatalogConfig.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no authentication");
    assertThatThrownBy(
            () -> HttpCatalogConfig.builder().credentials(KEY).token("t", URI.create("https://x.example/v2/1")).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not both");
    assertThatThrownBy(
            () -> HttpCatalogConfig.builder().token("t", URI.create("https://x.example/v2/1")).region("DFW").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("region");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "has space", "tab\t"})
  void malformedTokensAreRefusedWithoutEchoingThem(String token) {
    assertThatThrownBy(() -> HttpCatalogConfig.builder().token(token, URI.create("https://x.example/v2/1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token must be printable ASCII without spaces");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1001, -1})
  void pageSizesOutsideTheServicesRangeAreRefused(int size) {
    assertThatThrownBy(() -> HttpCatalogConfig.builder().pageSize(size))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Integer.toString(size));
  }

  @Test
  void aTokenConfigBuildsACatalogWithEverySetting() {
    server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of("a"), null)));
    HttpCatalogConfig config =
        HttpCatalogConfig.builder().token(TOKEN, server.endpoint()).pageSize(7).retryPolicy(RetryPolicy.none()).build();

    HttpImageCatalog catalog = HttpImageCatalog.create(config.toBuilder().logger(logger).build());

    assertThat(catalog.stream(ImageFilter.all()).count()).isEqualTo(1);
    assertThat(server.takeRequest().rawQuery()).isEqualTo("limit=7");
  }

  @Test
  void aLaterAuthenticatorReplacesTheConfigsCredentials() {
    CountingAuthenticator auth = new CountingAuthenticator(server.endpoint());
    server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));

    HttpImageCatalog.create(HttpCatalogConfig.builder().credentials(KEY).build().toBuilder().authenticator(auth).build())
        .stream(ImageFilter.all())
        .count();

    assertThat(server.takeRequest().header("X-Auth-Token")).contains("token-1");
  }

  @Test
  void aPlainHttpIdentityUrlToARemoteHostIsRefused() {
    HttpCatalogConfig config =
        HttpCatalogConfig.builder()
            .identityUrl(URI.create("http://identity.example.com/v2.0"))
            .credentials(KEY)
            .build();

    assertThatThrownBy(() -> HttpImageCatalog.create(config))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("k3y-secret");
  }

  @Test
  void toStringShowsDurationsAsPeopleReadThemAndNoSecret() {
    String shown = HttpCatalogConfig.builder().credentials(KEY).region("DFW")
        .connectTimeout(Duration.ofMillis(1500)).requestTimeout(Duration.ofSeconds(45))
        .apiCallTimeout(Duration.ofMinutes(2)).build().toString();

    assertThat(shown)
        .contains("connectTimeout=1.5 s", "requestTimeout=45 s", "apiCallTimeout=2 min", "maxTotalTime=1 min")
        .doesNotContain("PT")
        .doesNotContain("k3y-secret");
  }
}
