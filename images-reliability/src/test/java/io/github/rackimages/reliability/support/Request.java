package io.github.rackimages.reliability.support;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A request as a loopback server received it: method, request target as sent, headers (names in lower case) and
 * body.
 */
public record Request(String method, String target, Map<String, List<String>> headers, byte[] body) {

  /** The raw path (before any {@code ?}). */
  public String rawPath() {
    int q = target.indexOf('?');
    return q < 0 ? target : target.substring(0, q);
  }

  /** The raw query, if any. */
  public Optional<String> rawQuery() {
    int q = target.indexOf('?');
    return q < 0 ? Optional.empty() : Optional.of(target.substring(q + 1));
  }

  /** The first value of a header, any case. */
  public Optional<String> header(String name) {
    List<String> v = headers.get(name.toLowerCase(Locale.ROOT));
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The whole request as text (ISO-8859-1, byte for byte), for "does it contain this secret" checks. */
  public String asText() {
    StringBuilder s = new StringBuilder(method).append(' ').append(target).append('\n');
    headers.forEach((k, v) -> v.forEach(value -> s.append(k).append(": ").append(value).append('\n')));
    return s.append('\n').append(new String(body, StandardCharsets.ISO_8859_1)).toString();
  }

  /** The query's parameters decoded as RFC 3986 percent-encoding of UTF-8 (a {@code +} stays a plus), in order. */
  public List<Map.Entry<String, String>> queryParameters() {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    String q = rawQuery().orElse("");
    if (q.isEmpty()) {
      return out;
    }
    for (String pair : q.split("&", -1)) {
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      out.add(Map.entry(decode(k), decode(v)));
    }
    return out;
  }

  /** The decoded value of the only parameter of that name; fails if it is absent or repeated. */
  public String queryParameter(String name) {
    List<String> values =
        queryParameters().stream().filter(e -> e.getKey().equals(name)).map(Map.Entry::getValue).toList();
    if (values.size() != 1) {
      throw new AssertionError("expected one '" + name + "' parameter in " + target + " but found " + values);
    }
    return values.get(0);
  }

  /** Strict percent-decoding of UTF-8: a malformed escape or invalid UTF-8 fails the test. */
  public static String decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else if (c > 0x7e || c < 0x21) {
        throw new AssertionError("unencoded character " + (int) c + " in a request target: " + text);
      } else {
        bytes.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new AssertionError("not UTF-8 after decoding: " + text, e);
    }
  }
}
