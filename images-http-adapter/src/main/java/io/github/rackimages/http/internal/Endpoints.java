package io.github.rackimages.http.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Rules about compute endpoints: their form, their origin, and when plain {@code http} is acceptable. */
public final class Endpoints {

  private Endpoints() {}

  /** How to allow plain http, in the words of the configuration; every refusal of plain http ends with it. */
  public static final String INSECURE_HINT =
      "plain http is allowed to loopback addresses and localhost, to the hosts in insecureHttpHosts, or to any host"
          + " with allowInsecureHttp(true)";

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
   * Whether a token or credentials may be sent to this URL: always over {@code https}; over {@code http} only to
   * this machine ({@link #isLoopback}) or to a host the user listed, unless the user allowed plain http to any.
   *
   * @param insecureHosts lower-case host names or address literals the user allowed plain http to
   */
  public static boolean acceptable(URI endpoint, boolean allowInsecureHttp, Set<String> insecureHosts) {
    if ("https".equalsIgnoreCase(endpoint.getScheme()) || allowInsecureHttp) {
      return true;
    }
    String host = endpoint.getHost();
    return host != null && (insecureHosts.contains(bare(host)) || isLoopback(host));
  }

  /**
   * Whether a host is this machine: an IPv4 address literal in {@code 127.0.0.0/8}, {@code ::1}, or the name
   * {@code localhost} when every address it resolves to is loopback. No other name counts, {@code *.localhost}
   * included: DNS would decide where a token goes unencrypted.
   */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = bare(host);
    if (isLoopbackLiteral(h)) {
      return true;
    }
    if (!h.equals("localhost")) {
      return false;
    }
    try {
      InetAddress[] all = InetAddress.getAllByName(h);
      return all.length > 0 && Arrays.stream(all).allMatch(InetAddress::isLoopbackAddress);
    } catch (UnknownHostException | SecurityException e) {
      return false;
    }
  }

  /** Whether the text is a loopback address literal (decided from the text alone, nothing resolved). */
  static boolean isLoopbackLiteral(String h) {
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

  /**
   * The hosts a user allowed plain http to, checked and in lower case (IPv6 literals without brackets).
   *
   * @throws IllegalArgumentException naming the first host that is blank or not a host
   */
  public static Set<String> hostSet(Set<String> hosts) {
    Objects.requireNonNull(hosts, "hosts");
    Set<String> out = new TreeSet<>();
    for (String host : hosts) {
      Objects.requireNonNull(host, "a host in insecureHttpHosts");
      String h = bare(host.strip());
      URI probe;
      try {
        probe = new URI("http", null, h, -1, null, null, null);
      } catch (URISyntaxException e) {
        probe = null;
      }
      if (h.isEmpty() || probe == null || probe.getHost() == null || h.contains("/") || h.contains("@")) {
        throw new IllegalArgumentException("insecureHttpHosts: not a host name or address: '" + host + "'");
      }
      out.add(h);
    }
    return Collections.unmodifiableSet(out);
  }

  private static String bare(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
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
