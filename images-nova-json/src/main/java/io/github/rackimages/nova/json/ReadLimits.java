package io.github.rackimages.nova.json;

/**
 * How much one body may make the reader hold: the longest string (or number), the most images in one list, and
 * the most characters in the whole body. A body past a limit fails at once with a {@link WireFormatException}
 * that names the limit and its value, before the reader has kept what is too large; without limits a hostile or
 * broken page of 1,000 names of a megabyte each fills any small heap. The defaults are generous for real
 * Rackspace data (names of at most 255 characters, metadata values of a few hundred, pages of at most 1,000
 * images, about 1.5 MB per page of 1,000 detailed images).
 *
 * <pre>{@code
 * ReadLimits limits = ReadLimits.defaults().withMaxStringChars(1 << 20);
 * }</pre>
 *
 * @param maxStringChars the longest string or number token, in characters as written in the body (an escape
 *     such as {@code \u00e9} counts as written)
 * @param maxImagesPerPage the most images (or summaries) in one list body
 * @param maxPageChars the most characters in one body
 * @since 1.0
 */
public record ReadLimits(int maxStringChars, int maxImagesPerPage, long maxPageChars) {

  /** The default longest string: 64 Ki characters, 256 times the longest name Nova accepts. */
  public static final int DEFAULT_MAX_STRING_CHARS = 64 * 1024;

  /** The default most images per list: 10,000, ten times the most the service sends in one page. */
  public static final int DEFAULT_MAX_IMAGES_PER_PAGE = 10_000;

  /** The default most characters per body: 64 Mi, about forty pages of 1,000 detailed images. */
  public static final long DEFAULT_MAX_PAGE_CHARS = 64L * 1024 * 1024;

  private static final ReadLimits DEFAULTS =
      new ReadLimits(DEFAULT_MAX_STRING_CHARS, DEFAULT_MAX_IMAGES_PER_PAGE, DEFAULT_MAX_PAGE_CHARS);

  /** @throws IllegalArgumentException if a limit is below 1 (or the string limit below 256) */
  public ReadLimits {
    if (maxStringChars < 256) {
      throw new IllegalArgumentException("maxStringChars must be >= 256: " + maxStringChars);
    }
    if (maxImagesPerPage < 1) {
      throw new IllegalArgumentException("maxImagesPerPage must be >= 1: " + maxImagesPerPage);
    }
    if (maxPageChars < 1) {
      throw new IllegalArgumentException("maxPageChars must be >= 1: " + maxPageChars);
    }
  }

  /** 64 Ki characters per string, 10,000 images and 64 Mi characters per body. */
  public static ReadLimits defaults() {
    return DEFAULTS;
  }

  /**
   * The defaults with no bound on images or characters per body, for files a user wrote (a whole catalog);
   * strings stay bounded.
   */
  public static ReadLimits forFiles() {
    return new ReadLimits(DEFAULT_MAX_STRING_CHARS, Integer.MAX_VALUE, Long.MAX_VALUE);
  }

  /**
   * With another longest string.
   *
   * @throws IllegalArgumentException if below 256
   */
  public ReadLimits withMaxStringChars(int chars) {
    return new ReadLimits(chars, maxImagesPerPage, maxPageChars);
  }

  /**
   * With another most images per list.
   *
   * @throws IllegalArgumentException if below 1
   */
  public ReadLimits withMaxImagesPerPage(int images) {
    return new ReadLimits(maxStringChars, images, maxPageChars);
  }

  /**
   * With another most characters per body.
   *
   * @throws IllegalArgumentException if below 1
   */
  public ReadLimits withMaxPageChars(long chars) {
    return new ReadLimits(maxStringChars, maxImagesPerPage, chars);
  }

  /** The failure for a body past limit {@code name}. */
  WireFormatException exceeded(String name, long value, String what) {
    return new WireFormatException("the body exceeds the read limit " + name + " = " + value + ": " + what
        + " (raise it with ReadLimits.with" + Character.toUpperCase(name.charAt(0)) + name.substring(1)
        + ", given to the HTTP catalog as HttpCatalogConfig.Builder.readLimits)");
  }
}
