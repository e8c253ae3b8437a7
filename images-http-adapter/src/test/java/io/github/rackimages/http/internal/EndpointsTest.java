package io.github.rackimages.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EndpointsTest {

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LOCALHOST", "127.0.0.1", "127.1.2.3", "[::1]", "::1"})
  void loopbackAddressesAndLocalhostAreLoopback(String host) {
    assertThat(Endpoints.isLoopback(host)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"api.localhost", "evil.localhost", "localhost.", "127.0.0.1.nip.io", "128.0.0.1", "10.0.0.1", "localhost.example.com", "127.0.0.256", "127.0.0", "[::2]", ""})
  void otherHostsAreNot(String host) {
    assertThat(Endpoints.isLoopback(host)).isFalse();
  }

  @Test
  void normalizeStripsTrailingSlashes() {
    assertThat(Endpoints.normalize(URI.create("https://x.example/v2/1//"))).isEqualTo(URI.create("https://x.example/v2/1"));
  }

  @Test
  void userInfoIsRefusedWithoutBeingEchoed() {
    assertThatThrownBy(() -> Endpoints.normalize(URI.create("https://me:pa55@x.example/v2/1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("pa55");
  }

  @Test
  void originsCompareSchemeHostAndEffectivePort() {
    assertThat(Endpoints.sameOrigin(URI.create("https://A.example/x"), URI.create("https://a.example:443/y"))).isTrue();
    assertThat(Endpoints.sameOrigin(URI.create("http://a.example/x"), URI.create("https://a.example/x"))).isFalse();
    assertThat(Endpoints.sameOrigin(URI.create("https://a.example:8443/x"), URI.create("https://a.example/x"))).isFalse();
  }

  @Test
  void plainHttpGoesOnlyToLoopbackAndListedHosts() {
    Set<String> listed = Endpoints.hostSet(Set.of("Build-Box.Internal", "[fd00::5]"));

    assertThat(Endpoints.acceptable(URI.create("http://build-box.internal:8080/v2/1"), false, listed)).isTrue();
    assertThat(Endpoints.acceptable(URI.create("http://[FD00::5]/v2/1"), false, listed)).isTrue();
    assertThat(Endpoints.acceptable(URI.create("http://127.0.0.1:9/v2/1"), false, Set.of())).isTrue();
    assertThat(Endpoints.acceptable(URI.create("http://api.localhost/v2/1"), false, listed)).isFalse();
    assertThat(Endpoints.acceptable(URI.create("http://other.internal/v2/1"), false, listed)).isFalse();
    assertThat(Endpoints.acceptable(URI.create("http://other.internal/v2/1"), true, Set.of())).isTrue();
    assertThat(Endpoints.acceptable(URI.create("https://other.internal/v2/1"), false, Set.of())).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "a b", "http://x", "x/y", "me@x"})
  void aListedHostMustBeAHost(String host) {
    assertThatThrownBy(() -> Endpoints.hostSet(Set.of(host)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("insecureHttpHosts");
  }
}
