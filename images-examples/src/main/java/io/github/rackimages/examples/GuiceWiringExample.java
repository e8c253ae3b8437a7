package io.github.rackimages.examples;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.http.HttpCatalogConfig;
import io.github.rackimages.http.auth.Credentials;
import io.github.rackimages.http.guice.HttpImageCatalogModule;
import java.io.PrintStream;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Wiring the HTTP adapter into an application with Guice: the application's own module binds its services and
 * needs an {@link ImageCatalog}; in production {@link HttpImageCatalogModule} provides it from an
 * {@link HttpCatalogConfig}, in unit tests the fake adapter's {@code FakeImageCatalogModule} does.
 *
 * <pre>{@code
 * Injector injector = GuiceWiringExample.production(GuiceWiringExample.configFrom(System.getenv()));
 * LatestImageFinder finder = injector.getInstance(LatestImageFinder.class);
 * }</pre>
 *
 * <p>Run it with {@code RACKSPACE_USERNAME}, {@code RACKSPACE_API_KEY} and optionally {@code RACKSPACE_REGION} and
 * {@code RACKSPACE_IDENTITY_URL} set (an emulator's identity URL works: {@code images serve} prints one); it
 * prints the newest Ubuntu image that general-purpose servers can boot.
 *
 * @since 1.0
 */
public final class GuiceWiringExample {

  private GuiceWiringExample() {}

  /**
   * The application's module: binds {@link LatestImageFinder}. Requires an {@link ImageCatalog} binding, from
   * {@link HttpImageCatalogModule} or the fake adapter's module.
   *
   * @since 1.0
   */
  public static final class ApplicationModule extends AbstractModule {

    @Provides
    @Singleton
    LatestImageFinder latestImageFinder(ImageCatalog catalog) {
      return new LatestImageFinder(catalog);
    }
  }

  /**
   * The production injector: the HTTP adapter configured by {@code config}, and the application. Creating it
   * makes no network call; the first one happens when a service first uses the catalog.
   *
   * @throws NullPointerException if {@code config} is null
   */
  public static Injector production(HttpCatalogConfig config) {
    Objects.requireNonNull(config, "config");
    return Guice.createInjector(new HttpImageCatalogModule(config), new ApplicationModule());
  }

  /**
   * A configuration read from environment variables: {@code RACKSPACE_USERNAME} and {@code RACKSPACE_API_KEY}
   * (required), {@code RACKSPACE_REGION} and {@code RACKSPACE_IDENTITY_URL} (optional; Rackspace's identity URL by
   * default).
   *
   * @throws IllegalArgumentException naming the variable that is missing or unusable (never its value)
   */
  public static HttpCatalogConfig configFrom(Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    String username = required(env, "RACKSPACE_USERNAME");
    String apiKey = required(env, "RACKSPACE_API_KEY");
    HttpCatalogConfig.Builder<HttpCatalogConfig> config =
        HttpCatalogConfig.builder().credentials(Credentials.apiKey(username, apiKey));
    Optional.ofNullable(env.get("RACKSPACE_REGION")).filter(s -> !s.isBlank()).ifPresent(config::region);
    Optional.ofNullable(env.get("RACKSPACE_IDENTITY_URL"))
        .filter(s -> !s.isBlank())
        .map(URI::create)
        .ifPresent(config::identityUrl);
    return config.build();
  }

  /**
   * What {@link #main} does, with its environment and output given: prints the newest Ubuntu image for
   * general-purpose servers.
   *
   * @return the image printed, empty when there is none
   * @throws IllegalArgumentException if the environment lacks a variable
   * @throws io.github.rackimages.core.ImageCatalogException if the service fails
   */
  public static Optional<Image> run(Map<String, String> env, PrintStream out) {
    LatestImageFinder finder = production(configFrom(env)).getInstance(LatestImageFinder.class);
    Optional<Image> latest = finder.latestBase("ubuntu", "general1");
    out.println(
        latest
            .map(i -> "newest Ubuntu for general1 servers: " + i.name().orElse("(no name)") + " (" + i.id() + ")")
            .orElse("no Ubuntu image for general1 servers"));
    return latest;
  }

  /**
   * Runs the example with the process's environment.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.getenv(), System.out);
  }

  private static String required(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("set the environment variable " + name);
    }
    return value;
  }
}
