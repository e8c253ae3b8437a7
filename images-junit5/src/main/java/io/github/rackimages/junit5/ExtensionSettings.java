package io.github.rackimages.junit5;

import io.github.rackimages.core.Image;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.http.HttpCatalogConfig;
import io.github.rackimages.http.HttpImageCatalog;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What {@link ImageEmulatorExtension} starts: from {@link EmulatedImages} or from the extension's builder.
 * Immutable.
 */
final class ExtensionSettings {

  private static final Consumer<ImageEmulator.Builder> NO_EMULATOR_CHANGE = b -> {};
  private static final Consumer<HttpCatalogConfig.Builder<HttpImageCatalog>> NO_CLIENT_CHANGE = b -> {};

  final List<Image> images;
  final boolean sample;
  final String tenantId;
  final Duration tokenLifetime;
  final boolean resetBeforeEach;
  final Consumer<ImageEmulator.Builder> emulator;
  final Consumer<HttpCatalogConfig.Builder<HttpImageCatalog>> client;

  ExtensionSettings(
      List<Image> images,
      boolean sample,
      String tenantId,
      Duration tokenLifetime,
      boolean resetBeforeEach,
      Consumer<ImageEmulator.Builder> emulator,
      Consumer<HttpCatalogConfig.Builder<HttpImageCatalog>> client) {
    this.images = List.copyOf(images);
    this.sample = sample;
    this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
    this.tokenLifetime = Objects.requireNonNull(tokenLifetime, "tokenLifetime");
    this.resetBeforeEach = resetBeforeEach;
    this.emulator = Objects.requireNonNull(emulator, "emulator");
    this.client = Objects.requireNonNull(client, "client");
  }

  /** The settings of {@code @ExtendWith(ImageEmulatorExtension.class)} without the annotation. */
  static ExtensionSettings defaults() {
    return new ExtensionSettings(
        List.of(), false, ImageEmulator.DEFAULT_TENANT_ID, ImageEmulator.DEFAULT_TOKEN_LIFETIME, true,
        NO_EMULATOR_CHANGE, NO_CLIENT_CHANGE);
  }

  /**
   * The settings an annotation asks for.
   *
   * @throws IllegalArgumentException if its token lifetime is not an ISO-8601 duration
   */
  static ExtensionSettings of(EmulatedImages annotation) {
    Duration lifetime;
    try {
      lifetime = Duration.parse(annotation.tokenLifetime());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "@EmulatedImages(tokenLifetime = \"" + annotation.tokenLifetime()
              + "\") is not an ISO-8601 duration such as PT24H or PT5S", e);
    }
    return new ExtensionSettings(
        List.of(), annotation.sample(), annotation.tenantId(), lifetime, annotation.resetBeforeEach(),
        NO_EMULATOR_CHANGE, NO_CLIENT_CHANGE);
  }

  static Consumer<ImageEmulator.Builder> noEmulatorChange() {
    return NO_EMULATOR_CHANGE;
  }

  static Consumer<HttpCatalogConfig.Builder<HttpImageCatalog>> noClientChange() {
    return NO_CLIENT_CHANGE;
  }
}
