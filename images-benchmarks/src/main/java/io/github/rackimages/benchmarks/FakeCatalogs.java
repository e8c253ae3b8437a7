package io.github.rackimages.benchmarks;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
   * 1024 MB of minimum RAM, which match about 1.1% of a generated catalog (Windows Server and a few Linux images),
   * so that a page of 1000 matches needs some 90,000 images scanned.
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
