/**
 * The images library's core: the {@link io.github.rackimages.core.ImageCatalog} port, the domain types it speaks
 * and the exception tree. Depends on the JDK only.
 */
module io.github.rackimages.core {
  exports io.github.rackimages.core;
}
