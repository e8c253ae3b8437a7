package io.github.rackimages.emulator;

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
}
