package io.github.rackimages.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenStoreTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private final TokenStore tokens = new TokenStore();

  @Test
  void aTokenIsValidUntilJustBeforeItsExpiry() {
    TokenStore.Token token = tokens.issue("t", "u", NOW, Duration.ofMinutes(1));

    assertThat(tokens.valid(token.id(), NOW.plusSeconds(59))).contains(token);
    assertThat(tokens.valid(token.id(), NOW.plusSeconds(60))).isEmpty();
    assertThat(tokens.size()).isZero();
  }

  @Test
  void unknownAndNullIdsAreInvalid() {
    assertThat(tokens.valid(null, NOW)).isEmpty();
    assertThat(tokens.valid("nope", NOW)).isEmpty();
  }

  @Test
  void beyondTheCapacityTheOldestTokensAreForgotten() {
    TokenStore.Token first = tokens.issue("t", "u", NOW, Duration.ofHours(1));
    TokenStore.Token second = tokens.issue("t", "u", NOW, Duration.ofHours(1));
    for (int i = 0; i < TokenStore.CAPACITY - 1; i++) {
      tokens.issue("t", "u", NOW, Duration.ofHours(1));
    }

    assertThat(tokens.size()).isEqualTo(TokenStore.CAPACITY);
    assertThat(tokens.valid(first.id(), NOW)).isEmpty();
    assertThat(tokens.valid(second.id(), NOW)).contains(second);
  }

  @Test
  void toStringNeverShowsTheTokenId() {
    TokenStore.Token token = tokens.issue("t", "u", NOW, Duration.ofHours(1));

    assertThat(token.toString()).doesNotContain(token.id());
    assertThat(tokens.toString()).doesNotContain(token.id());
  }
}
