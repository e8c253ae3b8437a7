/**
 * A local HTTP server that answers as Rackspace Cloud Servers does (identity v2.0 tokens and the compute v2 images
 * API) over any {@link io.github.rackimages.core.ImageCatalog}: {@link io.github.rackimages.emulator.ImageEmulator}.
 */
module io.github.rackimages.emulator {
  requires transitive io.github.rackimages.core;
  requires io.github.rackimages.fake;
  requires io.github.rackimages.nova.json;
  requires jdk.httpserver;
  requires jakarta.json;

  exports io.github.rackimages.emulator;
}
