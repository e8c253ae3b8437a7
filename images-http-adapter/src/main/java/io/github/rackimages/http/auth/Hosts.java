package io.github.rackimages.http.auth;

import io.github.rackimages.http.internal.Endpoints;
import java.net.URI;

/** Checks on the URLs credentials and tokens are sent to. */
final class Hosts {

  private Hosts() {}

  /** Whether {@code host} names this machine; one rule for tokens and credentials ({@link Endpoints#isLoopback}). */
  static boolean isLoopback(String host) {
    return Endpoints.isLoopback(host);
  }

  /** Whether a secret sent to {@code uri} would cross the network in clear text. */
  static boolean isCleartextOffMachine(URI uri) {
    return "http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost());
  }

  /** Whether {@code uri} is absolute http(s) with a host. */
  static boolean isHttpUrl(URI uri) {
    String scheme = uri.getScheme();
    return uri.isAbsolute()
        && uri.getHost() != null
        && ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme));
  }
}
