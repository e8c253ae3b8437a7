package io.github.rackimages.http.internal;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** Rules about compute endpoints: their form, their origin, and when plain {@code http} is acceptable. */
public final class Endpoints {

  private Endpoints() {}

  /** How to allow plain http, in the words of the configuration; every refusal of plain http ends with it. */
  public static final String INSECURE_HINT = "plain http is allowed for loopback hosts, or with allowInsecureHttp(true)";

  /**
   * The endpoint as a base for our paths: absolute {@code http}/{@code https}, with a host, no user info, query
   * or fragment, without a trailing slash.
   *
   * @throws IllegalArgumentException naming the endpoint if it is none of that
   */
  public static URI normalize(URI endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    String scheme = endpoint.getScheme();
    if (!endpoint.isAbsolute()
        || endpoint.isOpaque()
        || endpoint.getHost() == null
        || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
      throw new IllegalArgumentException("endpoint must be an absolute http(s) URL with a host: " + safe(endpoint));
    }
    if (endpoint.getRawUserInfo() != null) {
      // Never echo user info: it is a credential.
      throw new IllegalArgumentException("endpoint must not carry user info: " + safe(endpoint));
    }
    if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null) {
      throw new IllegalArgumentException("endpoint must not have a query or fragment: " + safe(endpoint));
    }
    String text = endpoint.toString();
    while (text.endsWith("/")) {
      text = text.substring(0, text.length() - 1);
    }
    return URI.create(text);
  }

  /**
   * Whether the token may be sent to this endpoint: always over {@code https}; over {@code http} only to a
   * loopback host (a local emulator or test server) unless the user allowed plain http.
   */
  public static boolean acceptable(URI endpoint, boolean allowInsecureHttp) {
    return "https".equalsIgnoreCase(endpoint.getScheme()) || allowInsecureHttp || isLoopback(endpoint.getHost());
  }

  /**
   * Whether a host names this machine: {@code localhost}, an IPv4 address in {@code 127.0.0.0/8}, or
   * {@code ::1}. Decided from the text alone: no name is resolved, so DNS cannot make a remote host "local".
   */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    String[] parts = h.split("\\.", -1);
    if (parts.length != 4 || !parts[0].equals("127")) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  /** Whether two absolute URIs have the same origin: scheme, host and (effective) port. */
  public static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null
        && b.getScheme() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && b.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    if (u.getPort() != -1) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  /** A URI as safe to show: scheme, host, port and path only (no user info, query or fragment). */
  public static String safe(URI uri) {
    if (uri.isOpaque() || uri.getHost() == null) {
      return uri.getScheme() == null ? "(relative) " + nullToEmpty(uri.getRawPath()) : uri.getScheme() + ":...";
    }
    return uri.getScheme()
        + "://"
        + uri.getHost()
        + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
        + nullToEmpty(uri.getRawPath());
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
