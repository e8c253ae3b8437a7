package io.github.rackimages.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An image as the summary list ({@code GET /images}) reports it: id, name and links only.
 *
 * @since 1.0
 */
public final class ImageSummary {

  private final ImageId id;
  private final String name;
  private final List<Link> links;

  private ImageSummary(ImageId id, String name, List<Link> links) {
    this.id = Objects.requireNonNull(id, "image id");
    this.name = name;
    this.links = List.copyOf(Objects.requireNonNull(links, "links"));
  }

  /**
   * A summary.
   *
   * @param name the name, or {@code null} when the image has none (the service allows that)
   * @throws NullPointerException if {@code id}, {@code links} or a link is null
   */
  public static ImageSummary of(ImageId id, String name, List<Link> links) {
    return new ImageSummary(id, name, links);
  }

  /** The image's id. */
  public ImageId id() {
    return id;
  }

  /** The name; empty when the service sent {@code null}. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The image's links as sent; unmodifiable, possibly empty. */
  public List<Link> links() {
    return links;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageSummary other
        && id.equals(other.id)
        && Objects.equals(name, other.name)
        && links.equals(other.links);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, links);
  }

  @Override
  public String toString() {
    return "ImageSummary[id=" + id + ", name=" + name + "]";
  }
}
