/**
 * A local HTTP server that answers as Rackspace Cloud Servers does (identity v2.0 tokens and the compute v2 images
 * API) over any {@link io.github.rackimages.core.ImageCatalog}: {@link io.github.rackimages.emulator.ImageEmulator}.
 */
module io.github.rackimages.emulator {
  requires transitive io.github.rackimages.core;
  requires io.github.rackimages.fake;
  requires io.github.rackimages.nova.json;
  requires org.eclipse.jetty.server;
  requires org.eclipse.jetty.http;
  requires org.eclipse.jetty.io;
  requires org.eclipse.jetty.util;
  requires jakarta.json;

  exports io.github.rackimages.emulator;
}
