package io.github.rackimages.cli;

import java.util.Map;
import java.util.Objects;

/**
 * What the command line knows of where its output goes: whether a person is watching a terminal (then walks show
 * progress on stderr and tables fit the terminal's width) and how many columns it has.
 *
 * @param interactive whether standard input and output are a terminal ({@code System.console() != null})
 * @param columns the terminal's width in characters, at least 20; only used when {@code interactive}
 * @since 1.0
 */
public record Terminal(boolean interactive, int columns) {

  /** The width assumed for a terminal whose width is unknown. */
  public static final int DEFAULT_COLUMNS = 80;

  /** @throws IllegalArgumentException if {@code columns} is below 20 */
  public Terminal {
    if (columns < 20) {
      throw new IllegalArgumentException("a terminal needs at least 20 columns: " + columns);
    }
  }

  /** Output piped to a file or another program: no progress, no width limit. */
  public static Terminal piped() {
    return new Terminal(false, DEFAULT_COLUMNS);
  }

  /**
   * A terminal of this width, as tests use to see what a person would see.
   *
   * @throws IllegalArgumentException if {@code columns} is below 20
   */
  public static Terminal interactive(int columns) {
    return new Terminal(true, columns);
  }

  /**
   * The real terminal of this process: interactive when {@link System#console()} exists; its width from the
   * environment variable {@code COLUMNS} when that holds a number (shells export it only on request), else
   * {@value #DEFAULT_COLUMNS}.
   *
   * @throws NullPointerException if {@code env} is null
   */
  public static Terminal detect(Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    int columns = DEFAULT_COLUMNS;
    String value = env.get("COLUMNS");
    if (value != null) {
      try {
        columns = Math.max(20, Integer.parseInt(value.trim()));
      } catch (NumberFormatException e) {
        // A COLUMNS that is not a number is ignored, as other tools do.
      }
    }
    return new Terminal(System.console() != null, columns);
  }
}
