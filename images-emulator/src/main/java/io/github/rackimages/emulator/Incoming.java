package io.github.rackimages.emulator;

import java.io.InputStream;

/**
 * One request as the emulator's service logic sees it, whatever server received it: method, raw (still
 * percent-encoded) path and query, the headers the answer depends on, where the request was sent, and the body.
 *
 * @param rawPath the path as sent, never null
 * @param rawQuery the query as sent, or null when there is none
 * @param authToken the {@code X-Auth-Token} header, or null when absent
 * @param base {@code scheme://host[:port]} as the client addressed the emulator (WebOb's {@code host_url}: the
 *     {@code Host} header, the scheme's default port left out), from which links are built
 * @param accept the {@code Accept} header, or null when absent
 * @param contentType the {@code Content-Type} header, or null when absent
 */
record Incoming(
    String method,
    String rawPath,
    String rawQuery,
    String authToken,
    String base,
    String accept,
    String contentType,
    InputStream body) {

  /** Method, path and query, shortened to 200 characters, for logs; never a header, so never a token. */
  String describe() {
    String shown = rawQuery == null ? rawPath : rawPath + "?" + rawQuery;
    if (shown.length() > 200) {
      shown = shown.substring(0, 200) + "...";
    }
    return method + " " + shown;
  }

  @Override
  public String toString() {
    return "Incoming[" + describe() + "]";
  }
}
