package io.github.rackimages.examples;

import io.github.rackimages.core.Durations;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.PageRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An application service built on the port: finds the newest ACTIVE base image of a Linux distribution, the one
 * a provisioning tool would boot new servers from. It depends on {@link ImageCatalog} alone, so it runs against
 * the real service in production and against the in-memory adapter in its unit tests.
 *
 * <pre>{@code
 * LatestImageFinder finder = new LatestImageFinder(catalog);
 * Image ubuntu = finder.latestBase("ubuntu", "general1").orElseThrow();
 * }</pre>
 *
 * <p>How it copes with rate limiting: when the service throttles the walk, the finder waits what the service asked
 * ({@link ImageCatalogThrottledException#retryAfter()}, or one second when it did not say) and resumes the walk
 * where it stopped ({@link io.github.rackimages.core.ImageCatalogException#resumeMarker()}), so no page is fetched
 * twice. It gives up, rethrowing the service's exception, after {@code maxAttempts} throttled attempts or when
 * the service asks for a longer wait than {@code maxWait}: a provisioning request should fail fast rather than
 * hang.
 *
 * <p>Thread-safe when the catalog is (every catalog of this library is).
 *
 * @since 1.0
 */
public final class LatestImageFinder {

  /** Waits between attempts; tests give one that records the waits instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Waits this long.
     *
     * @throws InterruptedException if the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final Duration UNSAID_WAIT = Duration.ofSeconds(1);

  private final ImageCatalog catalog;
  private final int maxAttempts;
  private final Duration maxWait;
  private final Sleeper sleeper;

  /**
   * A finder that makes up to 3 attempts and waits at most 30 seconds at a time.
   *
   * @throws NullPointerException if {@code catalog} is null
   */
  public LatestImageFinder(ImageCatalog catalog) {
    this(catalog, 3, Duration.ofSeconds(30), d -> Thread.sleep(d.toMillis()));
  }

  /**
   * A finder with its own patience.
   *
   * @param maxAttempts how many throttled attempts to make before giving up, at least 1
   * @param maxWait the longest wait the finder accepts; a longer Retry-After fails at once
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code maxAttempts} is below 1 or {@code maxWait} is negative
   */
  public LatestImageFinder(ImageCatalog catalog, int maxAttempts, Duration maxWait, Sleeper sleeper) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait must not be negative: " + Durations.human(maxWait));
    }
    this.maxAttempts = maxAttempts;
  }

  /**
   * The newest ACTIVE base image of a distribution, by its metadata {@code os_distro} ({@code ubuntu},
   * {@code debian}, ...) or {@code org.openstack__1__os_distro} ({@code com.ubuntu}, ...), in any case, whatever
   * flavors may boot it.
   *
   * @return empty when the catalog has no such image
   * @throws NullPointerException if {@code distro} is null
   * @throws IllegalArgumentException if {@code distro} is blank
   * @throws ImageCatalogThrottledException when the service still throttles after the attempts allowed, or asks
   *     for a wait longer than {@code maxWait}
   * @throws io.github.rackimages.core.ImageCatalogException for any other failure of the service
   * @throws IllegalStateException if the thread is interrupted while waiting (its interrupt flag is set again)
   */
  public Optional<Image> latestBase(String distro) {
    return find(distro, image -> true);
  }

  /**
   * The newest ACTIVE base image of a distribution that a flavor class ({@code general1}, {@code compute1},
   * {@code onmetal}, ...) may boot, by the image's metadata {@code flavor_classes}: a comma-separated list where
   * {@code *} admits every class and {@code !class} excludes one (an image without the key admits every class).
   *
   * @return empty when the catalog has no such image
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if an argument is blank
   * @throws ImageCatalogThrottledException when the service still throttles after the attempts allowed, or asks
   *     for a wait longer than {@code maxWait}
   * @throws io.github.rackimages.core.ImageCatalogException for any other failure of the service
   * @throws IllegalStateException if the thread is interrupted while waiting (its interrupt flag is set again)
   */
  public Optional<Image> latestBase(String distro, String flavorClass) {
    Objects.requireNonNull(flavorClass, "flavorClass");
    if (flavorClass.isBlank()) {
      throw new IllegalArgumentException("flavorClass must not be blank: '" + flavorClass + "'");
    }
    String wantedClass = flavorClass.trim();
    return find(distro, image -> bootableBy(image, wantedClass));
  }

  private Optional<Image> find(String distro, java.util.function.Predicate<Image> usable) {
    Objects.requireNonNull(distro, "distro");
    if (distro.isBlank()) {
      throw new IllegalArgumentException("distro must not be blank: '" + distro + "'");
    }
    String wanted = distro.trim().toLowerCase(Locale.ROOT);
    // The service filters type and status; the distribution is in metadata, which it cannot filter on.
    ImageFilter filter = ImageFilter.builder().type(ImageType.BASE).status(ImageStatus.ACTIVE).build();
    PageRequest from = PageRequest.first();
    for (int attempt = 1; ; attempt++) {
      try (Stream<Image> images = catalog.stream(filter, from)) {
        // The service lists the newest first, so the first match is the answer and the walk stops there.
        return images.filter(image -> isDistro(image, wanted) && usable.test(image)).findFirst();
      } catch (ImageCatalogThrottledException e) {
        Duration wait = e.retryAfter().orElse(UNSAID_WAIT);
        if (attempt >= maxAttempts || wait.compareTo(maxWait) > 0) {
          throw e;
        }
        pause(wait);
        from = e.resumeMarker().map(marker -> PageRequest.after(marker, PageRequest.MAX_LIMIT)).orElse(from);
      }
    }
  }

  private static boolean bootableBy(Image image, String flavorClass) {
    Optional<String> classes = image.metadata().getString("flavor_classes");
    if (classes.isEmpty()) {
      return true;
    }
    boolean admitted = false;
    for (String entry : classes.get().split(",")) {
      String e = entry.trim();
      if (e.equals("!" + flavorClass)) {
        return false;
      }
      admitted |= e.equals("*") || e.equals(flavorClass);
    }
    return admitted;
  }

  private static boolean isDistro(Image image, String wanted) {
    Optional<String> shortName = image.metadata().getString("os_distro");
    Optional<String> orgName = image.metadata().getString("org.openstack__1__os_distro");
    return shortName.map(s -> s.equalsIgnoreCase(wanted)).orElse(false)
        || orgName.map(s -> s.equalsIgnoreCase(wanted)).orElse(false);
  }

  private void pause(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the service's rate limit", e);
    }
  }
}
