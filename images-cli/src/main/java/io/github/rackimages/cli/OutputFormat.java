package io.github.rackimages.cli;

/** The output formats of {@code images list} and {@code images show}. */
enum OutputFormat {
  /** Aligned columns for people. */
  TABLE,
  /** The service's JSON shape, loadable again with {@code --catalog}. */
  JSON,
  /** One id per line, for scripts (list only). */
  IDS
}
