package io.github.rackimages.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A user the emulator's identity service knows: a name, an API key, a password and a default region.
 *
 * @param id the user id the identity service reports
 */
record EmulatorUser(String id, String username, String apiKey, String password, String defaultRegion) {

  EmulatorUser {
    requireText(id, "user id");
    requireText(username, "username");
    requireText(apiKey, "apiKey");
    requireText(password, "password");
    requireText(defaultRegion, "defaultRegion");
  }

  /** Whether {@code candidate} is this user's API key; compared in constant time. */
  boolean hasApiKey(String candidate) {
    return same(apiKey, candidate);
  }

  /** Whether {@code candidate} is this user's password; compared in constant time. */
  boolean hasPassword(String candidate) {
    return same(password, candidate);
  }

  private static boolean same(String secret, String candidate) {
    return candidate != null
        && MessageDigest.isEqual(
            secret.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
  }

  private static void requireText(String value, String what) {
    Objects.requireNonNull(value, what);
    if (value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be blank");
    }
  }

  @Override
  public String toString() {
    // The API key and password are credentials: never shown.
    return "EmulatorUser[" + username + ", region " + defaultRegion + "]";
  }
}
