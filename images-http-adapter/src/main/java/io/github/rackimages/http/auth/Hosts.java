package io.github.rackimages.http.auth;

import io.github.rackimages.http.internal.Endpoints;
import java.net.URI;
import java.util.Set;

/** Checks on the URLs credentials and tokens are sent to. */
final class Hosts {

  private Hosts() {}

  /**
   * Whether a secret may not be sent to {@code uri}: plain http to a host that is neither this machine nor one
   * the user listed. One rule for tokens and credentials: {@link Endpoints#acceptable}.
   */
  static boolean isRefusedCleartext(URI uri, Set<String> insecureHosts) {
    return !Endpoints.acceptable(uri, false, insecureHosts);
  }

  /** Whether {@code uri} is absolute http(s) with a host. */
  static boolean isHttpUrl(URI uri) {
    String scheme = uri.getScheme();
    return uri.isAbsolute()
        && uri.getHost() != null
        && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme));
  }
}
