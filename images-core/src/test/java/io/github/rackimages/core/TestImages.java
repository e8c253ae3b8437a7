package io.github.rackimages.core;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Small builders of test images, so that each test shows only the fields it is about. */
final class TestImages {

  static final Instant T0 = Instant.parse("2015-03-06T19:00:00Z");

  private TestImages() {}

  /** An ACTIVE image created {@code minutes} after {@link #T0}. */
  static Image.Builder image(String id, int minutes) {
    return Image.builder(ImageId.of(id), T0.plus(Duration.ofMinutes(minutes)));
  }

  static Image.Builder image(String id) {
    return image(id, 0);
  }

  static ImageMetadata metadata(String key, String value) {
    return ImageMetadata.ofStrings(Map.of(key, value));
  }
}
