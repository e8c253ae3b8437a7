/**
 * The HTTP adapter: {@link io.github.rackimages.core.ImageCatalog} over the Rackspace Cloud Servers / OpenStack
 * Compute v2 images API. Start with {@link io.github.rackimages.http.HttpImageCatalog#builder()}, or install
 * {@link io.github.rackimages.http.guice.HttpImageCatalogModule} (Guice is optional: add it to use the module).
 */
module io.github.rackimages.http {
  requires transitive io.github.rackimages.core;
  // HttpImageCatalog.Builder takes an HttpClient: users of the API need the module too.
  requires transitive java.net.http;
  requires transitive io.github.rackimages.nova.json; // ReadLimits is a setting of HttpCatalogConfig
  requires jakarta.json;
  requires jakarta.json.bind;
  requires static com.google.guice;
  // clouds.yaml, read by auth.CredentialChain only; without it the chain says what to add.
  requires static org.snakeyaml.engine;

  exports io.github.rackimages.http;
  exports io.github.rackimages.http.auth;
  exports io.github.rackimages.http.guice;

  // Guice calls the module's @Provides methods reflectively.
  opens io.github.rackimages.http.guice to com.google.guice;
}
