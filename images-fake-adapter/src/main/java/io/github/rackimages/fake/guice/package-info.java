/**
 * Guice wiring for the in-memory catalog: {@link io.github.rackimages.fake.guice.FakeImageCatalogModule}, configured
 * with a {@link io.github.rackimages.fake.guice.FakeCatalogConfig} or a ready catalog. Needs Guice 7 on the path;
 * the rest of the module does not.
 *
 * <p><b>Non-null by default.</b> No method in this package accepts or returns {@code null}.
 */
package io.github.rackimages.fake.guice;
