package io.github.rackimages.nova.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body as it is read, failing as soon as one string or number token, or the whole body, grows past its
 * {@link ReadLimits} (checked at the end of each buffer read, so at most one buffer late). The check has to come
 * before the parser: Parsson gathers a whole token in a buffer before the reader sees any of it, so a token of a
 * gigabyte would fill the heap before a check on the read string ran. Characters are counted as UTF-8 lead bytes,
 * as written (an escape counts as its characters).
 */
final class LimitedInput extends FilterInputStream {

  private final ReadLimits limits;
  private final byte[] one = new byte[1];
  private long chars;
  private long token;
  private boolean inString;
  private boolean escaped;

  LimitedInput(InputStream in, ReadLimits limits) {
    super(in);
    this.limits = limits;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      one[0] = (byte) b;
      scan(one, 0, 1);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = in.read(buf, off, len);
    if (n > 0) {
      scan(buf, off, off + n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes would escape the count: read them instead.
    return Math.max(0, read(new byte[(int) Math.max(0, Math.min(n, 8192))]));
  }

  /**
   * Counts {@code buf[from..to)}: tight loops over locals (this runs over every byte of every page, so it is kept
   * free of field writes and calls), the state written back once at the end. Inside a string, where nearly all the
   * bytes of a body are, an inner loop only looks for the closing quote or an escape. A token's length is checked
   * when it ends and at the end of the buffer, so a token too long is caught at most one buffer late.
   */
  private void scan(byte[] buf, int from, int to) {
    long maxToken = limits.maxStringChars();
    long chars = this.chars;
    long token = this.token;
    boolean inString = this.inString;
    boolean escaped = this.escaped;
    int i = from;
    while (i < to) {
      if (inString) {
        if (escaped) {
          // The byte after a backslash never ends the string.
          escaped = false;
          if ((buf[i++] & 0xC0) != 0x80) {
            chars++;
            token++;
          }
          continue;
        }
        int start = i;
        int continuation = 0;
        boolean special = false;
        byte b = 0;
        while (i < to) {
          b = buf[i++];
          if (b == '"' || b == '\\') {
            special = true;
            break;
          }
          if ((b & 0xC0) == 0x80) {
            continuation++; // part of a character already counted
          }
        }
        int counted = i - start - continuation;
        chars += counted;
        if (!special) {
          token += counted; // the buffer ends inside the string
        } else if (b == '\\') {
          token += counted;
          escaped = true;
        } else {
          token += counted - 1; // the closing quote is not part of the token
          if (token > maxToken) {
            throw tooLong(maxToken, chars);
          }
          inString = false;
          token = 0;
        }
        continue;
      }
      byte b = buf[i++];
      if ((b & 0xC0) == 0x80) {
        continue;
      }
      chars++;
      if (b == '"') {
        if (token > maxToken) {
          throw tooLong(maxToken, chars);
        }
        inString = true;
        token = 0;
      } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == ',' || b == ':' || b == '{' || b == '}'
          || b == '[' || b == ']') {
        if (token > maxToken) {
          throw tooLong(maxToken, chars);
        }
        token = 0;
      } else {
        token++; // a number or literal
      }
    }
    if (token > maxToken) {
      throw tooLong(maxToken, chars);
    }
    if (chars > limits.maxPageChars()) {
      throw limits.exceeded("maxPageChars", limits.maxPageChars(), "the body is longer");
    }
    this.chars = chars;
    this.token = token;
    this.inString = inString;
    this.escaped = escaped;
  }

  private RuntimeException tooLong(long maxToken, long chars) {
    return limits.exceeded("maxStringChars", maxToken,
        "a string or number near character " + chars + " of the body is longer");
  }
}
