package io.github.rackimages.core;

import java.util.Objects;

/**
 * The identifier of a server, as found in a snapshot's {@link ServerReference}.
 *
 * @param value the id; not blank
 * @since 1.0
 */
public record ServerId(String value) {

  /**
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank
   */
  public ServerId {
    Objects.requireNonNull(value, "server id");
    if (value.isBlank()) {
      throw new IllegalArgumentException("server id must not be blank: '" + value + "'");
    }
  }

  /**
   * Reads a server id from text.
   *
   * @throws IllegalArgumentException if {@code value} is blank
   */
  public static ServerId of(String value) {
    return new ServerId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
