package io.github.rackimages.emulator;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Where the emulator is reached, as it advertises itself in tokens, links and headers.
 *
 * @param base {@code http://host:port}, without a trailing slash
 * @param identity {@code base + "/v2.0"}
 * @param compute {@code base + "/v2/" + tenant}
 */
record Urls(String base, String identity, String compute) {

  static Urls of(String base, String tenantId) {
    return new Urls(base, base + "/v2.0", base + "/v2/" + tenantId);
  }

  /** The URLs of an emulator listening on this address and port. */
  static Urls of(InetAddress host, int port, String tenantId) {
    return of("http://" + advertised(host) + ":" + port, tenantId);
  }

  /** The host as written in URLs: a wildcard address is advertised as loopback, an IPv6 one in brackets. */
  private static String advertised(InetAddress host) {
    if (host.isAnyLocalAddress()) {
      return "127.0.0.1";
    }
    String address = host.getHostAddress();
    if (host instanceof Inet6Address) {
      int scope = address.indexOf('%');
      return "[" + (scope < 0 ? address : address.substring(0, scope)) + "]";
    }
    return address;
  }
}
