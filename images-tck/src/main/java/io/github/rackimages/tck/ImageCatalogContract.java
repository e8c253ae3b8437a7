package io.github.rackimages.tck;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import java.util.List;
import org.junit.jupiter.api.Nested;

/**
 * The contract every {@link ImageCatalog} must meet: the service's filters, order and paging rules, marker
 * errors, visibility of DELETED and ERROR images, summaries, {@code find}, lazy streams, lossless images,
 * thread safety and argument checks. An adapter proves itself by extending this class:
 *
 * <pre>{@code
 * class MyCatalogTest extends ImageCatalogContract {
 *
 *   private MyCatalog latest;
 *
 *   // Required: a catalog holding exactly these images (given in any order), and nothing else.
 *   @Override
 *   protected ImageCatalog catalogContaining(List<Image> images) {
 *     latest = MyCatalog.holding(images);
 *     return latest;
 *   }
 *
 *   // Optional, but recommended: how many requests the latest catalog has served so far.
 *   @Override
 *   protected long serviceCalls() {
 *     return latest.requestCount();
 *   }
 * }
 * }</pre>
 *
 * <p><b>{@link #catalogContaining(List)}</b> (required) is called at least once per test, each time for a fresh
 * catalog. The images it is given are complete and realistic (see {@link TestImages}): an adapter that stores
 * them elsewhere (a database, an HTTP emulator) must give them back with every field unchanged. Its
 * implementation may make calls of its own while setting up; the suite only counts calls made after it returns.
 * Every instant in them is a whole second, as the service writes them. The suite never closes a catalog: release
 * what the catalogs hold (an HTTP server, a connection) in an {@code @AfterEach} method of the subclass, which
 * JUnit also runs after the tests of the nested groups.
 *
 * <p><b>{@link #serviceCalls()}</b> (optional) reports how many service calls ({@code list}, {@code listSummaries}
 * and {@code find} requests, or their HTTP equivalents) the catalog returned last by
 * {@link #catalogContaining(List)} has received so far. With it, the suite proves that {@code list} makes exactly
 * one call, that {@code stream} fetches nothing before its terminal operation and only the pages a short-circuiting
 * operation needs, and that bad arguments are refused before any call. Without it (the default returns -1) those
 * checks are skipped as aborted, not passed.
 *
 * <p>Each topic of the suite is a {@link Nested} class, so that a failure names its topic (for example
 * "PageBoundaries &gt; shortPageHasNoNextMarker()"). The checks of topic {@code X} live in a file of their own,
 * {@code XContract.java} (such as {@code PageBoundariesContract.java}), where each test's Javadoc says what it
 * proves:
 *
 * <ul>
 *   <li>{@code Filters}: each filter alone and combined, on the hand-made zoo, against expectations written out by
 *       hand;
 *   <li>{@code FiltersMatchTheReferenceSemantics}: filters alone and combined on a large varied catalog, against the
 *       reference semantics;
 *   <li>{@code ServiceFilters}: the filters as Nova hands them to glance: {@code status} against the glance status
 *       (SAVING is not {@code queued}; ERROR and UNKNOWN match nothing), no trimming, {@code property-<key>};
 *   <li>{@code Visibility}: which images are listed with and without {@code changes-since};
 *   <li>{@code Ordering}: the service's order: created descending, then id descending;
 *   <li>{@code MarkerWalks}: full marker walks: every matching image exactly once, nothing else;
 *   <li>{@code PageBoundaries}: the paging rule at its edges: a next marker exactly when the page is full;
 *   <li>{@code Markers}: markers the service refuses, and where a valid marker resumes;
 *   <li>{@code Summaries}: summaries agree with details;
 *   <li>{@code Find}: {@code find(id)}: any known image but a DELETED one; empty for an unknown or DELETED id;
 *   <li>{@code Laziness}: calls are made only when needed: one per page, none before a stream's terminal operation;
 *   <li>{@code Fidelity}: the lossless model: images come back with every field as given;
 *   <li>{@code Concurrency}: one catalog serves many threads at once;
 *   <li>{@code ArgumentValidation}: null arguments are refused with {@code NullPointerException} before any call.
 * </ul>
 *
 * <p>Expectations are written out by hand for the key cases and otherwise taken from the reference semantics,
 * {@link ImageFilter#matches(Image)} and {@link Image#serviceOrder()}. The whole suite runs in a few seconds
 * against an in-memory catalog; its largest catalog holds 2,500 images.
 *
 * @since 1.0
 */
public abstract class ImageCatalogContract {

  /**
   * A catalog that holds exactly these images and no others. Called once or more per test, each time for a new
   * catalog; the images come in no particular order (the suite shuffles them) and the catalog must list them in
   * the service's order itself.
   *
   * @param images the images, never null, possibly empty, all with distinct ids
   * @return a catalog serving exactly these images; never null
   */
  protected abstract ImageCatalog catalogContaining(List<Image> images);

  /**
   * How many service calls ({@code list}, {@code listSummaries} and {@code find} requests) the catalog last
   * returned by {@link #catalogContaining(List)} has received so far. Override it to enable the laziness and
   * call-count checks; the default, -1, means "not counted" and those checks are skipped.
   *
   * @return the number of calls so far, or a negative number when the adapter does not count them
   */
  protected long serviceCalls() {
    return -1;
  }

  /**
   * How many pages a stream of this catalog may request ahead of its consumer: 0 (the default) for a catalog that
   * fetches a page only when the consumer reaches it, 1 for one that prefetches the next page (such as the HTTP
   * adapter with prefetch on). A short-circuiting stream ({@code limit}, {@code findFirst}, {@code anyMatch}) may then
   * cost up to this many calls more than the pages it reads, for the request ahead that the catalog cancels; the
   * laziness checks allow exactly that and no more. A stream read to its end costs the same either way.
   *
   * @return the pages a stream may request ahead of its consumer, zero or more
   * @since 1.1
   */
  protected int pagesFetchedAhead() {
    return 0;
  }

  /** Each filter alone and combined, on the hand-made zoo, against expectations written out by hand. */
  @Nested
  class Filters extends FiltersContract {
    Filters() {
      super(ImageCatalogContract.this);
    }
  }

  /** Filters alone and combined on a large varied catalog, against the reference semantics. */
  @Nested
  class FiltersMatchTheReferenceSemantics extends FiltersMatchTheReferenceSemanticsContract {
    FiltersMatchTheReferenceSemantics() {
      super(ImageCatalogContract.this);
    }
  }

  /** The filters as Nova hands them to glance: glance statuses, no trimming, {@code property-<key>}. */
  @Nested
  class ServiceFilters extends ServiceFiltersContract {
    ServiceFilters() {
      super(ImageCatalogContract.this);
    }
  }

  /** Which images are listed with and without {@code changes-since}. */
  @Nested
  class Visibility extends VisibilityContract {
    Visibility() {
      super(ImageCatalogContract.this);
    }
  }

  /** The service's order: created descending, then id descending. */
  @Nested
  class Ordering extends OrderingContract {
    Ordering() {
      super(ImageCatalogContract.this);
    }
  }

  /** Full marker walks: every matching image exactly once, nothing else. */
  @Nested
  class MarkerWalks extends MarkerWalksContract {
    MarkerWalks() {
      super(ImageCatalogContract.this);
    }
  }

  /** The paging rule at its edges: a next marker exactly when the page is full. */
  @Nested
  class PageBoundaries extends PageBoundariesContract {
    PageBoundaries() {
      super(ImageCatalogContract.this);
    }
  }

  /** Markers the service refuses, and where a valid marker resumes. */
  @Nested
  class Markers extends MarkersContract {
    Markers() {
      super(ImageCatalogContract.this);
    }
  }

  /** Summaries agree with details. */
  @Nested
  class Summaries extends SummariesContract {
    Summaries() {
      super(ImageCatalogContract.this);
    }
  }

  /** {@code find(id)}: any known image but a DELETED one; empty for an unknown or DELETED id. */
  @Nested
  class Find extends FindContract {
    Find() {
      super(ImageCatalogContract.this);
    }
  }

  /** Calls are made only when needed: one per page, none before a stream's terminal operation. */
  @Nested
  class Laziness extends LazinessContract {
    Laziness() {
      super(ImageCatalogContract.this);
    }
  }

  /** The lossless model: images come back with every field as given. */
  @Nested
  class Fidelity extends FidelityContract {
    Fidelity() {
      super(ImageCatalogContract.this);
    }
  }

  /** One catalog serves many threads at once. */
  @Nested
  class Concurrency extends ConcurrencyContract {
    Concurrency() {
      super(ImageCatalogContract.this);
    }
  }

  /** Null arguments are refused with NullPointerException before any call. */
  @Nested
  class ArgumentValidation extends ArgumentValidationContract {
    ArgumentValidation() {
      super(ImageCatalogContract.this);
    }
  }
}
