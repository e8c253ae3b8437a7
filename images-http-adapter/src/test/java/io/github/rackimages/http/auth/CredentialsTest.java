package io.github.rackimages.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {

  @Test
  void anApiKeyKeepsTheUserNameAndKind() {
    Credentials c = Credentials.apiKey("jdoe", "CANARY-KEY-123");

    assertThat(c.kind()).isEqualTo(Credentials.Kind.API_KEY);
    assertThat(c.username()).isEqualTo("jdoe");
    assertThat(c.secret()).isEqualTo("CANARY-KEY-123");
  }

  @Test
  void aPasswordKeepsTheUserNameAndKind() {
    Credentials c = Credentials.password("jdoe", "CANARY-PW-456");

    assertThat(c.kind()).isEqualTo(Credentials.Kind.PASSWORD);
    assertThat(c.username()).isEqualTo("jdoe");
  }

  @Test
  void toStringShowsTheUserAndKindButNeverTheSecret() {
    assertThat(Credentials.apiKey("jdoe", "CANARY-KEY-123").toString())
        .isEqualTo("Credentials[username=jdoe, apiKey=****]")
        .doesNotContain("CANARY");
    assertThat(Credentials.password("jdoe", "CANARY-PW-456").toString())
        .isEqualTo("Credentials[username=jdoe, password=****]")
        .doesNotContain("CANARY");
  }

  @Test
  void equalCredentialsAreEqualAndDifferentSecretsAreNot() {
    assertThat(Credentials.apiKey("jdoe", "k1")).isEqualTo(Credentials.apiKey("jdoe", "k1"))
        .hasSameHashCodeAs(Credentials.apiKey("jdoe", "k1"));
    assertThat(Credentials.apiKey("jdoe", "k1")).isNotEqualTo(Credentials.apiKey("jdoe", "k2"));
    assertThat(Credentials.apiKey("jdoe", "k1")).isNotEqualTo(Credentials.password("jdoe", "k1"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "\t"})
  void aBlankUserNameIsRefused(String username) {
    assertThatThrownBy(() -> Credentials.apiKey(username, "key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("username must not be blank");
  }

  @Test
  void aUserNameWithALineBreakIsRefusedSoItCannotForgeLogLines() {
    assertThatThrownBy(() -> Credentials.apiKey("jdoe\nINFO forged", "key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void aBlankSecretIsRefusedWithoutEchoingIt(String secret) {
    assertThatThrownBy(() -> Credentials.apiKey("jdoe", secret))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("apiKey must not be blank");
    assertThatThrownBy(() -> Credentials.password("jdoe", secret))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("password must not be blank");
  }

  @Test
  void nullsAreRefusedWithTheArgumentName() {
    assertThatThrownBy(() -> Credentials.apiKey(null, "k")).isInstanceOf(NullPointerException.class)
        .hasMessage("username");
    assertThatThrownBy(() -> Credentials.apiKey("jdoe", null)).isInstanceOf(NullPointerException.class)
        .hasMessage("apiKey");
    assertThatThrownBy(() -> Credentials.password("jdoe", null)).isInstanceOf(NullPointerException.class)
        .hasMessage("password");
  }
}
