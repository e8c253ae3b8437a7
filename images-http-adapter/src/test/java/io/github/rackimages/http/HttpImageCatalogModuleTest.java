package io.github.rackimages.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.multibindings.OptionalBinder;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.CannedServer.CannedResponse;
import io.github.rackimages.http.CannedServer.RecordedRequest;
import io.github.rackimages.http.auth.Authenticator;
import io.github.rackimages.http.auth.Credentials;
import io.github.rackimages.http.guice.HttpImageCatalogModule;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Guice module, with a real injector against loopback servers. */
class HttpImageCatalogModuleTest extends CatalogTestSupport {

  private static final String API_KEY = "api-k3y-not-for-logs";

  /** What an application injects: the port only. */
  static final class ImageLister {
    final ImageCatalog catalog;

    @Inject
    ImageLister(ImageCatalog catalog) {
      this.catalog = catalog;
    }

    int count() {
      return catalog.list(ImageFilter.all(), PageRequest.first(10)).size();
    }
  }

  @Test
  void bindsThePortToOneHttpCatalogBuiltFromATokenConfig() {
    HttpCatalogConfig config =
        HttpCatalogConfig.builder().token(TOKEN, server.endpoint()).retryPolicy(RetryPolicy.none()).build();
    server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of("a", "b"), null)));

    Injector injector = Guice.createInjector(new HttpImageCatalogModule(config));

    assertThat(server.pendingRequestCount()).isZero();
    assertThat(injector.getInstance(ImageCatalog.class))
        .isInstanceOf(HttpImageCatalog.class)
        .isSameAs(injector.getInstance(HttpImageCatalog.class))
        .isSameAs(injector.getInstance(ImageCatalog.class));
    assertThat(injector.getInstance(HttpCatalogConfig.class)).isSameAs(config);
    assertThat(injector.getInstance(ImageLister.class).count()).isEqualTo(2);
    RecordedRequest r = server.takeRequest();
    assertThat(r.target()).isEqualTo(CannedServer.TENANT_PATH + "/images/detail?limit=10");
    assertThat(r.header("X-Auth-Token")).contains(TOKEN);
  }

  @Test
  void withCredentialsTheFirstIdentityCallHappensOnFirstUse() {
    try (CannedServer identity = CannedServer.start()) {
      identity.enqueue(CannedResponse.json(200, identityAccess("tok-from-identity", server.endpoint())));
      server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of("a"), null)));
      HttpCatalogConfig config =
          HttpCatalogConfig.builder()
              .identityUrl(URI.create(identity.url("/v2.0")))
              .credentials(Credentials.apiKey("jdoe", API_KEY))
              .region("dfw")
              .build();

      Injector injector = Guice.createInjector(new HttpImageCatalogModule(config));
      ImageCatalog catalog = injector.getInstance(ImageCatalog.class);

      assertThat(identity.pendingRequestCount()).isZero();
      assertThat(server.pendingRequestCount()).isZero();

      assertThat(catalog.list(ImageFilter.all(), PageRequest.first(10)).items()).hasSize(1);

      RecordedRequest auth = identity.takeRequest();
      assertThat(auth.method()).isEqualTo("POST");
      assertThat(auth.path()).isEqualTo("/v2.0/tokens");
      assertThat(server.takeRequest().header("X-Auth-Token")).contains("tok-from-identity");
    }
  }

  @Test
  void anApplicationCanSupplyTheHttpClient() throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    AtomicInteger tasks = new AtomicInteger();
    try {
      HttpClient client =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(2))
              .executor(
                  r -> {
                    tasks.incrementAndGet();
                    pool.execute(r);
                  })
              .build();
      server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of("a"), null)));
      HttpCatalogConfig config = HttpCatalogConfig.builder().token(TOKEN, server.endpoint()).build();

      Injector injector =
          Guice.createInjector(
              new HttpImageCatalogModule(config),
              new AbstractModule() {
                @Override
                protected void configure() {
                  OptionalBinder.newOptionalBinder(binder(), HttpClient.class).setBinding().toInstance(client);
                }
              });

      assertThat(injector.getInstance(ImageLister.class).count()).isEqualTo(1);
      assertThat(tasks.get()).isPositive();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anApplicationCanSupplyTheAuthenticator() {
    CountingAuthenticator auth = new CountingAuthenticator(server.endpoint());
    server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));
    HttpCatalogConfig config = HttpCatalogConfig.builder().token(TOKEN, server.endpoint()).build();

    Injector injector =
        Guice.createInjector(
            new HttpImageCatalogModule(config),
            new AbstractModule() {
              @Override
              protected void configure() {
                OptionalBinder.newOptionalBinder(binder(), Authenticator.class).setBinding().toInstance(auth);
              }
            });
    injector.getInstance(ImageLister.class).count();

    assertThat(auth.sessions()).isEqualTo(1);
    assertThat(server.takeRequest().header("X-Auth-Token")).contains("token-1");
  }

  @Test
  void anInsecureConfigFailsWhenTheCatalogIsProvidedNotLater() {
    HttpCatalogConfig config =
        HttpCatalogConfig.builder().token(TOKEN, URI.create("http://compute.example.com/v2/1")).build();
    Injector injector = Guice.createInjector(new HttpImageCatalogModule(config));

    assertThatThrownBy(() -> injector.getInstance(ImageCatalog.class))
        .isInstanceOf(ProvisionException.class)
        .hasRootCauseInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("refusing plain http")
        .hasMessageNotContaining(TOKEN);
  }

  @Test
  void aNullConfigIsRefused() {
    assertThatThrownBy(() -> new HttpImageCatalogModule(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theModuleAndConfigNeverShowSecrets() {
    HttpCatalogConfig withKey =
        HttpCatalogConfig.builder().credentials(Credentials.apiKey("jdoe", API_KEY)).region("IAD").build();
    HttpCatalogConfig withToken = HttpCatalogConfig.builder().token(TOKEN, server.endpoint()).build();

    assertThat(new HttpImageCatalogModule(withKey).toString()).contains("jdoe").contains("IAD").doesNotContain(API_KEY);
    assertThat(withToken.toString()).contains("token=****").doesNotContain(TOKEN);
    assertThat(Guice.createInjector(new HttpImageCatalogModule(withToken)).getInstance(ImageCatalog.class).toString())
        .doesNotContain(TOKEN);
  }

  /** An identity v2.0 access body whose catalog names {@code endpoint} as DFW's cloudServersOpenStack. */
  private static String identityAccess(String token, URI endpoint) {
    return "{\"access\": {"
        + "\"token\": {\"id\": \"" + token + "\", \"expires\": \"2099-01-01T00:00:00.000Z\","
        + " \"tenant\": {\"id\": \"123456\", \"name\": \"123456\"}},"
        + "\"serviceCatalog\": ["
        + "{\"name\": \"cloudServers\", \"type\": \"compute\", \"endpoints\": [{\"tenantId\": \"123456\","
        + " \"publicURL\": \"https://servers.api.rackspacecloud.com/v1.0/123456\", \"versionId\": \"1.0\"}]},"
        + "{\"name\": \"cloudServersOpenStack\", \"type\": \"compute\", \"endpoints\": ["
        + "{\"region\": \"ORD\", \"tenantId\": \"123456\", \"publicURL\": \"https://ord.servers.example.test/v2/123456\"},"
        + "{\"region\": \"DFW\", \"tenantId\": \"123456\", \"publicURL\": \"" + endpoint + "\"}]}],"
        + "\"user\": {\"id\": \"172157\", \"name\": \"jdoe\", \"RAX-AUTH:defaultRegion\": \"ORD\"}}}";
  }
}
