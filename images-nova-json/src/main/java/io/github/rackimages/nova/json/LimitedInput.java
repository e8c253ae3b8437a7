package io.github.rackimages.nova.json;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A body as the parser reads it, failing as soon as one string or number token, or the whole body, grows past its
 * {@link ReadLimits}. The check has to come before the parser: Parsson gathers a whole token in a buffer before
 * the reader sees any of it, so a token of a gigabyte would fill the heap before a check on the read string ran.
 * Characters are counted as UTF-8 lead bytes, as written (an escape counts as its characters).
 */
final class LimitedInput extends FilterInputStream {

  private final ReadLimits limits;
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
      scan(new byte[] {(byte) b}, 0, 1);
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
   * Counts {@code buf[from..to)}: one tight loop over locals (this runs over every byte of every page, so it is
   * kept free of field writes and calls), the state written back once at the end.
   */
  private void scan(byte[] buf, int from, int to) {
    long maxToken = limits.maxStringChars();
    long chars = this.chars;
    long token = this.token;
    boolean inString = this.inString;
    boolean escaped = this.escaped;
    for (int i = from; i < to; i++) {
      byte b = buf[i];
      if ((b & 0xC0) == 0x80) {
        continue; // a UTF-8 continuation byte: part of a character already counted
      }
      chars++;
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (b == '\\') {
          escaped = true;
        } else if (b == '"') {
          inString = false;
          token = 0;
          continue;
        }
        token++;
      } else if (b == '"') {
        inString = true;
        token = 0;
      } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == ',' || b == ':' || b == '{' || b == '}'
          || b == '[' || b == ']') {
        token = 0;
      } else {
        token++; // a number or literal
      }
      if (token > maxToken) {
        throw limits.exceeded("maxStringChars", maxToken,
            "a string or number near character " + chars + " of the body is longer");
      }
    }
    if (chars > limits.maxPageChars()) {
      throw limits.exceeded("maxPageChars", limits.maxPageChars(), "the body is longer");
    }
    this.chars = chars;
    this.token = token;
    this.inString = inString;
    this.escaped = escaped;
  }
}
