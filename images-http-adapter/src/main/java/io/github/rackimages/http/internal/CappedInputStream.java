package io.github.rackimages.http.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a response body through until more than a set number of bytes went by, then fails with
 * {@link BodyTooLargeException}: a service (or anything posing as one) cannot make the client read without end.
 */
public final class CappedInputStream extends FilterInputStream {

  private final long max;
  private long count;

  /** A stream that fails once more than {@code max} bytes were read from {@code in}. */
  public CappedInputStream(InputStream in, long max) {
    super(in);
    this.max = max;
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = in.skip(n);
    if (skipped > 0) {
      count(skipped);
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void count(long n) throws BodyTooLargeException {
    count += n;
    if (count > max) {
      throw new BodyTooLargeException(max);
    }
  }

  /** The body went past the cap. An {@link IOException} so that parsers pass it on as their cause. */
  public static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    private final long max;

    BodyTooLargeException(long max) {
      super("the response body is larger than " + max + " bytes");
      this.max = max;
    }

    /** The cap that was passed. */
    public long max() {
      return max;
    }
  }
}
