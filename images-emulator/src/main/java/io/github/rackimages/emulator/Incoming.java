package io.github.rackimages.emulator;

import java.io.InputStream;

/**
 * One request as the emulator's service logic sees it, whatever server received it: method, raw (still
 * percent-encoded) path and query, the token header and the body.
 *
 * @param rawPath the path as sent, never null
 * @param rawQuery the query as sent, or null when there is none
 * @param authToken the {@code X-Auth-Token} header, or null when absent
 */
record Incoming(String method, String rawPath, String rawQuery, String authToken, InputStream body) {

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
