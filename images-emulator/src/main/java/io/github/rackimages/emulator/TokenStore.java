package io.github.rackimages.emulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The tokens the emulator has issued. Thread-safe. Every authentication issues a new random token (32 hex
 * characters, as Rackspace's were in 2013-2015); a token is valid until its {@code expires} instant. At most
 * {@value #CAPACITY} tokens are kept: beyond that the oldest is forgotten, so that a client that authenticates in a
 * loop cannot exhaust the heap.
 */
final class TokenStore {

  static final int CAPACITY = 10_000;

  /**
   * An issued token.
   *
   * @param tenantId the tenant the token is scoped to
   * @param username the user it was issued to
   * @param expires when it stops being valid (whole milliseconds, as written in {@code expires})
   */
  record Token(String id, String tenantId, String username, Instant expires) {
    @Override
    public String toString() {
      // The id is a credential: never shown.
      return "Token[tenant=" + tenantId + ", user=" + username + ", expires=" + expires + "]";
    }
  }

  private final SecureRandom random = new SecureRandom();
  private final ConcurrentHashMap<String, Token> byId = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<String> issueOrder = new ConcurrentLinkedQueue<>();

  /** Issues a token valid from {@code now} for {@code lifetime}. */
  Token issue(String tenantId, String username, Instant now, Duration lifetime) {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String id = HexFormat.of().formatHex(bytes);
    Token token = new Token(id, tenantId, username, now.plus(lifetime).truncatedTo(ChronoUnit.MILLIS));
    byId.put(id, token);
    issueOrder.add(id);
    while (byId.size() > CAPACITY) {
      String oldest = issueOrder.poll();
      if (oldest == null) {
        break;
      }
      byId.remove(oldest);
    }
    return token;
  }

  /** The token with this id, if it was issued and is still valid at {@code now}. */
  Optional<Token> valid(String id, Instant now) {
    if (id == null) {
      return Optional.empty();
    }
    Token token = byId.get(id);
    if (token == null) {
      return Optional.empty();
    }
    if (!now.isBefore(token.expires())) {
      byId.remove(id, token);
      return Optional.empty();
    }
    return Optional.of(token);
  }

  /** Forgets every token. */
  void revokeAll() {
    byId.clear();
    issueOrder.clear();
  }

  /** How many tokens are held (expired ones not yet noticed included). */
  int size() {
    return byId.size();
  }

  @Override
  public String toString() {
    return "TokenStore[" + byId.size() + " tokens]";
  }
}
