package io.github.rackimages.benchmarks;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.core.ServerId;
import io.github.rackimages.fake.FakeImages;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** The in-memory catalogs and filters the fake adapter's benchmarks share. */
public final class FakeCatalogs {

  private FakeCatalogs() {}

  /**
   * An in-memory catalog of {@code size} generated images ({@link SampleCatalogs#generated(int, long)}, seed
   * {@link ServiceImages#SEED}): about 91% of them are listed by default.
   *
   * @throws IllegalArgumentException if {@code size} is negative
   */
  public static InMemoryImageCatalog generated(int size) {
    return InMemoryImageCatalog.builder().images(SampleCatalogs.generated(size, ServiceImages.SEED)).build();
  }

  /**
   * A filter by name: {@code none} ({@link ImageFilter#all()}) or {@code onePercent}: base images with exactly
   * 1024 MB of minimum RAM, which match about 1.1% of a generated catalog (Windows Server and a few Linux images).
   * The fake walks its index of base images (about 6%) and tests {@code minRam}, which it does not index, so a page
   * of 1000 matches needs some 5,500 images walked (some 90,000 before the fake had field indexes).
   *
   * @throws IllegalArgumentException for any other name
   */
  public static ImageFilter filter(String name) {
    return switch (name) {
      case "none" -> ImageFilter.all();
      case "onePercent" -> ImageFilter.builder().type(ImageType.BASE).minRam(1024).build();
      default -> throw new IllegalArgumentException("unknown filter: " + name + " (none, onePercent)");
    };
  }

  /** The server of the rare snapshots {@link #withRareSnapshots} adds. */
  public static final ServerId RARE_SERVER = ServerId.of("0c5b8a37-5e1d-4f0a-9d56-4b0c1f0e7a11");

  /** The name of one of those snapshots, and of no other image. */
  public static final String RARE_NAME = "rare-snapshot-2";

  /** How many rare snapshots {@link #withRareSnapshots} adds. */
  public static final int RARE_SNAPSHOTS = 5;

  /**
   * The filters {@link FakeFilteredPageBenchmark} compares with the unfiltered listing ({@code none}), one common and
   * one rare per field: {@code statusCommon} (ACTIVE, about 87% of a generated catalog), {@code statusRare} (SAVING,
   * about 4%), {@code serverCommon} (the server of the first generated snapshot, about 0.1%: 1000 servers share the
   * snapshots), {@code serverRare} ({@link #RARE_SERVER}, 5 images), {@code typeCommon} (snapshots, about 85%),
   * {@code typeRare} (base images, about 6%), {@code nameCommon} (the name of the first generated base image) and
   * {@code nameRare} ({@link #RARE_NAME}, 1 image).
   */
  public static final List<String> FIELD_FILTERS =
      List.of("none", "statusCommon", "statusRare", "serverCommon", "serverRare", "typeCommon", "typeRare",
          "nameCommon", "nameRare");

  /**
   * Adds {@link #RARE_SNAPSHOTS} ACTIVE snapshots of {@link #RARE_SERVER} to a generated catalog of {@code size}
   * images, spread evenly over its time span, one of them named {@link #RARE_NAME}.
   */
  public static InMemoryImageCatalog withRareSnapshots(InMemoryImageCatalog catalog, int size) {
    long span = 60L * Math.max(size, 1);
    for (int k = 0; k < RARE_SNAPSHOTS; k++) {
      // 30 s off the generator's minutes, so the rare snapshots never tie with a generated image.
      Instant created = SampleCatalogs.GENERATED_UNTIL.minusSeconds(span * k / RARE_SNAPSHOTS + 30);
      catalog.add(FakeImages.snapshot(RARE_SERVER, "rare-snapshot-" + k, created).build());
    }
    return catalog;
  }

  /**
   * A filter of {@link #FIELD_FILTERS} by name, or one of {@link #filter(String)}.
   *
   * @throws IllegalArgumentException for any other name
   */
  public static ImageFilter fieldFilter(String name) {
    return switch (name) {
      case "statusCommon" -> ImageFilter.builder().status(ImageStatus.ACTIVE).build();
      case "statusRare" -> ImageFilter.builder().status(ImageStatus.SAVING).build();
      case "serverCommon" -> ImageFilter.builder().server(firstGenerated(i -> i.server().isPresent())
          .server().orElseThrow().id()).build();
      case "serverRare" -> ImageFilter.builder().server(RARE_SERVER).build();
      case "typeCommon" -> ImageFilter.builder().type(ImageType.SNAPSHOT).build();
      case "typeRare" -> ImageFilter.builder().type(ImageType.BASE).build();
      case "nameCommon" -> ImageFilter.builder().name(firstGenerated(i -> i.type().equals(Optional.of(ImageType.BASE)))
          .name().orElseThrow()).build();
      case "nameRare" -> ImageFilter.builder().name(RARE_NAME).build();
      default -> filter(name);
    };
  }

  private static Image firstGenerated(Predicate<Image> wanted) {
    // Image i of a seed does not depend on the catalog's size, so the first 1000 are those of any larger catalog.
    return SampleCatalogs.generated(1000, ServiceImages.SEED).stream().filter(wanted).findFirst().orElseThrow();
  }

  /**
   * Every request of a full walk with pages of {@code limit}, the first one included, found with single
   * {@code list} calls: request {@code i} fetches page {@code i}. The last request may fetch an empty page (a
   * listing of exactly N * limit images).
   */
  public static List<PageRequest> requests(ImageCatalog catalog, ImageFilter filter, int limit) {
    List<PageRequest> requests = new ArrayList<>();
    PageRequest request = PageRequest.first(limit);
    while (request != null) {
      requests.add(request);
      Page<Image> page = catalog.list(filter, request);
      request = page.nextMarker().map(PageRequest.first(limit)::next).orElse(null);
    }
    return requests;
  }

  /** The share of a catalog's images that a filter lists, for the benchmark logs. */
  static String share(long matched, long size) {
    return String.format(Locale.ROOT, "%d of %d (%.2f%%)", matched, size, size == 0 ? 0.0 : 100.0 * matched / size);
  }
}
