package io.github.rackimages.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.FakeImages;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.http.RetryPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Programmatic registration: images declared in the test class, emulator and client settings customised. */
class RegisteredExtensionTest {

  private static final Instant T0 = Instant.parse("2015-03-01T00:00:00Z");
  private static final Image OLD = FakeImages.base("Old", T0).build();
  private static final Image NEW = FakeImages.base("New", T0.plusSeconds(60)).build();
  private static final Image FROM_BEFORE_ALL = FakeImages.base("From @BeforeAll", T0.plusSeconds(30)).build();

  @RegisterExtension
  static final ImageEmulatorExtension IMAGES =
      ImageEmulatorExtension.builder()
          .images(List.of(OLD, NEW))
          .tenantId("777")
          .emulator(emulator -> emulator.retryAfter(Duration.ZERO).maxLimit(2))
          .client(client -> client.retryPolicy(RetryPolicy.builder().maxAttempts(3).build()).pageSize(1))
          .build();

  @BeforeAll
  static void addOneMore(InMemoryImageCatalog backing) {
    backing.add(FROM_BEFORE_ALL);
  }

  /** Declared images plus what @BeforeAll added, through a client with page size 1 and three attempts. */
  @Test
  void declaredImagesAreServed(ImageCatalog catalog, ImageEmulator emulator) {
    emulator.throttleEvery(2);

    assertThat(catalog.stream(ImageFilter.all()).map(Image::id))
        .containsExactly(NEW.id(), FROM_BEFORE_ALL.id(), OLD.id());
    assertThat(emulator.tenantId()).isEqualTo("777");
    assertThat(emulator.computeEndpoint().getPath()).isEqualTo("/v2/777");
  }

  /** The state every test starts from includes what @BeforeAll added, whatever the other tests changed. */
  @Test
  void theBaselineIsTakenAfterBeforeAll(InMemoryImageCatalog backing, ImageEmulator emulator, ImageCatalog catalog) {
    assertThat(backing.images()).extracting(Image::id).containsExactly(NEW.id(), FROM_BEFORE_ALL.id(), OLD.id());
    backing.remove(NEW.id());
    backing.add(FakeImages.base("Scratch").build());
    assertThat(emulator.throttleEvery()).isZero();
    assertThat(emulator.retryAfter()).isEqualTo(Duration.ZERO);
    assertThat(catalog.find(ImageId.of(NEW.id().value()))).isEmpty();
  }

  /** The emulator's own settings (maxLimit 2) hold even when the client asks for more. */
  @Test
  void emulatorSettingsApply(ImageCatalog catalog) {
    assertThat(catalog.list(ImageFilter.all(), PageRequest.first(10)).items()).hasSize(2);
  }
}
