package io.github.rackimages.emulator;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ServerId;
import io.github.rackimages.fake.FakeImages;
import io.github.rackimages.fake.InMemoryImageCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small, hand-made catalogs for the emulator's tests. */
final class Fixtures {

  static final Instant T0 = Instant.parse("2015-03-01T00:00:00Z");
  static final ServerId WEB01 = ServerId.of("87487601-1968-4d3c-b2fa-3034b0d9e6f3");
  static final ServerId DB01 = ServerId.of("5f0f6c2e-3d3a-4a8e-9a57-2b1a5f0c9d11");

  static final Image UBUNTU = FakeImages.base("Ubuntu 24.04 LTS (Noble Numbat)", T0.plusSeconds(3600)).build();
  static final Image WINDOWS = FakeImages.base("Windows Server 2022 Standard", T0.plusSeconds(7200)).build();
  static final Image SPECIAL = FakeImages.base("C++ & friends 100% =ok?", T0.plusSeconds(10800)).build();
  static final Image WEB_NIGHTLY = FakeImages.snapshot(WEB01, "web01 nightly", T0.plusSeconds(14400)).build();
  static final Image DB_NIGHTLY = FakeImages.snapshot(DB01, "db01 nightly", T0.plusSeconds(18000)).build();
  static final Image WEB_SAVING = FakeImages.saving(WEB01, "web01 in progress", T0.plusSeconds(21600)).build();
  static final Image WEB_FAILED = FakeImages.failed(WEB01, "web01 failed", T0.plusSeconds(25200)).build();

  /** Six images listed by default (the ERROR one only with changes-since). */
  static List<Image> small() {
    return List.of(UBUNTU, WINDOWS, SPECIAL, WEB_NIGHTLY, DB_NIGHTLY, WEB_SAVING, WEB_FAILED);
  }

  static InMemoryImageCatalog smallCatalog() {
    return InMemoryImageCatalog.builder().images(small()).build();
  }

  /** {@code count} ACTIVE base images, one hour apart. */
  static List<Image> bases(int count) {
    List<Image> images = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      images.add(FakeImages.base("Base " + i, T0.plusSeconds(3600L * i)).build());
    }
    return images;
  }

  static List<ImageId> ids(List<Image> images) {
    return images.stream().map(Image::id).toList();
  }

  private Fixtures() {}
}
