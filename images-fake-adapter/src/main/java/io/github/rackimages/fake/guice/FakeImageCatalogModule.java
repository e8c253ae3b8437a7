package io.github.rackimages.fake.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.fake.InMemoryImageCatalog;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Binds the in-memory catalog, for applications that swap the HTTP adapter's module for this one in their tests.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(
 *     FakeImageCatalogModule.of(FakeCatalogConfig.of(SampleCatalogs.rackspace())),
 *     new MyApplicationModule());
 * InMemoryImageCatalog fake = injector.getInstance(InMemoryImageCatalog.class); // to inject faults, count calls
 * }</pre>
 *
 * <p><b>Bindings provided</b> (both in singleton scope, the same object):
 *
 * <ul>
 *   <li>{@link ImageCatalog}, linked to
 *   <li>{@link InMemoryImageCatalog}: the instance given to {@link #of(InMemoryImageCatalog)}, or a catalog built
 *       from the {@link FakeCatalogConfig} given to {@link #of(FakeCatalogConfig)} (one per injector).
 * </ul>
 *
 * <p><b>Bindings required:</b> none.
 *
 * <p>The module does no I/O and has no conditional logic; building a catalog from a configuration only copies the
 * images into memory.
 *
 * @since 1.0
 */
public final class FakeImageCatalogModule extends AbstractModule {

  private final Supplier<InMemoryImageCatalog> catalog;

  private FakeImageCatalogModule(Supplier<InMemoryImageCatalog> catalog) {
    this.catalog = catalog;
  }

  /**
   * A module binding this catalog, so that the test that made it can inspect and steer it.
   *
   * @throws NullPointerException if {@code catalog} is null
   */
  public static FakeImageCatalogModule of(InMemoryImageCatalog catalog) {
    Objects.requireNonNull(catalog, "catalog");
    return new FakeImageCatalogModule(() -> catalog);
  }

  /**
   * A module binding a catalog built from this configuration; each injector gets its own.
   *
   * @throws NullPointerException if {@code config} is null
   */
  public static FakeImageCatalogModule of(FakeCatalogConfig config) {
    Objects.requireNonNull(config, "config");
    return new FakeImageCatalogModule(config::newCatalog);
  }

  @Override
  protected void configure() {
    bind(ImageCatalog.class).to(InMemoryImageCatalog.class);
  }

  @Provides
  @Singleton
  InMemoryImageCatalog inMemoryImageCatalog() {
    return catalog.get();
  }
}
