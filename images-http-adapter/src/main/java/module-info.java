/**
 * The HTTP adapter: {@link io.github.rackimages.core.ImageCatalog} over the Rackspace Cloud Servers / OpenStack
 * Compute v2 images API. Start with {@link io.github.rackimages.http.HttpImageCatalog#builder()}, or install
 * {@link io.github.rackimages.http.guice.HttpImageCatalogModule} (Guice is optional).
 */
module io.github.rackimages.http {
  requires transitive io.github.rackimages.core;
  requires transitive java.net.http;
  requires jakarta.json;
  requires jakarta.json.bind;


  exports io.github.rackimages.http;
  exports io.github.rackimages.http.auth;


  // The wire format is shared with the emulator only; applications use the port.
  exports io.github.rackimages.http.wire to io.github.rackimages.emulator;
  opens io.github.rackimages.http.wire to org.eclipse.yasson;

}
