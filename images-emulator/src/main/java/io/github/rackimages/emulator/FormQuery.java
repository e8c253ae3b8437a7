package io.github.rackimages.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A query string read as Nova (WebOb) reads it, and written back as current Nova writes its {@code next} links.
 *
 * <ul>
 *   <li>Pairs are split on {@code &}; a pair without {@code =} has the empty value; a pair with an empty name is
 *       dropped.
 *   <li>Names and values are form-decoded: {@code +} is a space, {@code %2B} a plus; a malformed escape such as
 *       {@code %zz} is kept as written (Python's {@code unquote} does the same); the bytes are read as UTF-8, an
 *       invalid sequence becoming U+FFFD.
 *   <li>A repeated name keeps its last value ({@code MultiDict.get} semantics).
 * </ul>
 */
final class FormQuery {

  private static final FormQuery EMPTY = new FormQuery(Map.of());
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final Map<String, String> values;

  private FormQuery(Map<String, String> values) {
    this.values = values;
  }

  /**
   * Reads a raw (still encoded) query.
   *
   * @param rawQuery the query without {@code ?}, or {@code null} for none
   */
  static FormQuery parse(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return EMPTY;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : rawQuery.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
      if (!name.isEmpty()) {
        values.put(name, value);
      }
    }
    return new FormQuery(Collections.unmodifiableMap(values));
  }

  /** The last value given for {@code name}. */
  Optional<String> get(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** Every parameter with its last value, in order of first appearance. */
  Map<String, String> values() {
    return values;
  }

  /**
   * The query of the {@code next} link: every parameter of this query (unknown ones included) with {@code marker}
   * set to the given id, sorted by name as current Nova sorts them, each name and value percent-encoded. A space is
   * written {@code %20} rather than Python's {@code +}: both mean a space to a form decoder such as Nova's, but only
   * {@code %20} does to an RFC 3986 decoder.
   */
  String nextQuery(String marker) {
    Objects.requireNonNull(marker, "marker");
    TreeMap<String, String> sorted = new TreeMap<>(values);
    sorted.put("marker", marker);
    StringBuilder q = new StringBuilder();
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      if (q.length() > 0) {
        q.append('&');
      }
      q.append(encode(e.getKey())).append('=').append(encode(e.getValue()));
    }
    return q.toString();
  }

  /**
   * Decodes one path segment: percent-escapes only, a {@code +} stays a plus (as a WSGI server hands
   * {@code PATH_INFO} to Nova).
   */
  static String decodePathSegment(String raw) {
    return decode(raw, false);
  }

  /** Percent-encodes everything but the unreserved characters {@code A-Z a-z 0-9 - . _ ~}. */
  static String encode(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private static String decode(String raw, boolean plusIsSpace) {
    boolean plain = true;
    for (int i = 0; i < raw.length() && plain; i++) {
      char c = raw.charAt(i);
      plain = c != '%' && c != '+' && c < 0x80;
    }
    if (plain) {
      return raw;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%' && hex(raw, i + 1) >= 0 && hex(raw, i + 2) >= 0) {
        bytes.write((hex(raw, i + 1) << 4) | hex(raw, i + 2));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        bytes.write(' ');
      } else if (c <= 0xff) {
        // The JDK server reads the request line as ISO-8859-1, one char per byte: raw UTF-8 bytes come back whole.
        bytes.write(c);
      } else {
        byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The value of an ASCII hex digit at {@code at}, or -1 (Character.digit would also accept other scripts' digits). */
  private static int hex(String s, int at) {
    if (at >= s.length()) {
      return -1;
    }
    char c = s.charAt(at);
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  @Override
  public String toString() {
    return "FormQuery" + values;
  }
}
