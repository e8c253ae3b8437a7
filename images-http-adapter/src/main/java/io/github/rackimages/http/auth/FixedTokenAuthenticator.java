package io.github.rackimages.http.auth;

import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.core.ImageCatalogAuthenticationException;
import java.net.URI;
import java.util.Objects;

/**
 * A token the user already has (from {@code IMAGES_TOKEN}, another tool, or a test) and the endpoint to use it
 * with. It cannot be renewed: a 401 is reported as it is.
 *
 * @since 1.0
 */
public final class FixedTokenAuthenticator implements Authenticator {

  private final AuthSession session;

  private FixedTokenAuthenticator(AuthSession session) {
    this.session = session;
  }

  /**
   * @param token the token text (never logged)
   * @param endpoint the compute endpoint, e.g. {@code https://dfw.servers.api.rackspacecloud.com/v2/123456}
   * @throws IllegalArgumentException if the token or endpoint is malformed
   */
  public static FixedTokenAuthenticator of(String token, URI endpoint) {
    return new FixedTokenAuthenticator(new AuthSession(AccessToken.of(token), endpoint));
  }

  @Override
  public AuthSession session() {
    return session;
  }

  @Override
  public AuthSession renew(AuthSession refused) {
    Objects.requireNonNull(refused, "refused");
    // No status of its own: the 401 is the caller's, who reports it with this reason.
    throw new ImageCatalogAuthenticationException("it is a fixed token; get a new one", ErrorDetails.none(), null);
  }

  @Override
  public String toString() {
    return "FixedTokenAuthenticator[endpoint=" + session.endpoint() + ", token=****]";
  }
}
