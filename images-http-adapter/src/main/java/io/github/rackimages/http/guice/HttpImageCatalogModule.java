package io.github.rackimages.http.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.multibindings.OptionalBinder;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.http.HttpCatalogConfig;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.auth.Authenticator;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.Optional;

/**
 * Binds the HTTP adapter from an {@link HttpCatalogConfig}. Creating the injector makes no network call: the
 * first identity and compute calls happen when the catalog is first used.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(new HttpImageCatalogModule(
 *     HttpCatalogConfig.builder()
 *         .credentials(Credentials.apiKey("jdoe", System.getenv("RAX_API_KEY")))
 *         .region("DFW")
 *         .build()));
 * ImageCatalog catalog = injector.getInstance(ImageCatalog.class);
 * }</pre>
 *
 * <p><b>Bindings provided</b>
 *
 * <ul>
 *   <li>{@link ImageCatalog}: the {@link HttpImageCatalog} below;
 *   <li>{@link HttpImageCatalog}: a singleton built from the config (with its async methods);
 *   <li>{@link HttpCatalogConfig}: the config given.
 * </ul>
 *
 * <p><b>Optional bindings</b> (declared with {@link OptionalBinder}; set them from your own module with
 * {@code OptionalBinder.newOptionalBinder(binder(), HttpClient.class).setBinding().toInstance(client)})
 *
 * <ul>
 *   <li>{@link HttpClient}: the client for the compute and identity calls (a proxy, TLS settings), instead of
 *       the config's {@code httpClient}. It must not follow redirects. Default: one client with the config's
 *       connect timeout;
 *   <li>{@link Authenticator}: where tokens come from, instead of the config's credentials, token or
 *       authenticator.
 * </ul>
 *
 * <p><b>Bindings required:</b> none. Unit tests of an application swap this module for the fake adapter's
 * {@code FakeImageCatalogModule}.
 *
 * @since 1.0
 */
public final class HttpImageCatalogModule extends AbstractModule {

  private final HttpCatalogConfig config;

  /**
   * A module for this config.
   *
   * @throws NullPointerException if {@code config} is null
   */
  public HttpImageCatalogModule(HttpCatalogConfig config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  @Override
  protected void configure() {
    bind(HttpCatalogConfig.class).toInstance(config);
    OptionalBinder.newOptionalBinder(binder(), HttpClient.class);
    OptionalBinder.newOptionalBinder(binder(), Authenticator.class);
    bind(ImageCatalog.class).to(HttpImageCatalog.class);
  }

  @Provides
  @Singleton
  HttpImageCatalog catalog(HttpCatalogConfig config, Optional<HttpClient> client, Optional<Authenticator> authenticator) {
    HttpCatalogConfig.Builder<HttpCatalogConfig> builder = config.toBuilder();
    client.ifPresent(builder::httpClient);
    authenticator.ifPresent(builder::authenticator);
    return HttpImageCatalog.create(builder.build());
  }

  @Override
  public String toString() {
    return "HttpImageCatalogModule[" + config + "]";
  }
}
