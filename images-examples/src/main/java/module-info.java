/**
 * Small example programs showing the three ways to use the library: embedding an adapter
 * ({@link io.github.rackimages.examples.GuiceWiringExample}), testing an application against the fake
 * ({@link io.github.rackimages.examples.LatestImageFinder}), and writing an adapter of one's own
 * ({@link io.github.rackimages.examples.CachingImageCatalog}); and two listeners on the HTTP adapter's attempts,
 * {@link io.github.rackimages.examples.JfrCatalogListener} and {@link io.github.rackimages.examples.LoggingCatalogListener}.
 */
// Guice 7 is an automatic module; it is transitive because GuiceWiringExample's API returns its Injector.
@SuppressWarnings("requires-transitive-automatic")
module io.github.rackimages.examples {
  requires transitive io.github.rackimages.core;
  requires transitive io.github.rackimages.http;
  requires transitive com.google.guice;
  requires jdk.jfr; // JfrCatalogListener's event

  exports io.github.rackimages.examples;

  // Guice calls the example application module's @Provides methods reflectively.
  opens io.github.rackimages.examples to
      com.google.guice;
}
