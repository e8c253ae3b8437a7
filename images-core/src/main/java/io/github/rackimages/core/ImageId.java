package io.github.rackimages.core;

import java.util.Objects;

/**
 * The identifier of an image, as the service assigns it (a UUID on Rackspace, but treated as opaque text).
 *
 * @param value the id; not blank
 * @since 1.0
 */
public record ImageId(String value) implements Comparable<ImageId> {

  /**
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank
   */
  public ImageId {
    Objects.requireNonNull(value, "image id");
    if (value.isBlank()) {
      throw new IllegalArgumentException("image id must not be blank: '" + value + "'");
    }
  }

  /**
   * Reads an image id from text.
   *
   * @throws IllegalArgumentException if {@code value} is blank
   */
  public static ImageId of(String value) {
    return new ImageId(value);
  }

  @Override
  public int compareTo(ImageId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
