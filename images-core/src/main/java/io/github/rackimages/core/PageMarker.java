package io.github.rackimages.core;

import java.io.Serializable;
import java.util.Objects;

/**
 * An opaque position in a listing: the service's {@code marker}, which is the id of the last image of the
 * previous page. A listing resumes strictly after it.
 *
 * @param value the marker text; not blank
 * @since 1.0
 */
public record PageMarker(String value) implements Serializable {

  /**
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank
   */
  public PageMarker {
    Objects.requireNonNull(value, "marker");
    if (value.isBlank()) {
      throw new IllegalArgumentException("marker must not be blank: '" + value + "'");
    }
  }

  /**
   * Reads a marker from text, as given to a command line or stored by an application to resume a walk.
   *
   * @throws IllegalArgumentException if {@code value} is blank
   */
  public static PageMarker of(String value) {
    return new PageMarker(value);
  }

  /**
   * The marker that resumes a listing right after the given image.
   *
   * @throws NullPointerException if {@code id} is null
   */
  public static PageMarker after(ImageId id) {
    return new PageMarker(Objects.requireNonNull(id, "image id").value());
  }

  @Override
  public String toString() {
    return value;
  }
}
