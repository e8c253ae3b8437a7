package io.github.rackimages.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import io.github.rackimages.fake.guice.FakeImageCatalogModule;
import io.github.rackimages.http.HttpImageCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Guice wiring, run against the emulator over HTTP, and the same application module over the fake. */
class GuiceWiringExampleTest {

  private final ImageEmulator emulator =
      ImageEmulator.builder()
          .catalog(InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).build())
          .port(0)
          .start();

  @AfterEach
  void stop() {
    emulator.stop();
  }

  private Map<String, String> env() {
    return Map.of(
        "RACKSPACE_USERNAME", ImageEmulator.DEFAULT_USERNAME,
        "RACKSPACE_API_KEY", ImageEmulator.DEFAULT_API_KEY,
        "RACKSPACE_REGION", "DFW",
        "RACKSPACE_IDENTITY_URL", emulator.identityUrl().toString());
  }

  @Test
  void theProductionInjectorBindsTheHttpAdapterAndTheApplication() {
    Injector injector = GuiceWiringExample.production(GuiceWiringExample.configFrom(env()));

    assertThat(injector.getInstance(ImageCatalog.class)).isInstanceOf(HttpImageCatalog.class);
    assertThat(injector.getInstance(LatestImageFinder.class))
        .isSameAs(injector.getInstance(LatestImageFinder.class));
    assertThat(emulator.requestCount()).as("creating the injector makes no call").isZero();
  }

  @Test
  void runFindsTheNewestUbuntuOverHttp() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Image found = GuiceWiringExample.run(env(), new PrintStream(bytes, true, StandardCharsets.UTF_8)).orElseThrow();

    Image expected =
        new LatestImageFinder(InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).build())
            .latestBase("ubuntu", "general1")
            .orElseThrow();
    // The emulator writes links from the request (its own host and tenant), as Nova does: the same image otherwise.
    assertThat(found.toBuilder().links(java.util.List.of()).build())
        .isEqualTo(expected.toBuilder().links(java.util.List.of()).build());
    assertThat(found.links()).allSatisfy(l -> assertThat(l.href().getHost()).isEqualTo("127.0.0.1"));
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("newest Ubuntu for general1 servers: " + expected.name().orElseThrow() + " (" + expected.id() + ")\n");
    assertThat(emulator.imagesRequestCount()).isPositive();
  }

  @Test
  void theSameApplicationModuleRunsOverTheFakeInUnitTests() {
    InMemoryImageCatalog fake = InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).build();
    Injector injector =
        Guice.createInjector(FakeImageCatalogModule.of(fake), new GuiceWiringExample.ApplicationModule());

    assertThat(injector.getInstance(LatestImageFinder.class).latestBase("debian", "general1")).isPresent();
    assertThat(fake.callCount()).isEqualTo(1);
  }

  @Test
  void aMissingVariableIsNamedAndNoSecretIsShown() {
    assertThatThrownBy(() -> GuiceWiringExample.configFrom(Map.of("RACKSPACE_USERNAME", "demo")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("set the environment variable RACKSPACE_API_KEY");
    assertThat(GuiceWiringExample.configFrom(env()).toString()).doesNotContain(ImageEmulator.DEFAULT_API_KEY);
  }
}
