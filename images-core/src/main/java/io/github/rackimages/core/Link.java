package io.github.rackimages.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

/**
 * A link of an image or server ({@code self}, {@code bookmark}, {@code alternate}). Links are reported as sent;
 * the library never follows them.
 *
 * @since 1.0
 */
public final class Link {

  private final String rel;
  private final String hrefText;
  private final String type;
  // Built on first use: parsing thousands of hrefs per page that callers rarely read costs more than the rest of
  // the page (measured in images-benchmarks' ParseCostBreakdown).
  private volatile URI href;

  private Link(String rel, String hrefText, URI href, String type) {
    this.rel = Objects.requireNonNull(rel, "link rel");
    this.hrefText = hrefText;
    this.href = href;
    this.type = type;
  }

  /**
   * A link without a media type.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Link of(String rel, URI href) {
    Objects.requireNonNull(href, "link href");
    return new Link(rel, href.toString(), href, null);
  }

  /**
   * A link with a media type, such as the {@code alternate} link's {@code application/vnd.openstack.image}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Link of(String rel, URI href, String type) {
    Objects.requireNonNull(href, "link href");
    return new Link(rel, href.toString(), href, Objects.requireNonNull(type, "link type"));
  }

  /**
   * A link whose target is given as text, as a response body carries it. The text is kept exactly as given and
   * checked at once: an href that is not a URI reference is refused here, not when {@link #href()} is first
   * called. (The {@link URI} itself is built on first use when the text has the plain {@code http(s)://} shape every
   * service link has; reading a page of a thousand images otherwise costs more in URIs than in the rest.)
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code href} is not a URI reference
   */
  public static Link of(String rel, String href) {
    return fromText(rel, href, null);
  }

  /**
   * A link with a media type whose target is given as text; see {@link #of(String, String)}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code href} is not a URI reference
   */
  public static Link of(String rel, String href, String type) {
    return fromText(rel, href, Objects.requireNonNull(type, "link type"));
  }

  private static Link fromText(String rel, String href, String type) {
    Objects.requireNonNull(href, "link href");
    if (isPlainHttpUrl(href)) {
      return new Link(rel, href, null, type);
    }
    try {
      return new Link(rel, href, new URI(href), type);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("link href is not a URI: " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code s} has the shape every service link has ({@code http(s)://host[:port][/path]} with only legal
   * characters), which {@link URI#create} always accepts; anything else is parsed at once.
   */
  private static boolean isPlainHttpUrl(String s) {
    int i;
    if (s.startsWith("https://")) {
      i = 8;
    } else if (s.startsWith("http://")) {
      i = 7;
    } else {
      return false;
    }
    int n = s.length();
    int hostStart = i;
    while (i < n && isHostChar(s.charAt(i))) {
      i++;
    }
    if (i == hostStart) {
      return false;
    }
    if (i < n && s.charAt(i) == ':') {
      int portStart = ++i;
      while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        i++;
      }
      if (i == portStart || i - portStart > 5) {
        return false;
      }
    }
    if (i == n) {
      return true;
    }
    if (s.charAt(i) != '/') {
      return false;
    }
    for (; i < n; i++) {
      char c = s.charAt(i);
      if (c == '%') {
        if (i + 2 >= n || Character.digit(s.charAt(i + 1), 16) < 0 || Character.digit(s.charAt(i + 2), 16) < 0) {
          return false;
        }
        i += 2;
      } else if (!isPathChar(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHostChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
  }

  private static boolean isPathChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
  }

  /** The relation: {@code self}, {@code bookmark}, {@code alternate} or any other the service sends. */
  public String rel() {
    return rel;
  }

  /** The target, as sent ({@code href().toString()} is the text exactly as given). */
  public URI href() {
    URI uri = href;
    if (uri == null) {
      uri = URI.create(hrefText);
      href = uri;
    }
    return uri;
  }

  /** The media type, when the service gave one. */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Link other
        && rel.equals(other.rel)
        && hrefText.equals(other.hrefText)
        && Objects.equals(type, other.type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rel, hrefText, type);
  }

  @Override
  public String toString() {
    return "Link[rel=" + rel + ", href=" + hrefText + (type == null ? "" : ", type=" + type) + "]";
  }
}
