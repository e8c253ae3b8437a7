/**
 * An in-memory {@link io.github.rackimages.core.ImageCatalog} with the service's semantics, for unit tests, the
 * emulator and benchmarks: {@link io.github.rackimages.fake.InMemoryImageCatalog}, image builders
 * ({@link io.github.rackimages.fake.FakeImages}), sample catalogs ({@link io.github.rackimages.fake.SampleCatalogs}),
 * ready-made failures ({@link io.github.rackimages.fake.Faults}) and an optional Guice module
 * ({@link io.github.rackimages.fake.guice.FakeImageCatalogModule}).
 */
module io.github.rackimages.fake {
  requires transitive io.github.rackimages.core;
  // Optional: only applications that install FakeImageCatalogModule need Guice on their path.
  requires static com.google.guice;

  exports io.github.rackimages.fake;
  exports io.github.rackimages.fake.guice;

  // Guice calls the module's @Provides methods reflectively; nobody else needs deep access.
  opens io.github.rackimages.fake.guice to
      com.google.guice;
}
