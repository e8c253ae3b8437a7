package io.github.rackimages.cli;

import io.github.rackimages.core.ImageCatalog;

/**
 * Where the images come from for one run: the catalog and how to name it in messages.
 *
 * @param catalog the catalog
 * @param description a short name for messages, such as {@code the sample catalog}
 * @param credentials what to check when the source refuses the credentials
 */
record Source(ImageCatalog catalog, String description, String credentials) {

  /** A source that needs no credentials. */
  Source(ImageCatalog catalog, String description) {
    this(catalog, description, "the credentials");
  }
}
