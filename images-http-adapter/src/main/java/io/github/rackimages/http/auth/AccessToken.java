package io.github.rackimages.http.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An authentication token ({@code X-Auth-Token}) and when it expires. The token text is a secret:
 * {@link #toString()} never shows it, and only the HTTP adapter reads {@link #secret()} to put it in the one
 * header that carries it.
 *
 * @since 1.0
 */
public final class AccessToken {

  private final String secret;
  private final Instant expires;

  private AccessToken(String secret, Instant expires) {
    Objects.requireNonNull(secret, "token");
    if (secret.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    if (secret.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      // Refuse what would corrupt or split an HTTP header; never echo the value.
      throw new IllegalArgumentException("token must be printable ASCII without spaces");
    }
    this.secret = secret;
    this.expires = expires;
  }

  /**
   * A token that does not expire as far as this library knows (a fixed token given by the user).
   *
   * @throws IllegalArgumentException if it is blank or holds spaces or control characters
   */
  public static AccessToken of(String secret) {
    return new AccessToken(secret, null);
  }

  /**
   * A token with its expiry time.
   *
   * @throws IllegalArgumentException if it is blank or holds spaces or control characters
   */
  public static AccessToken of(String secret, Instant expires) {
    return new AccessToken(secret, Objects.requireNonNull(expires, "expires"));
  }

  /** The token text, for the {@code X-Auth-Token} header only. Never log it. */
  public String secret() {
    return secret;
  }

  /** When the service said the token expires; empty for a fixed token. */
  public Optional<Instant> expires() {
    return Optional.ofNullable(expires);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AccessToken other && secret.equals(other.secret) && Objects.equals(expires, other.expires);
  }

  @Override
  public int hashCode() {
    return Objects.hash(secret, expires);
  }

  @Override
  public String toString() {
    return "AccessToken[****" + (expires == null ? "" : ", expires=" + expires) + "]";
  }
}
