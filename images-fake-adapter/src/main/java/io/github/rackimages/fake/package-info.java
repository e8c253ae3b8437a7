/**
 * An in-memory image catalog that behaves as the Rackspace service does, and what tests need around it.
 *
 * <ul>
 *   <li>{@link io.github.rackimages.fake.InMemoryImageCatalog}: the thread-safe catalog, with mutations, call
 *       counting and fault injection;
 *   <li>{@link io.github.rackimages.fake.FakeImages}: image builders pre-filled the way Rackspace fills images;
 *   <li>{@link io.github.rackimages.fake.SampleCatalogs}: a realistic sample account and a generator of large,
 *       deterministic catalogs;
 *   <li>{@link io.github.rackimages.fake.Faults}: the {@link io.github.rackimages.fake.Fault}s to script with
 *       {@code failNext}, shaped as the service reports them, or your own.
 * </ul>
 *
 * <p><b>Non-null by default.</b> No method in this package accepts or returns {@code null} unless its Javadoc
 * says so; absence is expressed with {@link java.util.Optional} in return values.
 */
package io.github.rackimages.fake;
