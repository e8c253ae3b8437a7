package io.github.rackimages.emulator;

import io.github.rackimages.tck.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogNotFoundException;
import io.github.rackimages.core.ImageCatalogProtocolException;
import io.github.rackimages.core.ImageCatalogServiceException;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.fake.Faults;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.nova.json.Fault;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Failures of the catalog behind the emulator reach the client as the service's faults. */
class CatalogFaultsTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  private final InMemoryImageCatalog catalog = Fixtures.smallCatalog();
  private final ImageEmulator emulator =
      ImageEmulator.builder().catalog(catalog).clock(new MutableClock(NOW)).start();
  private final Wire wire = new Wire(emulator);

  @AfterEach
  void stop() {
    emulator.stop();
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of(Faults.badRequest("Invalid marker format"), 400, "badRequest", "Invalid marker format"),
        Arguments.of(Faults.unauthorized(), 401, "unauthorized", "The request you have made requires authentication."),
        Arguments.of(
            Faults.forbidden(), 403, "forbidden", "Policy doesn't allow compute:get_all_images to be performed."),
        Arguments.of(
            (Supplier<ImageCatalogException>) () -> new ImageCatalogNotFoundException("gone"),
            404,
            "itemNotFound",
            "The resource could not be found."),
        Arguments.of(
            (Supplier<ImageCatalogException>)
                () ->
                    new ImageCatalogServiceException(
                        "conflict",
                        ErrorDetails.status(409).withServiceMessage("Image is being saved."),
                        null),
            409,
            "conflictingRequest",
            "Image is being saved."),
        Arguments.of(Faults.throttled(Duration.ofSeconds(7)), 413, "overLimit", "OverLimit Retry..."),
        Arguments.of(
            (Supplier<ImageCatalogException>)
                () ->
                    new ImageCatalogThrottledException(
                        "slow down", ErrorDetails.status(429), Duration.ofSeconds(2), null),
            429,
            "overLimit",
            "This request was rate-limited."),
        Arguments.of(Faults.serviceUnavailable(), 503, "serviceUnavailable", "The service is unavailable at this time."),
        Arguments.of(
            Faults.serviceFault(),
            500,
            "computeFault",
            "The server has either erred or is incapable of performing the requested operation."),
        Arguments.of(Faults.transport(), 503, "serviceUnavailable", "The service is unavailable at this time."),
        Arguments.of(
            (Supplier<ImageCatalogException>) () -> new ImageCatalogProtocolException("upstream sent junk: secret-ish"),
            500,
            "computeFault",
            "The server has either erred or is incapable of performing the requested operation."),
        Arguments.of(
            (Supplier<ImageCatalogException>) () -> new ImageCatalogException("something odd"),
            500,
            "computeFault",
            "The server has either erred or is incapable of performing the requested operation."));
  }

  @ParameterizedTest
  @MethodSource("faults")
  void aCatalogFailureBecomesTheServicesFaultOnEveryRoute(
      Supplier<? extends ImageCatalogException> failure, int status, String name, String message) {
    for (String path : new String[] {"/images", "/images/detail?limit=2", "/images/" + Fixtures.UBUNTU.id()}) {
      catalog.failNext(1, Faults.of(failure));

      HttpResponse<byte[]> response = wire.get(path);

      assertThat(response.statusCode()).as(path).isEqualTo(status);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=UTF-8");
      Fault fault = Wire.fault(response);
      assertThat(fault.name()).isEqualTo(name);
      assertThat(fault.code()).hasValue(status);
      assertThat(fault.message()).hasValue(message);
      assertThat(Wire.text(response)).doesNotContain("Exception", "secret-ish", "\tat ");
    }
    assertThat(wire.get("/images").statusCode()).isEqualTo(200);
  }

  @Test
  void aThrottledCatalogGivesRetryAfterInSecondsAndTheInstantInTheBody() {
    catalog.failNext(1, Faults.throttled(Duration.ofMillis(6500)));

    HttpResponse<byte[]> response = wire.get("/images");

    assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(Wire.fault(response).retryAfter()).hasValue("2026-03-01T10:00:07Z");
  }

  @Test
  void anUnavailableCatalogWithAWaitGivesRetryAfter() {
    catalog.failNext(1, Faults.serviceUnavailable(Duration.ofSeconds(5)));

    assertThat(wire.get("/images/detail").headers().firstValue("Retry-After")).hasValue("5");
  }

  @Test
  void anUnauthorizedCatalogAlsoNamesTheIdentityService() {
    catalog.failNext(1, Faults.unauthorized());

    assertThat(wire.get("/images").headers().firstValue("WWW-Authenticate"))
        .hasValue("Keystone uri=" + emulator.identityUrl());
  }

  @ParameterizedTest
  @ValueSource(strings = {"runtime", "null page", "assertion"})
  void anUnexpectedFailureIsAGeneric500WithoutDetailsAndTheServerGoesOn(String kind) {
    ImageCatalog broken = new ImageCatalog() {
      @Override
      public Page<Image> list(ImageFilter filter, PageRequest page) {
        switch (kind) {
          case "runtime" -> throw new IllegalStateException("database password is hunter2");
          case "assertion" -> throw new AssertionError("hunter2");
          default -> {
            return null;
          }
        }
      }

      @Override
      public Page<ImageSummary> listSummaries(ImageFilter filter, PageRequest page) {
        return Page.empty();
      }

      @Override
      public Optional<Image> find(ImageId id) {
        return Optional.empty();
      }
    };
    try (ImageEmulator failing = ImageEmulator.builder().catalog(broken).start()) {
      Wire w = new Wire(failing);

      HttpResponse<byte[]> response = w.get("/images/detail");

      assertThat(response.statusCode()).isEqualTo(500);
      Fault fault = Wire.fault(response);
      assertThat(fault.name()).isEqualTo("computeFault");
      assertThat(fault.message())
          .hasValue("The server has either erred or is incapable of performing the requested operation.");
      assertThat(Wire.text(response)).doesNotContain("hunter2", "Exception", "Error", "\tat ");
      assertThat(w.get("/images").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void anUnknownImageIs404ImageNotFound() {
    HttpResponse<byte[]> response = wire.get("/images/6455fff1-1f0e-46e3-a795-6c88738d7280");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Wire.fault(response).name()).isEqualTo("itemNotFound");
    assertThat(Wire.fault(response).message()).hasValue("Image not found.");
  }

  @Test
  void aDeletedImageIs404ImageNotFound() {
    catalog.delete(Fixtures.UBUNTU.id());
    HttpResponse<byte[]> response = wire.get("/images/" + Fixtures.UBUNTU.id());

    // Glance hides deleted images from customers, so Nova answers as for an unknown id (docs/SERVICE-RULES.md).
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Wire.fault(response).message()).hasValue("Image not found.");
  }
}
