package io.github.rackimages.core;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The disk configuration of an image ({@code OS-DCF:diskConfig}): whether a server built from it gets its
 * partition resized automatically.
 *
 * @since 1.0
 */
public enum DiskConfig {
  /** The service resizes the partition and file system to the flavor's disk. */
  AUTO,
  /** The partition keeps the image's size; the rest of the disk stays unpartitioned. */
  MANUAL;

  /**
   * Reads {@code AUTO} or {@code MANUAL} in any case.
   *
   * @return empty for any other text
   * @throws NullPointerException if {@code value} is null
   */
  public static Optional<DiskConfig> fromValue(String value) {
    Objects.requireNonNull(value, "disk config");
    String upper = value.trim().toUpperCase(Locale.ROOT);
    for (DiskConfig config : values()) {
      if (config.name().equals(upper)) {
        return Optional.of(config);
      }
    }
    return Optional.empty();
  }
}
