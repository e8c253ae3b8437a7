package io.github.rackimages.http.auth;

/**
 * Where the HTTP adapter gets its token and endpoint from: a fixed token ({@link FixedTokenAuthenticator}),
 * Rackspace Identity v2.0 with an API key or a password ({@link RackspaceIdentityAuthenticator}), or an
 * implementation of the user's own.
 *
 * <p>Implementations MUST be thread-safe. {@link #session()} is called before every request and should be
 * cheap when a cached token is still valid; when it is not, one caller refreshes it while concurrent callers
 * wait for the result (no storm of identity calls).
 *
 * @since 1.0
 */
public interface Authenticator {

  /**
   * A session whose token is believed valid now.
   *
   * @throws io.github.rackimages.core.ImageCatalogAuthenticationException if the credentials are refused
   * @throws io.github.rackimages.core.ImageCatalogException if the identity service or the network fails
   */
  AuthSession session();

  /**
   * Called when the compute service refused {@code refused}'s token (401): returns a session with a fresh
   * token, unless another caller has already renewed it (then the newer session is returned without another
   * identity call). The adapter calls this at most once per request before reporting the 401.
   *
   * @throws io.github.rackimages.core.ImageCatalogAuthenticationException if the token cannot be renewed (a
   *     fixed token never can)
   * @throws io.github.rackimages.core.ImageCatalogException if the identity service or the network fails
   */
  AuthSession renew(AuthSession refused);

  /**
   * {@link #session()}, waiting at most {@code maxWait} for a sign-in under way (the caller's own or another
   * caller's), so that a call with a time budget is not held past it. The default ignores the bound.
   *
   * @throws io.github.rackimages.core.ImageCatalogTransportException if no session arrived within {@code maxWait}
   * @throws io.github.rackimages.core.ImageCatalogException as {@link #session()} does
   * @since 1.0
   */
  default AuthSession session(java.time.Duration maxWait) {
    return session();
  }

  /**
   * {@link #renew(AuthSession)}, waiting at most {@code maxWait} for the sign-in; the default ignores the bound.
   *
   * @throws io.github.rackimages.core.ImageCatalogTransportException if no session arrived within {@code maxWait}
   * @throws io.github.rackimages.core.ImageCatalogException as {@link #renew(AuthSession)} does
   * @since 1.0
   */
  default AuthSession renew(AuthSession refused, java.time.Duration maxWait) {
    return renew(refused);
  }
}
