package io.github.rackimages.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an image is one of the provider's built-in images ({@code base}) or one made from a server
 * ({@code snapshot}), as the service's metadata key {@code image_type} and the {@code type} filter say.
 *
 * @since 1.0
 */
public enum ImageType {
  /** A built-in image of the provider. */
  BASE("base"),
  /** A custom image, made from a server. */
  SNAPSHOT("snapshot");

  private final String value;

  ImageType(String value) {
    this.value = value;
  }

  /** The value the service stores and matches ({@code base} or {@code snapshot}, lower case). */
  public String value() {
    return value;
  }

  /**
   * Reads {@code base} or {@code snapshot} in any case.
   *
   * @return empty for any other text
   * @throws NullPointerException if {@code value} is null
   */
  public static Optional<ImageType> fromValue(String value) {
    Objects.requireNonNull(value, "image type");
    String lower = value.trim().toLowerCase(Locale.ROOT);
    for (ImageType type : values()) {
      if (type.value.equals(lower)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads {@code base} or {@code snapshot} in any case, rejecting anything else.
   *
   * @throws IllegalArgumentException if {@code value} is neither
   */
  public static ImageType parse(String value) {
    return fromValue(value)
        .orElseThrow(
            () -> new IllegalArgumentException("image type must be 'base' or 'snapshot': '" + value + "'"));
  }
}
