/**
 * How the HTTP adapter authenticates: the {@link io.github.rackimages.http.auth.Authenticator} port, a fixed
 * token ({@link io.github.rackimages.http.auth.FixedTokenAuthenticator}) and Rackspace Identity v2.0
 * ({@link io.github.rackimages.http.auth.RackspaceIdentityAuthenticator}, with an API key or a password).
 *
 * <p><b>Non-null by default.</b> No method in this package accepts or returns {@code null} unless its Javadoc
 * says so; absence is expressed with {@link java.util.Optional} in return values.
 *
 * <p><b>Secrets.</b> API keys, passwords and tokens never appear in an exception message, a log line or a
 * {@code toString()}; user names may, since they are not secret and a user needs them to tell accounts apart.
 */
package io.github.rackimages.http.auth;
