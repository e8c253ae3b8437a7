package io.github.rackimages.http.auth;

import java.net.URI;
import java.util.Objects;

/**
 * What an {@link Authenticator} hands the HTTP adapter: a token and the compute endpoint it is valid for
 * ({@code https://dfw.servers.api.rackspacecloud.com/v2/123456}, the {@code publicURL} of
 * {@code cloudServersOpenStack} in the chosen region). The token is sent to that endpoint's origin only.
 *
 * @param token the token; its {@code toString()} is redacted
 * @param endpoint the compute endpoint, absolute, without a trailing slash
 * @since 1.0
 */
public record AuthSession(AccessToken token, URI endpoint) {

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the endpoint is not an absolute http(s) URI with a host
   */
  public AuthSession {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(endpoint, "endpoint");
    String scheme = endpoint.getScheme();
    if (!endpoint.isAbsolute()
        || endpoint.getHost() == null
        || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
      throw new IllegalArgumentException("endpoint must be an absolute http(s) URL with a host: " + endpoint);
    }
    String text = endpoint.toString();
    if (text.endsWith("/")) {
      endpoint = URI.create(text.substring(0, text.length() - 1));
    }
  }
}
