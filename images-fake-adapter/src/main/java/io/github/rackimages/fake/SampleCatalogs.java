package io.github.rackimages.fake;

import io.github.rackimages.core.Image;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Ready-made catalogs: {@link #rackspace()}, a realistic account of about 60 images, and {@link #generated(int,
 * long)}, any number of realistic images for load tests and benchmarks. Both are deterministic: the same call gives
 * equal images in every run (fixed instants, name-based or seeded ids), and both come in service order.
 *
 * <pre>{@code
 * InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).build();
 * }</pre>
 *
 * @since 1.0
 */
public final class SampleCatalogs {

  /** The instant the generated catalogs count back from: their newest image is created just before it. */
  public static final Instant GENERATED_UNTIL = Instant.parse("2025-07-01T00:00:00Z");

  private SampleCatalogs() {}

  /**
   * A realistic Rackspace account in DFW (tenant {@value FakeImages#TENANT}), 60 images in service order:
   *
   * <ul>
   *   <li>38 base images: current Linux distributions (Ubuntu 20.04/22.04/24.04, Debian 11/12/13 and Sid, CentOS
   *       Stream 9/10, Rocky and AlmaLinux 8/9, RHEL 8/9, Fedora 40/41, openSUSE Leap and Tumbleweed, Arch, Gentoo,
   *       FreeBSD 13/14, an OnMetal image and iPXE), Windows Server 2016 to 2025 Standard with SQL Server
   *       variants, and one retired base image (Fedora 39, DELETED), with the metadata Rackspace writes (
   *       {@code image_type}, {@code os_type}, {@code os_distro}, {@code org.openstack__1__*},
   *       {@code auto_disk_config} True/False/disabled with the matching {@code OS-DCF:diskConfig}, {@code vm_mode},
   *       {@code flavor_classes}, {@code cache_in_nova}, {@code com.rackspace__1__*});
   *   <li>22 snapshots of six servers ({@code web01}, {@code web02}, {@code db01}, {@code build01},
   *       {@code winapp01}, {@code legacy01}; ids from {@link FakeImages#serverIdFor(String)}), among them daily and
   *       weekly scheduled images, two SAVING (progress 25 and 50, no size), two ERROR and two DELETED.
   * </ul>
   *
   * <p>So a default listing shows 55 images (ACTIVE and SAVING), and a listing with an early
   * {@code changes-since} all 60.
   *
   * @return an unmodifiable list, the same one on every call
   */
  public static List<Image> rackspace() {
    return RackspaceSample.IMAGES;
  }

  /**
   * {@code count} realistic images in service order, the same for the same seed: about 6% base images (the
   * distributions of {@link #rackspace()}), 81% snapshots of a thousand servers (daily scheduled ones and manual
   * ones), 4% SAVING, 6% DELETED and 3% ERROR. Creation times fall 1 to 119 seconds apart, counting back from
   * {@link #GENERATED_UNTIL}, so ids never need to break a tie; a shorter catalog of a seed is the start of a longer
   * one.
   *
   * <p>Made for catalogs of up to millions of images: images share their metadata maps and server references (one
   * per server and kind), links share their scheme and host, large counts are generated in parallel, and each image
   * costs about 0.8 KB of heap (plus about 0.1 KB in an {@link InMemoryImageCatalog}'s index): a million images take
   * under 1 GB and a few seconds to make.
   *
   * @return an unmodifiable list
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public static List<Image> generated(int count, long seed) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    CatalogGenerator generator = new CatalogGenerator(seed);
    Image[] images = new Image[count];
    IntStream indexes = IntStream.range(0, count);
    // Each image depends only on (seed, index), so parallel generation gives the same list.
    (count >= 10_000 ? indexes.parallel() : indexes).forEach(i -> images[i] = generator.image(i));
    return List.of(images);
  }
}
