package io.github.rackimages.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.FakeImages;
import io.github.rackimages.fake.Faults;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.http.HttpImageCatalog;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The annotation as a user writes it: parameters injected, images declared in the test, state reset between tests. */
@EmulatedImages
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatedImagesTest {

  private static final Image UBUNTU = FakeImages.base("Ubuntu 24.04 LTS (Noble Numbat)").build();

  private final ImageEmulator emulatorFromConstructor;

  EmulatedImagesTest(ImageEmulator emulator) {
    this.emulatorFromConstructor = emulator;
  }

  /** The client reaches the backing catalog through the emulator, authenticated through its identity service. */
  @Test
  @Order(1)
  void theClientListsWhatTheTestDeclares(ImageCatalog catalog, InMemoryImageCatalog backing, ImageEmulator emulator) {
    backing.add(UBUNTU);
    emulator.throttleEvery(7);

    assertThat(catalog.stream(ImageFilter.all()).map(Image::id)).containsExactly(UBUNTU.id());
    assertThat(catalog).isInstanceOf(HttpImageCatalog.class);
    assertThat(emulator.identityRequestCount()).isEqualTo(1);
    assertThat(emulator.imagesRequestCount()).isEqualTo(1);
    assertThat(backing.callCount()).isEqualTo(1);
  }

  /** The previous test's image, switch and counts are gone; the emulator is the same one. */
  @Test
  @Order(2)
  void eachTestStartsEmpty(InMemoryImageCatalog backing, ImageEmulator emulator, HttpImageCatalog client) {
    assertThat(backing.size()).isZero();
    assertThat(backing.callCount()).isZero();
    assertThat(emulator.throttleEvery()).isZero();
    assertThat(emulator.requestCount()).isZero();
    assertThat(emulator).isSameAs(emulatorFromConstructor);
    assertThat(emulator.isRunning()).isTrue();
    assertThat(client.stream(ImageFilter.all())).isEmpty();
  }

  /** A fault scripted on the backing catalog reaches the client typed. */
  @Test
  @Order(3)
  void faultsScriptedOnTheBackingCatalogReachTheClient(ImageCatalog catalog, InMemoryImageCatalog backing) {
    backing.failNext(Faults.badRequest("Invalid marker format"));
    backing.failNext(Faults.badRequest("never thrown: the next test starts without it"));

    ImageCatalogBadRequestException e =
        catchThrowableOfType(
            ImageCatalogBadRequestException.class, () -> catalog.list(ImageFilter.all(), PageRequest.first()));

    assertThat(e.serviceMessage()).hasValue("Invalid marker format");
  }

  @Test
  @Order(4)
  void pendingFaultsAreDroppedBeforeTheNextTest(ImageCatalog catalog, InMemoryImageCatalog backing) {
    assertThat(backing.pendingFaults()).isZero();
    assertThat(catalog.list(ImageFilter.all(), PageRequest.first()).items()).isEmpty();
  }

  /** A nested class shares the enclosing class's emulator, and is reset as well. */
  @Nested
  class Inner {
    @Test
    void sharesTheEmulator(ImageEmulator emulator, InMemoryImageCatalog backing) {
      assertThat(emulator).isSameAs(emulatorFromConstructor);
      assertThat(backing.size()).isZero();
      assertThat(emulator.latency()).isEqualTo(Duration.ZERO);
    }
  }
}
