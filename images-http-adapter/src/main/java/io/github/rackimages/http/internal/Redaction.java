package io.github.rackimages.http.internal;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Makes a short excerpt of a response body safe to put in an exception: the token we sent is cut out wherever it
 * is echoed, as are the values of keys that name secrets ({@code token}, {@code X-Auth-Token}, {@code apiKey},
 * {@code password}, {@code secret}) in JSON or form-like text; white space is collapsed so that the excerpt is
 * one line.
 */
public final class Redaction {

  private static final String MASK = "****";

  /** The longest body excerpt an exception keeps, in characters: enough for a fault, short enough for a log. */
  public static final int MAX_EXCERPT = 512;

  // "apiKey": "abc", "X-Auth-Token":"abc", token=abc, password: abc; also inside an escaped JSON string
  // (\"apiKey\": \"abc\"), as fault details sometimes carry one.
  private static final Pattern SECRET_VALUES =
      Pattern.compile(
          "(?i)((?:x-auth-token|x-subject-token|auth[_-]?token|token|api[_-]?key|password|passcode|secret)"
              + "(?:\\\\?\")?\\s*[:=]\\s*(?:\\\\?\")?)([^\"\\\\\\s,;&}<]+)");

  private Redaction() {}

  /**
   * A one-line, redacted excerpt of at most {@code maxChars} characters of {@code body}, which may be cut
   * anywhere (a cut UTF-8 sequence becomes a replacement character).
   *
   * @param secret the token sent with the request, cut out wherever it appears; may be null
   */
  public static String excerpt(byte[] body, int length, String secret, int maxChars) {
    // new String(...) replaces malformed input, such as a sequence cut at the end.
    String text = new String(body, 0, Math.min(length, body.length), StandardCharsets.UTF_8);
    return excerpt(text, secret, maxChars);
  }

  /** A one-line, redacted excerpt of {@code body}, at most {@link #MAX_EXCERPT} characters. */
  public static String excerpt(byte[] body, int length, String secret) {
    return excerpt(body, length, secret, MAX_EXCERPT);
  }

  /** As {@link #excerpt(byte[], int, String, int)}, for text. */
  public static String excerpt(String text, String secret, int maxChars) {
    String s = text;
    if (secret != null && !secret.isEmpty()) {
      s = s.replace(secret, MASK);
      // A body cut short may end in the first part of the token.
      for (int k = Math.min(secret.length() - 1, s.length()); k >= 4; k--) {
        if (s.endsWith(secret.substring(0, k))) {
          s = s.substring(0, s.length() - k) + MASK;
          break;
        }
      }
    }
    s = SECRET_VALUES.matcher(s).replaceAll("$1" + MASK);
    s = s.replaceAll("[\\s\\p{Cntrl}]+", " ").trim();
    return cut(s, maxChars);
  }

  /**
   * {@code text} cut to its first {@code maxChars} characters (one fewer when the cut would split a surrogate
   * pair) followed by {@code ...}; text no longer than that unchanged.
   */
  public static String cut(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int end = maxChars > 0 && Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
    return text.substring(0, end) + "...";
  }

  /** Shortens a text the service wrote (a fault message) and redacts it as an excerpt. */
  public static String message(String text, String secret) {
    return excerpt(text, secret, 300);
  }
}
