package io.github.rackimages.junit5;

import io.github.rackimages.core.Durations;
import io.github.rackimages.core.Image;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.http.HttpCatalogConfig;
import io.github.rackimages.http.HttpImageCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link EmulatedImages}: a started {@link ImageEmulator} per test class, an HTTP
 * client authenticated through it, and the {@link io.github.rackimages.fake.InMemoryImageCatalog} it serves,
 * injected as test-method and constructor parameters (see {@link EmulatedImages} for the types).
 *
 * <pre>{@code
 * class ImageReportTest {
 *   @RegisterExtension
 *   static ImageEmulatorExtension images = ImageEmulatorExtension.builder()
 *       .image(FakeImages.base("Ubuntu 24.04 LTS (Noble Numbat)").build())
 *       .emulator(emulator -> emulator.retryAfter(Duration.ZERO))
 *       .build();
 *
 *   @Test
 *   void survivesThrottling(ImageCatalog catalog, ImageEmulator emulator) {
 *     emulator.throttleEvery(2);
 *     assertThat(new ImageReport(catalog).names()).containsExactly("Ubuntu 24.04 LTS (Noble Numbat)");
 *   }
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> The emulator starts before the class's first test (or when a constructor first asks for a
 * parameter) and is kept in the class's {@link ExtensionContext.Store}, which stops it after the class's last
 * test, whatever happened; JUnit 5.13 or later is needed for that. {@code @Nested} classes share their enclosing
 * class's emulator. A field registration must be {@code static} for the emulator to live for the whole class; an
 * instance field registration starts one per test.
 *
 * <p><b>Reset before each test</b> (unless turned off): the first test of the class records the state it starts
 * in, after {@code @BeforeAll} methods ran (the declared images and whatever they added; the emulator's fault
 * switches), and every later test starts from that state again: the catalog holds exactly those images, the
 * switches are as recorded, no catalog fault is pending, and request and call counts are zero. Tokens already
 * issued stay valid and the client keeps its token. The reset assumes the tests of a class do not run
 * concurrently with each other.
 *
 * <p>The extension itself is immutable and holds no state: everything lives in the extension store.
 *
 * @since 1.0
 */
public final class ImageEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ImageEmulatorExtension.class);

  /** Null when the settings come from the test class's {@link EmulatedImages} annotation. */
  private final ExtensionSettings settings;

  /**
   * The extension configured by the test class's {@link EmulatedImages} annotation, or with every default when
   * it has none: what {@code @ExtendWith(ImageEmulatorExtension.class)} creates.
   */
  public ImageEmulatorExtension() {
    this.settings = null;
  }

  private ImageEmulatorExtension(ExtensionSettings settings) {
    this.settings = settings;
  }

  /** A builder for {@code @RegisterExtension}: an empty catalog, tenant 123456, tokens valid 24 hours, reset on. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    service(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    EmulatedService service = service(context);
    if (service.resetsBeforeEach()) {
      service.reset();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return EmulatedService.TYPES.contains(parameter.getParameter().getType());
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return service(context).resolve(parameter.getParameter().getType());
  }

  /** The running service of the test class {@code context} belongs to, started on first use. */
  private EmulatedService service(ExtensionContext context) {
    ExtensionContext owner = context;
    while (owner.getTestMethod().isPresent() && owner.getParent().isPresent()) {
      owner = owner.getParent().get();
    }
    ExtensionContext classContext = owner;
    // The store looks in enclosing contexts first, so @Nested classes find their outer class's service. The key
    // is this extension instance: two registrations on one class get two emulators.
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(
        this, key -> EmulatedService.start(settingsFor(classContext)), EmulatedService.class);
  }

  private ExtensionSettings settingsFor(ExtensionContext classContext) {
    if (settings != null) {
      return settings;
    }
    for (Class<?> c = classContext.getTestClass().orElse(null); c != null; c = c.getEnclosingClass()) {
      Optional<EmulatedImages> annotation = AnnotationSupport.findAnnotation(c, EmulatedImages.class);
      if (annotation.isPresent()) {
        return ExtensionSettings.of(annotation.get());
      }
    }
    return ExtensionSettings.defaults();
  }

  @Override
  public String toString() {
    return settings == null ? "ImageEmulatorExtension[from @EmulatedImages]" : "ImageEmulatorExtension[built]";
  }

  /**
   * Configures an {@link ImageEmulatorExtension} for {@code @RegisterExtension}; not thread-safe. Setters
   * validate their argument at once.
   *
   * @since 1.0
   */
  public static final class Builder {
    private final List<Image> images = new ArrayList<>();
    private boolean sample;
    private String tenantId = ImageEmulator.DEFAULT_TENANT_ID;
    private Duration tokenLifetime = ImageEmulator.DEFAULT_TOKEN_LIFETIME;
    private boolean resetBeforeEach = true;
    private Consumer<ImageEmulator.Builder> emulator = ExtensionSettings.noEmulatorChange();
    private Consumer<HttpCatalogConfig.Builder<HttpImageCatalog>> client = ExtensionSettings.noClientChange();

    private Builder() {}

    /**
     * Adds an image to the catalog the class starts with.
     *
     * @throws NullPointerException if {@code image} is null
     */
    public Builder image(Image image) {
      images.add(Objects.requireNonNull(image, "image"));
      return this;
    }

    /**
     * Adds images to the catalog the class starts with (ids must be unique, checked when the emulator starts).
     *
     * @throws NullPointerException if {@code images} or an image is null
     */
    public Builder images(Collection<? extends Image> images) {
      for (Image image : Objects.requireNonNull(images, "images")) {
        image(image);
      }
      return this;
    }

    /** Starts the catalog with the realistic sample account ({@code SampleCatalogs.rackspace()}) too. */
    public Builder sample() {
      this.sample = true;
      return this;
    }

    /**
     * The tenant the emulator serves.
     *
     * @throws NullPointerException if {@code tenantId} is null (its form is checked when the emulator starts)
     */
    public Builder tenantId(String tenantId) {
      this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
      return this;
    }

    /**
     * How long the emulator's tokens are valid.
     *
     * @throws NullPointerException if {@code lifetime} is null
     * @throws IllegalArgumentException if it is zero or negative
     */
    public Builder tokenLifetime(Duration lifetime) {
      Objects.requireNonNull(lifetime, "lifetime");
      if (lifetime.isZero() || lifetime.isNegative()) {
        throw new IllegalArgumentException("token lifetime must be positive: " + Durations.human(lifetime));
      }
      this.tokenLifetime = lifetime;
      return this;
    }

    /** Whether each test starts from the state the first one started in (true by default). */
    public Builder resetBeforeEach(boolean reset) {
      this.resetBeforeEach = reset;
      return this;
    }

    /**
     * More emulator settings (fault switches, latency, users, page size...), applied after the tenant and token
     * lifetime; the catalog is always the extension's own.
     *
     * @throws NullPointerException if {@code customizer} is null
     */
    public Builder emulator(Consumer<ImageEmulator.Builder> customizer) {
      this.emulator = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /**
     * More client settings (retry policy, page size, timeouts...), applied after the identity URL and the
     * default user's API key have been set.
     *
     * @throws NullPointerException if {@code customizer} is null
     */
    public Builder client(Consumer<HttpCatalogConfig.Builder<HttpImageCatalog>> customizer) {
      this.client = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /** The extension; the builder can build more. */
    public ImageEmulatorExtension build() {
      return new ImageEmulatorExtension(
          new ExtensionSettings(images, sample, tenantId, tokenLifetime, resetBeforeEach, emulator, client));
    }
  }
}
