package io.github.rackimages.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.fake.Faults;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.auth.RackspaceIdentityAuthenticator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The library's own HTTP adapter against the emulator's fault switches: what an application would live through. */
class HttpAdapterAgainstEmulatorTest {

  private final List<Image> images = Fixtures.bases(10);
  private final InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().images(images).build();
  private final ImageEmulator emulator =
      ImageEmulator.builder().catalog(catalog).retryAfter(Duration.ZERO).start();
  private final HttpImageCatalog adapter =
      HttpImageCatalog.builder()
          .authenticator(
              RackspaceIdentityAuthenticator.builder()
                  .identityUrl(emulator.identityUrl())
                  .password(ImageEmulator.DEFAULT_USERNAME, ImageEmulator.DEFAULT_PASSWORD)
                  .build())
          .build();
  private final List<ImageId> newestFirst =
      images.stream().sorted(Image.serviceOrder()).map(Image::id).toList();

  @AfterEach
  void stop() {
    emulator.stop();
  }

  private List<ImageId> walk() {
    return adapter.stream(ImageFilter.all(), PageRequest.first(3)).map(Image::id).toList();
  }

  @Test
  void aWalkSucceedsThroughThrottlingByHonouringRetryAfter() {
    emulator.throttleEvery(2);

    assertThat(walk()).isEqualTo(newestFirst);
    // Four pages (3, 3, 3, 1): requests 2, 4 and 6 are throttled and repeated.
    assertThat(emulator.imagesRequestCount()).isEqualTo(7);
  }

  @Test
  void aWalkSucceedsThroughUnavailability() {
    emulator.unavailableEvery(3);

    assertThat(walk()).isEqualTo(newestFirst);
    // Four pages: request 3 is answered 503 and repeated.
    assertThat(emulator.imagesRequestCount()).isEqualTo(5);
  }

  @Test
  void aRevokedTokenIsRenewedOnceThroughTheIdentityService() {
    assertThat(adapter.find(newestFirst.get(0))).isPresent();
    emulator.revokeTokens();

    assertThat(adapter.find(newestFirst.get(1))).isPresent();
    assertThat(emulator.identityRequestCount()).isEqualTo(2);
    assertThat(emulator.imagesRequestCount()).isEqualTo(3);
  }

  @Test
  void aLongWaitIsReportedAsThrottlingWithTheWait() {
    emulator.throttleEvery(1).retryAfter(Duration.ofMinutes(5));

    ImageCatalogThrottledException e =
        catchThrowableOfType(
            ImageCatalogThrottledException.class, () -> adapter.list(ImageFilter.all(), PageRequest.first()));

    assertThat(e.retryAfter()).hasValue(Duration.ofMinutes(5));
    assertThat(e.statusCode()).hasValue(413);
    assertThat(e.faultName()).hasValue("overLimit");
    assertThat(e.requestId()).hasValueSatisfying(id -> assertThat(id).startsWith("req-"));
  }

  @Test
  void aFaultInjectedIntoTheFakeReachesTheApplicationTyped() {
    catalog.failNext(Faults.badRequest("Invalid marker format"));

    ImageCatalogBadRequestException e =
        catchThrowableOfType(
            ImageCatalogBadRequestException.class, () -> adapter.list(ImageFilter.all(), PageRequest.first()));

    assertThat(e.serviceMessage()).hasValue("Invalid marker format");
    assertThat(e.statusCode()).hasValue(400);
  }
}
