package io.github.rackimages.http.auth;

import java.util.Objects;

/**
 * A Rackspace user name with an API key or a password, the two ways Rackspace Identity v2.0 accepts. An
 * immutable value, safe to keep in a configuration object: {@link #toString()} shows the user name and the
 * kind of secret, never the secret itself.
 *
 * <pre>{@code
 * Credentials credentials = Credentials.apiKey("jdoe", System.getenv("RAX_API_KEY"));
 * }</pre>
 *
 * <p>Prefer an API key: it is what Rackspace recommends for programs, and a password stops working once the
 * account turns on multi-factor authentication.
 *
 * @since 1.0
 */
public final class Credentials {

  /** Which secret goes with the user name. */
  public enum Kind {
    /** A Rackspace API key, sent as {@code RAX-KSKEY:apiKeyCredentials}. */
    API_KEY,
    /** The account password, sent as {@code passwordCredentials}. */
    PASSWORD
  }

  private final Kind kind;
  private final String username;
  private final String secret;

  private Credentials(Kind kind, String username, String secret, String secretName) {
    this.kind = kind;
    this.username = checkUsername(username);
    Objects.requireNonNull(secret, secretName);
    if (secret.isBlank()) {
      // Never echo the secret, not even a blank one.
      throw new IllegalArgumentException(secretName + " must not be blank");
    }
    this.secret = secret;
  }

  /**
   * A user name and an API key.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the user name is blank or holds control characters, or the API key is
   *     blank
   */
  public static Credentials apiKey(String username, String apiKey) {
    return new Credentials(Kind.API_KEY, username, apiKey, "apiKey");
  }

  /**
   * A user name and a password.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the user name is blank or holds control characters, or the password is
   *     blank
   */
  public static Credentials password(String username, String password) {
    return new Credentials(Kind.PASSWORD, username, password, "password");
  }

  private static String checkUsername(String username) {
    Objects.requireNonNull(username, "username");
    if (username.isBlank()) {
      throw new IllegalArgumentException("username must not be blank: '" + username + "'");
    }
    if (username.chars().anyMatch(Character::isISOControl)) {
      // A control character would forge lines in messages and logs that quote the user name.
      throw new IllegalArgumentException("username must not hold control characters");
    }
    return username;
  }

  /** Whether this is an API key or a password. */
  public Kind kind() {
    return kind;
  }

  /** The user name; not secret, and quoted in error messages. */
  public String username() {
    return username;
  }

  /** The API key or password: read only to write the identity request body. */
  String secret() {
    return secret;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Credentials other
        && kind == other.kind
        && username.equals(other.username)
        && secret.equals(other.secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, username, secret);
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + (kind == Kind.API_KEY ? ", apiKey=****]" : ", password=****]");
  }
}
