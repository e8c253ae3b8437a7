package io.github.rackimages.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RackspaceIdentityAuthenticatorBuilderTest {

  private static RackspaceIdentityAuthenticator.Builder withKey() {
    return RackspaceIdentityAuthenticator.builder().apiKey("jdoe", "CANARY-KEY-123");
  }

  @Test
  void defaultsToRackspacesGlobalIdentityAndTheUsersDefaultRegion() {
    RackspaceIdentityAuthenticator auth = withKey().build();

    assertThat(auth.identityUrl()).isEqualTo(URI.create("https://identity.api.rackspacecloud.com/v2.0"));
    assertThat(auth.region()).isEmpty();
    assertThat(auth.endpointOverride()).isEmpty();
    assertThat(auth.username()).isEqualTo("jdoe");
  }

  @Test
  void withoutCredentialsBuildNamesWhatIsMissing() {
    assertThatThrownBy(() -> RackspaceIdentityAuthenticator.builder().region("DFW").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no credentials")
        .hasMessageContaining("apiKey(username, apiKey)")
        .hasMessageContaining("password(username, password)");
  }

  @Test
  void anApiKeyAndAPasswordTogetherAreRefused() {
    assertThatThrownBy(() -> withKey().password("jdoe", "CANARY-PW-456").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("both an API key and a password")
        .hasMessageNotContaining("CANARY");
  }

  @Test
  void theLastCredentialsOfOneKindWin() {
    assertThatCode(() -> withKey().apiKey("other", "key2").build()).doesNotThrowAnyException();
    assertThat(withKey().apiKey("other", "key2").build().username()).isEqualTo("other");
  }

  @Test
  void aTrailingSlashOnTheIdentityUrlIsDropped() {
    assertThat(withKey().identityUrl(URI.create("https://identity.example.test/v2.0/")).build().identityUrl())
        .isEqualTo(URI.create("https://identity.example.test/v2.0"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://identity.example.test/v2.0", "http://10.0.0.5/v2.0", "http://128.0.0.1/v2.0",
      "http://localhost.example.test/v2.0", "http://[::2]/v2.0"})
  void plainHttpToAnotherMachineIsRefusedUnlessTheUserOptsIn(String url) {
    assertThatThrownBy(() -> withKey().identityUrl(URI.create(url)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http")
        .hasMessageContaining("allowInsecureHttp(true)");
    assertThatCode(() -> withKey().identityUrl(URI.create(url)).allowInsecureHttp(true).build())
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://127.0.0.1:5000/v2.0", "http://127.1.2.3/v2.0", "http://localhost:5000/v2.0",
      "http://LOCALHOST/v2.0", "http://[::1]:5000/v2.0"})
  void plainHttpToLoopbackIsAccepted(String url) {
    assertThatCode(() -> withKey().identityUrl(URI.create(url)).build()).doesNotThrowAnyException();
  }

  @Test
  void aPlainHttpEndpointOverrideToAnotherMachineIsRefusedUnlessTheUserOptsIn() {
    URI override = URI.create("http://servers.example.test/v2/654321");
    assertThatThrownBy(() -> withKey().endpointOverride(override).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("endpointOverride");
    assertThat(withKey().endpointOverride(override).allowInsecureHttp(true).build().endpointOverride())
        .contains(override);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ftp://identity.example.test/v2.0", "identity.example.test/v2.0", "file:///tmp/x",
      "https://identity.example.test/v2.0?x=1", "https://identity.example.test/v2.0#frag"})
  void anIdentityUrlThatIsNotAPlainHttpUrlIsRefused(String url) {
    assertThatThrownBy(() -> withKey().identityUrl(URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("identityUrl");
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://jdoe:CANARY-PW-456@identity.example.test/v2.0",
      "ftp://jdoe:CANARY-PW-456@identity.example.test/v2.0"})
  void userInfoInAUrlIsRefusedWithoutEchoingIt(String url) {
    assertThatThrownBy(() -> withKey().identityUrl(URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user info")
        .hasMessageNotContaining("CANARY");
    assertThatThrownBy(() -> withKey().endpointOverride(URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("user info")
        .hasMessageNotContaining("CANARY");
  }

  @Test
  void aClientThatFollowsRedirectsIsRefusedSoCredentialsCannotBeForwarded() {
    HttpClient redirecting = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    assertThatThrownBy(() -> withKey().httpClient(redirecting))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not follow redirects");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, -1000})
  void aRequestTimeoutMustBePositive(long millis) {
    assertThatThrownBy(() -> withKey().requestTimeout(Duration.ofMillis(millis)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("requestTimeout must be positive");
  }

  @Test
  void aNegativeRefreshSkewIsRefusedAndZeroIsAllowed() {
    assertThatThrownBy(() -> withKey().refreshSkew(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("refreshSkew must not be negative: -1 s");
    assertThatCode(() -> withKey().refreshSkew(Duration.ZERO)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -5, 3_000_000_000L})
  void aBodyCapOutOfRangeIsRefused(long max) {
    assertThatThrownBy(() -> withKey().maxBodyBytes(max))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBodyBytes")
        .hasMessageContaining(Long.toString(max));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void blankRegionAndTenantAreRefused(String blank) {
    assertThatThrownBy(() -> withKey().region(blank)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("region");
    assertThatThrownBy(() -> withKey().tenantId(blank)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tenantId");
  }

  @Test
  void nullArgumentsAreRefusedWithTheirName() {
    var b = withKey();
    assertThatThrownBy(() -> b.identityUrl(null)).isInstanceOf(NullPointerException.class).hasMessage("identityUrl");
    assertThatThrownBy(() -> b.region(null)).isInstanceOf(NullPointerException.class).hasMessage("region");
    assertThatThrownBy(() -> b.clock(null)).isInstanceOf(NullPointerException.class).hasMessage("clock");
    assertThatThrownBy(() -> b.httpClient(null)).isInstanceOf(NullPointerException.class).hasMessage("httpClient");
    assertThatThrownBy(() -> b.credentials(null)).isInstanceOf(NullPointerException.class).hasMessage("credentials");
  }

  @Test
  void toStringShowsTheConfigurationButNeverTheSecret() {
    String text = withKey().region("iad").identityUrl(URI.create("https://identity.example.test/v2.0")).build()
        .toString();

    assertThat(text)
        .contains("identityUrl=https://identity.example.test/v2.0", "username=jdoe", "apiKey=****", "region=iad")
        .doesNotContain("CANARY");
    assertThat(RackspaceIdentityAuthenticator.builder().password("jdoe", "CANARY-PW-456").build().toString())
        .contains("password=****")
        .doesNotContain("CANARY");
  }
}
