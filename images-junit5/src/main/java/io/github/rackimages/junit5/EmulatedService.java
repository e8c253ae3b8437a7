package io.github.rackimages.junit5;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import io.github.rackimages.http.HttpCatalogConfig;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.auth.Credentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One test class's running emulator, the catalog it serves and the client pointed at it; kept in the extension
 * store of the class, which closes it (stops the emulator) after the class's last test.
 */
final class EmulatedService implements AutoCloseable {

  /** The parameter types {@link #resolve} answers. */
  static final List<Class<?>> TYPES =
      List.of(ImageEmulator.class, ImageCatalog.class, HttpImageCatalog.class, InMemoryImageCatalog.class);

  private final ExtensionSettings settings;
  private final InMemoryImageCatalog backing;
  private final ImageEmulator emulator;
  private final HttpImageCatalog client;
  private Baseline baseline; // Guarded by this: the state each test starts from, taken when the first one starts.

  private EmulatedService(ExtensionSettings settings) {
    this.settings = settings;
    List<Image> images = new ArrayList<>(settings.sample ? SampleCatalogs.rackspace() : List.of());
    images.addAll(settings.images);
    this.backing = InMemoryImageCatalog.builder().images(images).build();
    ImageEmulator.Builder emulatorBuilder =
        ImageEmulator.builder().tenantId(settings.tenantId).tokenLifetime(settings.tokenLifetime);
    settings.emulator.accept(emulatorBuilder);
    // Set last, so that the catalog served is always the one injected as InMemoryImageCatalog.
    this.emulator = emulatorBuilder.catalog(backing).start();
    try {
      HttpCatalogConfig.Builder<HttpImageCatalog> clientBuilder =
          HttpImageCatalog.builder()
              .identityUrl(emulator.identityUrl())
              .credentials(Credentials.apiKey(ImageEmulator.DEFAULT_USERNAME, ImageEmulator.DEFAULT_API_KEY));
      settings.client.accept(clientBuilder);
      this.client = clientBuilder.build();
    } catch (RuntimeException | Error e) {
      emulator.stop();
      throw e;
    }
  }

  static EmulatedService start(ExtensionSettings settings) {
    return new EmulatedService(settings);
  }

  boolean resetsBeforeEach() {
    return settings.resetBeforeEach;
  }

  /** The value of a parameter of one of {@link #TYPES}. */
  Object resolve(Class<?> type) {
    if (type == ImageEmulator.class) {
      return emulator;
    }
    if (type == InMemoryImageCatalog.class) {
      return backing;
    }
    if (type == ImageCatalog.class || type == HttpImageCatalog.class) {
      return client;
    }
    throw new IllegalArgumentException("not a parameter type of the extension: " + type.getName());
  }

  /**
   * Puts the emulator and its catalog back to the state the first test started from: the same images, the same
   * fault switches, no pending catalog fault, request and call counts at zero.
   */
  synchronized void reset() {
    if (baseline == null) {
      baseline = new Baseline(backing.images(), emulator.throttleEvery(), emulator.unavailableEvery(),
          emulator.latency(), emulator.retryAfter());
    } else {
      backing.clear();
      backing.addAll(baseline.images);
      emulator.throttleEvery(baseline.throttleEvery)
          .unavailableEvery(baseline.unavailableEvery)
          .latency(baseline.latency)
          .retryAfter(baseline.retryAfter);
    }
    backing.clearFaults();
    backing.resetCallCount();
    emulator.resetRequestCounts();
  }

  /** Stops the emulator; the catalog and the client hold nothing to release. */
  @Override
  public void close() {
    emulator.stop();
  }

  @Override
  public String toString() {
    return "EmulatedService[" + emulator + "]";
  }

  private record Baseline(
      List<Image> images, int throttleEvery, int unavailableEvery, Duration latency, Duration retryAfter) {}
}
