package io.github.rackimages.fake.guice;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.fake.InMemoryImageCatalog;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What {@link FakeImageCatalogModule} builds its {@link InMemoryImageCatalog} from: the images it starts with and
 * the clock that stamps deletions.
 *
 * <pre>{@code
 * Guice.createInjector(FakeImageCatalogModule.of(FakeCatalogConfig.of(SampleCatalogs.rackspace())));
 * }</pre>
 *
 * @param images the images, in any order; copied
 * @param clock the clock {@link InMemoryImageCatalog#delete(ImageId)} reads
 * @since 1.0
 */
public record FakeCatalogConfig(List<Image> images, Clock clock) {

  /**
   * @throws NullPointerException if an argument or an image is null
   * @throws IllegalArgumentException if two images have the same id
   */
  public FakeCatalogConfig {
    images = List.copyOf(Objects.requireNonNull(images, "images"));
    Objects.requireNonNull(clock, "clock");
    // Checked here so that a bad configuration fails where it is written, not when the injector first provides.
    Set<ImageId> ids = new HashSet<>();
    for (Image image : images) {
      if (!ids.add(image.id())) {
        throw new IllegalArgumentException("two images have the id " + image.id());
      }
    }
  }

  /**
   * These images with the system UTC clock.
   *
   * @throws NullPointerException if {@code images} or an image is null
   * @throws IllegalArgumentException if two images have the same id
   */
  public static FakeCatalogConfig of(List<Image> images) {
    return new FakeCatalogConfig(images, Clock.systemUTC());
  }

  /** No images, the system UTC clock. */
  public static FakeCatalogConfig empty() {
    return of(List.of());
  }

  /**
   * This configuration with another clock.
   *
   * @throws NullPointerException if {@code clock} is null
   */
  public FakeCatalogConfig withClock(Clock clock) {
    return new FakeCatalogConfig(images, clock);
  }

  /** A new catalog holding the images, with the clock. */
  public InMemoryImageCatalog newCatalog() {
    return InMemoryImageCatalog.builder().images(images).clock(clock).build();
  }

  @Override
  public String toString() {
    return "FakeCatalogConfig[" + images.size() + " images, clock=" + clock + "]";
  }
}
