package io.github.rackimages.http.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding of the UTF-8 bytes of a text. {@link java.net.URLEncoder} is not used: it writes a
 * space as {@code +}, which the service would read back as a literal plus in a path and which a {@code +hh:mm}
 * offset depends on.
 */
public final class Percent {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Percent() {}

  /**
   * Encodes everything but the unreserved characters ({@code A-Z a-z 0-9 - . _ ~}): safe in any URI part.
   *
   * @throws IllegalArgumentException if the text holds an unpaired surrogate
   */
  public static String encode(String text) {
    return encode(text, false);
  }

  /**
   * Encodes a query value: as {@link #encode(String)}, but keeps {@code :}, which RFC 3986 allows in a query,
   * so that times stay readable in logs ({@code changes-since=2015-03-10T18:35:18Z}).
   */
  public static String encodeQueryValue(String text) {
    return encode(text, true);
  }

  /** Encodes one path segment; a segment of dots only is encoded too, so that it cannot mean "this" or "up". */
  public static String encodePathSegment(String text) {
    String encoded = encode(text, false);
    return text.chars().allMatch(c -> c == '.') ? encoded.replace(".", "%2E") : encoded;
  }

  private static String encode(String text, boolean keepColon) {
    checkUnicode(text);
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (unreserved(c) || (keepColon && c == ':')) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  /**
   * Refuses text with an unpaired surrogate: it has no UTF-8 form, and {@link String#getBytes} would silently
   * send {@code ?} in its place, so that the service would see another value than the one given.
   *
   * @throws IllegalArgumentException naming the index of the first unpaired surrogate
   */
  static void checkUnicode(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            "text is not valid Unicode: an unpaired surrogate at index " + i + " has no UTF-8 form to send");
      }
    }
  }

  private static boolean unreserved(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /**
   * Decodes percent-escapes into UTF-8 text; {@code +} stays a plus (RFC 3986, not form encoding).
   *
   * @throws IllegalArgumentException if an escape is malformed, the bytes are not UTF-8, or the text holds a
   *     character that should have been encoded (non-ASCII)
   */
  public static String decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length()) {
          throw new IllegalArgumentException("truncated percent-escape at index " + i);
        }
        int hi = Character.digit(text.charAt(i + 1), 16);
        int lo = Character.digit(text.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("malformed percent-escape at index " + i);
        }
        bytes.write((hi << 4) | lo);
        i += 2;
      } else if (c > 0x7f) {
        throw new IllegalArgumentException("unencoded non-ASCII character at index " + i);
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
      throw new IllegalArgumentException("percent-escapes are not UTF-8", e);
    }
  }
}
