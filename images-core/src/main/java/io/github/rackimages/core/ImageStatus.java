package io.github.rackimages.core;

import java.util.Locale;
import java.util.Objects;

/**
 * The API status of an image. The service documents {@code ACTIVE}, {@code SAVING}, {@code DELETED},
 * {@code ERROR} and {@code UNKNOWN}; any other value it may add is read as {@link #UNRECOGNIZED}, and
 * {@link Image#rawStatus()} keeps the text as sent.
 *
 * @since 1.0
 */
public enum ImageStatus {
  /** Ready to boot servers from. */
  ACTIVE,
  /** Being created (queued or saving); {@link Image#progress()} tells how far. */
  SAVING,
  /** Deleted; listed only with a {@code changes-since} filter. */
  DELETED,
  /** Failed (a killed snapshot); listed only with a {@code changes-since} filter. */
  ERROR,
  /** The service could not map the image's state. */
  UNKNOWN,
  /** A status this library does not know yet; see {@link Image#rawStatus()}. Never sent as a filter. */
  UNRECOGNIZED;

  private static final ImageStatus[] VALUES = values();

  /**
   * Maps the service's status text (any case) to a constant, {@link #UNRECOGNIZED} for any other value.
   *
   * @throws NullPointerException if {@code value} is null
   */
  public static ImageStatus fromValue(String value) {
    Objects.requireNonNull(value, "status");
    for (ImageStatus status : VALUES) {
      // The service sends upper case: skip the case conversion for it.
      if (status != UNRECOGNIZED && status.name().equals(value)) {
        return status;
      }
    }
    String upper = value.trim().toUpperCase(Locale.ROOT);
    for (ImageStatus status : VALUES) {
      if (status != UNRECOGNIZED && status.name().equals(upper)) {
        return status;
      }
    }
    return UNRECOGNIZED;
  }

  /** Whether a listing without {@code changes-since} shows images in this status (ACTIVE and SAVING only). */
  public boolean listedByDefault() {
    return this == ACTIVE || this == SAVING;
  }
}
