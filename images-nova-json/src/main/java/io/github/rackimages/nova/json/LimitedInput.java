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
      scan((byte) b);
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = in.read(buf, off, len);
    for (int i = 0; i < n; i++) {
      scan(buf[off + i]);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes would escape the count: read them instead.
    return Math.max(0, read(new byte[(int) Math.max(0, Math.min(n, 8192))]));
  }

  private void scan(byte b) {
    if ((b & 0xC0) == 0x80) {
      return; // a UTF-8 continuation byte: part of a character already counted
    }
    if (++chars > limits.maxPageChars()) {
      throw limits.exceeded("maxPageChars", limits.maxPageChars(), "the body is longer");
    }
    if (inString) {
      if (escaped) {
        escaped = false;
      } else if (b == '\\') {
        escaped = true;
      } else if (b == '"') {
        inString = false;
        token = 0;
        return;
      }
      grow();
    } else if (b == '"') {
      inString = true;
      token = 0;
    } else if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == ',' || b == ':' || b == '{' || b == '}'
        || b == '[' || b == ']') {
      token = 0;
    } else {
      grow(); // a number or literal
    }
  }

  private void grow() {
    if (++token > limits.maxStringChars()) {
      throw limits.exceeded("maxStringChars", limits.maxStringChars(),
          "a string or number near character " + chars + " of the body is longer");
    }
  }
}
