package io.github.rackimages.core;

import java.net.URI;
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
  private final URI href;
  private final String type;

  private Link(String rel, URI href, String type) {
    this.rel = Objects.requireNonNull(rel, "link rel");
    this.href = Objects.requireNonNull(href, "link href");
    this.type = type;
  }

  /**
   * A link without a media type.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Link of(String rel, URI href) {
    return new Link(rel, href, null);
  }

  /**
   * A link with a media type, such as the {@code alternate} link's {@code application/vnd.openstack.image}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Link of(String rel, URI href, String type) {
    return new Link(rel, href, Objects.requireNonNull(type, "link type"));
  }

  /** The relation: {@code self}, {@code bookmark}, {@code alternate} or any other the service sends. */
  public String rel() {
    return rel;
  }

  /** The target, as sent. */
  public URI href() {
    return href;
  }

  /** The media type, when the service gave one. */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Link other
        && rel.equals(other.rel)
        && href.equals(other.href)
        && Objects.equals(type, other.type);
  }

  @Override
  public int hashCode() {
    return Objects.hash(rel, href, type);
  }

  @Override
  public String toString() {
    return "Link[rel=" + rel + ", href=" + href + (type == null ? "" : ", type=" + type) + "]";
  }
}
