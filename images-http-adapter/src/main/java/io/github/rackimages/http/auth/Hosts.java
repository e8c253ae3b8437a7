package io.github.rackimages.http.auth;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks on the URLs credentials and tokens are sent to. */
final class Hosts {

  private static final Pattern IPV4_LOOPBACK = Pattern.compile("127\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

  private Hosts() {}

  /**
   * Whether {@code host} names this machine without a DNS look-up: {@code localhost}, {@code 127.0.0.0/8} or
   * {@code ::1}. A name that merely resolves to a loopback address does not count, since the answer could change.
   */
  static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
      return true;
    }
    var m = IPV4_LOOPBACK.matcher(h);
    if (!m.matches()) {
      return false;
    }
    for (int i = 1; i <= 3; i++) {
      if (Integer.parseInt(m.group(i)) > 255) {
        return false;
      }
    }
    return true;
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
