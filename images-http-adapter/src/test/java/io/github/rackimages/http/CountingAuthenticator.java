package io.github.rackimages.http;

import io.github.rackimages.http.auth.AccessToken;
import io.github.rackimages.http.auth.AuthSession;
import io.github.rackimages.http.auth.Authenticator;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An authenticator that hands out {@code token-1}, then {@code token-2}, ... on each renewal, for an endpoint,
 * and counts its calls.
 */
final class CountingAuthenticator implements Authenticator {

  private final URI endpoint;
  private final AtomicInteger renewals = new AtomicInteger();
  private final AtomicInteger sessions = new AtomicInteger();
  private volatile AuthSession current;

  CountingAuthenticator(URI endpoint) {
    this.endpoint = endpoint;
    this.current = new AuthSession(AccessToken.of("token-1"), endpoint);
  }

  int renewals() {
    return renewals.get();
  }

  int sessions() {
    return sessions.get();
  }

  @Override
  public AuthSession session() {
    sessions.incrementAndGet();
    return current;
  }

  @Override
  public synchronized AuthSession renew(AuthSession refused) {
    int n = renewals.incrementAndGet();
    current = new AuthSession(AccessToken.of("token-" + (n + 1)), endpoint);
    return current;
  }

  @Override
  public String toString() {
    return "CountingAuthenticator[" + endpoint + "]";
  }
}
