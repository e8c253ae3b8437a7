package io.github.rackimages.tck;

import static io.github.rackimages.tck.ContractImages.AMPERSAND;
import static io.github.rackimages.tck.ContractImages.DAILY_DB_A;
import static io.github.rackimages.tck.ContractImages.DAILY_DB_B;
import static io.github.rackimages.tck.ContractImages.DAILY_WEB;
import static io.github.rackimages.tck.ContractImages.DB01;
import static io.github.rackimages.tck.ContractImages.DEBIAN;
import static io.github.rackimages.tck.ContractImages.IMPORTED;
import static io.github.rackimages.tck.ContractImages.NAMELESS;
import static io.github.rackimages.tck.ContractImages.NEVER_UPDATED;
import static io.github.rackimages.tck.ContractImages.NO_SUCH_SERVER;
import static io.github.rackimages.tck.ContractImages.OTHER;
import static io.github.rackimages.tck.ContractImages.RETIRED;
import static io.github.rackimages.tck.ContractImages.SPECIAL_NAMES;
import static io.github.rackimages.tck.ContractImages.STUCK;
import static io.github.rackimages.tck.ContractImages.T0;
import static io.github.rackimages.tck.ContractImages.UBUNTU;
import static io.github.rackimages.tck.ContractImages.UPPER_CASE_TYPE;
import static io.github.rackimages.tck.ContractImages.WEB01;
import static io.github.rackimages.tck.ContractImages.WEB_DELETED;
import static io.github.rackimages.tck.ContractImages.WEB_FAILED;
import static io.github.rackimages.tck.ContractImages.WEB_NIGHTLY;
import static io.github.rackimages.tck.ContractImages.WEB_SAVING;
import static io.github.rackimages.tck.ContractImages.WINDOWS;
import static io.github.rackimages.tck.ContractImages.hour;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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
 * <p>Each group of checks is a {@link Nested} class; each test's Javadoc says what it proves. Expectations are
 * written out by hand for the key cases and otherwise taken from the reference semantics,
 * {@link ImageFilter#matches(Image)} and {@link Image#serviceOrder()}. The whole suite runs in a few seconds
 * against an in-memory catalog; its largest catalog holds 2,500 images.
 *
 * @since 1.0
 */
public abstract class ImageCatalogContract {

  /** An instant before every image of the suite, so that {@code changes-since} lists them all. */
  private static final Instant BEFORE_ALL = TestImages.EPOCH.minusSeconds(1);

  /** How long the concurrency check may take before it counts as hung. */
  private static final long CONCURRENCY_TIMEOUT_SECONDS = 60;

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

  // ---------------------------------------------------------------------------------------------------------
  // Helpers shared by the groups.

  /** The catalog under test, given the images shuffled (deterministically) so that input order cannot leak. */
  private ImageCatalog catalogOf(List<Image> images) {
    List<Image> shuffled = new ArrayList<>(images);
    Collections.shuffle(shuffled, new Random(31L * images.size() + 7));
    ImageCatalog catalog = catalogContaining(List.copyOf(shuffled));
    return Objects.requireNonNull(catalog, "catalogContaining(...) returned null");
  }

  /** The calls counted so far; aborts the test when the adapter does not count them. */
  private long callsSoFar() {
    long calls = serviceCalls();
    assumeTrue(calls >= 0, "serviceCalls() is not overridden, so call counts cannot be checked");
    return calls;
  }

  /** What the reference semantics list for {@code filter}: the oracle for the larger catalogs. */
  private static List<Image> expected(List<Image> images, ImageFilter filter) {
    return images.stream().filter(filter::matches).sorted(Image.serviceOrder()).toList();
  }

  private static List<ImageId> ids(List<Image> images) {
    return images.stream().map(Image::id).toList();
  }

  private static List<ImageId> summaryIds(List<ImageSummary> summaries) {
    return summaries.stream().map(ImageSummary::id).toList();
  }

  private static List<ImageSummary> summaries(List<Image> images) {
    return images.stream().map(Image::toSummary).toList();
  }

  private static <T> List<T> items(List<Page<T>> pages) {
    return pages.stream().flatMap(p -> p.items().stream()).toList();
  }

  private static List<Integer> sizes(List<? extends Page<?>> pages) {
    return pages.stream().map(Page::size).toList();
  }

  private static List<Boolean> nexts(List<? extends Page<?>> pages) {
    return pages.stream().map(Page::hasNext).toList();
  }

  private static ImageFilter changesSince(Instant instant) {
    return ImageFilter.builder().changesSince(instant).build();
  }

  /**
   * Walks a listing from {@code start} to its last page, checking the paging rule on every page: at most
   * {@code limit} items, and a next marker exactly when the page is full. Fails instead of looping when the walk
   * goes on longer than {@code expectedItems} allow.
   */
  private static <T> List<Page<T>> walk(
      BiFunction<ImageFilter, PageRequest, Page<T>> lister,
      ImageFilter filter,
      PageRequest start,
      int expectedItems) {
    int maxPages = expectedItems / start.limit() + 2;
    List<Page<T>> pages = new ArrayList<>();
    Set<T> seen = new HashSet<>();
    PageRequest request = start;
    while (true) {
      Page<T> page = lister.apply(filter, request);
      int number = pages.size() + 1;
      assertThat(page).as("page %d of %s with %s", number, filter, request).isNotNull();
      assertThat(page.size())
          .as("items on page %d of %s with %s", number, filter, request)
          .isLessThanOrEqualTo(request.limit());
      assertThat(page.hasNext())
          .as(
              "page %d of %s with %s holds %d items: a next marker must be present exactly when the page is full",
              number, filter, request, page.size())
          .isEqualTo(page.size() == request.limit());
      for (T item : page.items()) {
        if (!seen.add(item)) {
          fail("page %d of %s with %s repeats %s, delivered on an earlier page", number, filter, request, item);
        }
      }
      pages.add(page);
      if (!page.hasNext()) {
        return pages;
      }
      if (pages.size() >= maxPages) {
        fail(
            "the walk over %s from %s did not end after %d pages, although only %d images match",
            filter, start, pages.size(), expectedItems);
      }
      request = request.next(page.nextMarker().orElseThrow());
    }
  }

  /** Compares two images field by field, so that a lossy adapter learns which field it lost. */
  private static void assertSameImage(Image actual, Image expected) {
    List<String> differences = new ArrayList<>();
    compare(differences, "id", actual.id(), expected.id());
    compare(differences, "name", actual.name(), expected.name());
    compare(differences, "rawStatus", actual.rawStatus(), expected.rawStatus());
    compare(differences, "status", actual.status(), expected.status());
    compare(differences, "progress", actual.progress(), expected.progress());
    compare(differences, "created", actual.created(), expected.created());
    compare(differences, "updated", actual.updated(), expected.updated());
    compare(differences, "minDisk", actual.minDisk(), expected.minDisk());
    compare(differences, "minRam", actual.minRam(), expected.minRam());
    compare(differences, "size", actual.size(), expected.size());
    compare(differences, "diskConfig", actual.diskConfig(), expected.diskConfig());
    compare(differences, "server", actual.server(), expected.server());
    compare(differences, "links", actual.links(), expected.links());
    compare(differences, "metadata", actual.metadata().values(), expected.metadata().values());
    compare(differences, "otherFields", actual.otherFields(), expected.otherFields());
    if (!differences.isEmpty()) {
      fail("image %s came back changed:%n  %s", expected.id(), String.join("\n  ", differences));
    }
    assertThat(actual).isEqualTo(expected);
  }

  /** Asserts that {@code call} fails as a bad request whose message names {@code marker}. */
  private static void assertBadRequestNaming(String what, ThrowingCallable call, String marker) {
    assertThat(catchThrowable(call))
        .as("%s must fail as a bad request naming the marker", what)
        .isInstanceOf(ImageCatalogBadRequestException.class)
        .hasMessageContaining(marker);
  }

  private static void compare(List<String> differences, String field, Object actual, Object expected) {
    if (!Objects.equals(actual, expected)) {
      differences.add(field + ": expected <" + expected + "> but was <" + actual + ">");
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  /** Each filter alone and combined, on the hand-made zoo, against expectations written out by hand. */
  @Nested
  class Filters {

    private final ImageCatalog zoo = catalogOf(ContractImages.zoo());

    private List<ImageId> listed(ImageFilter filter) {
      Page<Image> page = zoo.list(filter, PageRequest.first(100));
      assertThat(page.hasNext()).as("a page shorter than its limit is the last").isFalse();
      return ids(page.items());
    }

    private ImageFilter.Builder filter() {
      return ImageFilter.builder();
    }

    /** A server id lists that server's listed snapshots, newest first. */
    @Test
    void serverIdListsThatServersSnapshots() {
      assertThat(listed(filter().server(WEB01).build()))
          .containsExactlyElementsOf(ids(List.of(WEB_SAVING, WEB_NIGHTLY, DAILY_WEB)));
      assertThat(listed(filter().server(DB01.value()).build()))
          .containsExactlyElementsOf(ids(List.of(DAILY_DB_B, DAILY_DB_A)));
    }

    /** A server URL matches by its last path segment, given as a URI or as text. */
    @Test
    void serverUrlMatchesByItsLastPathSegment() {
      List<ImageId> web01 = ids(List.of(WEB_SAVING, WEB_NIGHTLY, DAILY_WEB));
      assertThat(listed(filter().server(TestImages.serverUrl(WEB01)).build())).containsExactlyElementsOf(web01);
      assertThat(listed(filter().server(TestImages.serverUrl(WEB01).toString()).build()))
          .containsExactlyElementsOf(web01);
      assertThat(listed(filter().server("https://elsewhere.example/anything/servers/" + OTHER.value()).build()))
          .containsExactly(UPPER_CASE_TYPE.id());
    }

    /** A server URL that ends in '/' names an empty id, which matches nothing. */
    @Test
    void serverUrlEndingInSlashMatchesNothing() {
      assertThat(listed(filter().server(TestImages.serverUrl(WEB01) + "/").build())).isEmpty();
    }

    /** A server with no snapshots lists nothing. */
    @Test
    void unknownServerMatchesNothing() {
      assertThat(listed(filter().server(NO_SUCH_SERVER).build())).isEmpty();
    }

    /** With changes-since, the server filter also lists that server's DELETED and ERROR snapshots. */
    @Test
    void serverFilterWithChangesSinceShowsDeletedAndFailedSnapshots() {
      assertThat(listed(filter().server(WEB01).changesSince(BEFORE_ALL).build()))
          .containsExactlyElementsOf(ids(List.of(WEB_SAVING, WEB_NIGHTLY, WEB_FAILED, WEB_DELETED, DAILY_WEB)));
    }

    /** A name matches exactly, whatever characters it holds; its decoy (a mis-encoded form) does not match. */
    @ParameterizedTest(name = "[{index}] name \"{0}\"")
    @MethodSource("io.github.rackimages.tck.ImageCatalogContract#specialNames")
    void nameMatchesExactlyWhateverCharactersItHolds(String name, ImageId only) {
      assertThat(listed(filter().name(name).build())).containsExactly(only);
    }

    /** A name shared by several images lists all of them, newest first, ties by id descending. */
    @Test
    void nameSharedBySeveralImagesListsThemAll() {
      assertThat(listed(filter().name("Daily backup").build()))
          .containsExactlyElementsOf(ids(List.of(DAILY_DB_B, DAILY_DB_A, DAILY_WEB)));
    }

    /** The status filter lists images in that status only. */
    @Test
    void statusFilterListsThatStatusOnly() {
      assertThat(listed(filter().status(ImageStatus.SAVING).build())).containsExactly(WEB_SAVING.id());
      List<Image> active = new ArrayList<>(ContractImages.zooListedByDefault());
      active.remove(WEB_SAVING);
      assertThat(listed(filter().status(ImageStatus.ACTIVE).build())).containsExactlyElementsOf(ids(active));
    }

    /** changes-since is strictly after: an image changed exactly at the instant is not listed. */
    @Test
    void changesSinceIsStrictlyAfter() {
      assertThat(listed(changesSince(hour(34)))).containsExactly(WEB_DELETED.id(), RETIRED.id());
      assertThat(listed(changesSince(hour(35)))).containsExactly(RETIRED.id());
      assertThat(listed(changesSince(hour(35).minusSeconds(1)))).containsExactly(WEB_DELETED.id(), RETIRED.id());
      assertThat(listed(changesSince(hour(40)))).isEmpty();
    }

    /** changes-since compares the creation time of an image that was never updated. */
    @Test
    void changesSinceUsesCreatedWhenAnImageWasNeverUpdated() {
      assertThat(listed(changesSince(hour(3)))).doesNotContain(NEVER_UPDATED.id()).contains(RETIRED.id());
      assertThat(listed(changesSince(hour(3).minusSeconds(1)))).contains(NEVER_UPDATED.id());
    }

    /** type=base lists base images, whatever the case of their image_type; untyped images are not listed. */
    @Test
    void typeBaseListsBaseImagesInAnyCase() {
      List<Image> base = new ArrayList<>(SPECIAL_NAMES);
      base.addAll(List.of(WINDOWS, NAMELESS, NEVER_UPDATED));
      assertThat(listed(filter().type(ImageType.BASE).build())).containsExactlyElementsOf(ids(base));
    }

    /** type=snapshot lists snapshots, whatever the case of their image_type. */
    @Test
    void typeSnapshotListsSnapshotsInAnyCase() {
      assertThat(listed(filter().type(ImageType.SNAPSHOT).build()))
          .containsExactlyElementsOf(
              ids(List.of(WEB_SAVING, WEB_NIGHTLY, DAILY_DB_B, DAILY_DB_A, UPPER_CASE_TYPE, DAILY_WEB)));
    }

    /** minDisk matches exactly, not as a lower bound. */
    @Test
    void minDiskMatchesExactly() {
      assertThat(listed(filter().minDisk(40).build()))
          .containsExactlyElementsOf(ids(List.of(WINDOWS, WEB_SAVING, WEB_NIGHTLY, DAILY_WEB)));
      assertThat(listed(filter().minDisk(0).build())).containsExactly(IMPORTED.id());
      assertThat(listed(filter().minDisk(30).build())).isEmpty();
    }

    /** minRam matches exactly, not as a lower bound. */
    @Test
    void minRamMatchesExactly() {
      assertThat(listed(filter().minRam(2048).build())).containsExactly(WINDOWS.id());
      assertThat(listed(filter().minRam(1024).build()))
          .containsExactlyElementsOf(ids(List.of(DEBIAN, WEB_SAVING, WEB_NIGHTLY, DAILY_WEB)));
    }

    /** Every filter set at once lists the images that meet all of them. */
    @Test
    void everyFilterAtOnceListsTheImagesMeetingAll() {
      ImageFilter.Builder all =
          filter()
              .server(DB01)
              .name("Daily backup")
              .status(ImageStatus.ACTIVE)
              .type(ImageType.SNAPSHOT)
              .minDisk(80)
              .minRam(4096);
      assertThat(listed(all.changesSince(hour(9)).build())).containsExactly(DAILY_DB_B.id(), DAILY_DB_A.id());
      assertThat(listed(all.changesSince(hour(10)).build())).isEmpty();
      assertThat(listed(all.changesSince(hour(9)).minRam(1024).build())).isEmpty();
    }

    /** Filters combine with AND: an image is listed only when it meets every one. */
    @Test
    void filtersCombineWithAnd() {
      assertThat(listed(filter().type(ImageType.BASE).minRam(1024).build())).containsExactly(DEBIAN.id());
      assertThat(listed(filter().name("Daily backup").server(WEB01).build())).containsExactly(DAILY_WEB.id());
      assertThat(listed(filter().name(UBUNTU.name().orElseThrow()).type(ImageType.SNAPSHOT).build())).isEmpty();
    }
  }

  /** Filters alone and combined on a large varied catalog, against the reference semantics. */
  @Nested
  class FiltersMatchTheReferenceSemantics {

    /** On a large varied catalog, one page of up to 1000 lists exactly what the reference semantics list. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("io.github.rackimages.tck.ImageCatalogContract#filterCases")
    void listsWhatTheReferenceSemanticsList(String description, ImageFilter filter) {
      List<Image> images = variedCatalog();
      ImageCatalog catalog = catalogOf(images);
      Page<Image> page = catalog.list(filter, PageRequest.first(PageRequest.MAX_LIMIT));
      assertThat(ids(page.items())).as(description).containsExactlyElementsOf(ids(expected(images, filter)));
      assertThat(page.hasNext()).as(description).isFalse();
    }

    /** On a large varied catalog, a marker walk in small pages lists what the reference semantics list. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("io.github.rackimages.tck.ImageCatalogContract#filterCases")
    void walksWhatTheReferenceSemanticsList(String description, ImageFilter filter) {
      List<Image> images = variedCatalog();
      List<Image> expected = expected(images, filter);
      ImageCatalog catalog = catalogOf(images);
      List<Image> walked = items(walk(catalog::list, filter, PageRequest.first(25), expected.size()));
      assertThat(ids(walked)).as(description).containsExactlyElementsOf(ids(expected));
    }
  }

  /** The zoo and {@code many(150, 7)}: the catalog the reference-semantics cases run on. */
  private static List<Image> variedCatalog() {
    List<Image> images = new ArrayList<>(ContractImages.zoo());
    images.addAll(TestImages.many(150, 7L));
    return images;
  }

  /** The special names with the one image each names. */
  static Stream<Arguments> specialNames() {
    return SPECIAL_NAMES.stream().map(i -> Arguments.of(i.name().orElseThrow(), i.id()));
  }

  /** Filters alone and combined, for the reference-semantics cases. */
  static Stream<Arguments> filterCases() {
    // many() creates images over six days and updates them up to 30 days later: this splits them about in half.
    Instant midMany = TestImages.EPOCH.plusSeconds(15 * 86_400L);
    return Stream.of(
        Arguments.of("no filter", ImageFilter.all()),
        Arguments.of("server id", ImageFilter.builder().server(TestImages.serverId(1)).build()),
        Arguments.of("server URL", ImageFilter.builder().server(TestImages.serverUrl(TestImages.serverId(2))).build()),
        Arguments.of(
            "server URL as text",
            ImageFilter.builder().server(TestImages.serverUrl(TestImages.serverId(3)).toString()).build()),
        Arguments.of(
            "server URL ending in /",
            ImageFilter.builder().server(TestImages.serverUrl(TestImages.serverId(3)) + "/").build()),
        Arguments.of("unknown server", ImageFilter.builder().server(NO_SUCH_SERVER).build()),
        Arguments.of("name shared by many", ImageFilter.builder().name("web backup").build()),
        Arguments.of("name with & and #", ImageFilter.builder().name("app & db #2").build()),
        Arguments.of("name of a base image", ImageFilter.builder().name("CentOS 7 (PVHVM)").build()),
        Arguments.of("status ACTIVE", ImageFilter.builder().status(ImageStatus.ACTIVE).build()),
        Arguments.of("status SAVING", ImageFilter.builder().status(ImageStatus.SAVING).build()),
        Arguments.of("status DELETED", ImageFilter.builder().status(ImageStatus.DELETED).build()),
        Arguments.of("status ERROR", ImageFilter.builder().status(ImageStatus.ERROR).build()),
        Arguments.of("status UNKNOWN", ImageFilter.builder().status(ImageStatus.UNKNOWN).build()),
        Arguments.of("changes-since before all", changesSince(BEFORE_ALL)),
        Arguments.of("changes-since amid the images", changesSince(midMany)),
        Arguments.of("changes-since after most", changesSince(hour(34))),
        Arguments.of("type base", ImageFilter.builder().type(ImageType.BASE).build()),
        Arguments.of("type snapshot", ImageFilter.builder().type(ImageType.SNAPSHOT).build()),
        Arguments.of("minDisk 20", ImageFilter.builder().minDisk(20).build()),
        Arguments.of("minDisk 0", ImageFilter.builder().minDisk(0).build()),
        Arguments.of("minRam 1024", ImageFilter.builder().minRam(1024).build()),
        Arguments.of("minRam 0", ImageFilter.builder().minRam(0).build()),
        Arguments.of(
            "snapshot + server + ACTIVE",
            ImageFilter.builder()
                .type(ImageType.SNAPSHOT)
                .server(TestImages.serverId(1))
                .status(ImageStatus.ACTIVE)
                .build()),
        Arguments.of(
            "changes-since + DELETED",
            ImageFilter.builder().changesSince(BEFORE_ALL).status(ImageStatus.DELETED).build()),
        Arguments.of(
            "changes-since + ERROR + server",
            ImageFilter.builder()
                .changesSince(TestImages.EPOCH.plusSeconds(86_400L))
                .status(ImageStatus.ERROR)
                .server(TestImages.serverId(4))
                .build()),
        Arguments.of(
            "changes-since + snapshot + server URL",
            ImageFilter.builder()
                .changesSince(BEFORE_ALL)
                .type(ImageType.SNAPSHOT)
                .server(TestImages.serverUrl(TestImages.serverId(5)))
                .build()),
        Arguments.of(
            "base + minDisk + minRam",
            ImageFilter.builder().type(ImageType.BASE).minDisk(20).minRam(512).build()),
        Arguments.of("SAVING + snapshot", ImageFilter.builder().status(ImageStatus.SAVING).type(ImageType.SNAPSHOT).build()),
        Arguments.of(
            "all seven filters",
            ImageFilter.builder()
                .server(DB01)
                .name("Daily backup")
                .status(ImageStatus.ACTIVE)
                .changesSince(hour(8))
                .type(ImageType.SNAPSHOT)
                .minDisk(80)
                .minRam(4096)
                .build()));
  }

  // ---------------------------------------------------------------------------------------------------------

  /** Which images are listed with and without changes-since. */
  @Nested
  class Visibility {

    private final ImageCatalog zoo = catalogOf(ContractImages.zoo());

    /** Without changes-since only ACTIVE and SAVING images are listed, in the service's order. */
    @Test
    void defaultListingShowsOnlyActiveAndSavingImages() {
      Page<Image> page = zoo.list(ImageFilter.all(), PageRequest.first(100));
      assertThat(ids(page.items())).containsExactlyElementsOf(ids(ContractImages.zooListedByDefault()));
      assertThat(page.items()).extracting(Image::status).containsOnly(ImageStatus.ACTIVE, ImageStatus.SAVING);
    }

    /** With changes-since, DELETED, ERROR and UNKNOWN images are listed too. */
    @Test
    void changesSinceShowsDeletedErrorAndUnknownImages() {
      Page<Image> page = zoo.list(changesSince(BEFORE_ALL), PageRequest.first(100));
      assertThat(ids(page.items())).containsExactlyElementsOf(ids(ContractImages.zooInServiceOrder()));
    }

    /** A DELETED or ERROR status filter lists nothing without changes-since, and those images with it. */
    @Test
    void deletedAndErrorStatusFiltersNeedChangesSince() {
      PageRequest page = PageRequest.first(100);
      ImageFilter deleted = ImageFilter.builder().status(ImageStatus.DELETED).build();
      ImageFilter error = ImageFilter.builder().status(ImageStatus.ERROR).build();
      ImageFilter unknown = ImageFilter.builder().status(ImageStatus.UNKNOWN).build();
      assertThat(zoo.list(deleted, page).items()).isEmpty();
      assertThat(zoo.list(error, page).items()).isEmpty();
      assertThat(zoo.list(unknown, page).items()).isEmpty();
      assertThat(ids(zoo.list(deleted.toBuilder().changesSince(BEFORE_ALL).build(), page).items()))
          .containsExactly(WEB_DELETED.id(), RETIRED.id());
      assertThat(ids(zoo.list(error.toBuilder().changesSince(BEFORE_ALL).build(), page).items()))
          .containsExactly(WEB_FAILED.id());
      assertThat(ids(zoo.list(unknown.toBuilder().changesSince(BEFORE_ALL).build(), page).items()))
          .containsExactly(STUCK.id());
    }

    /** An image in a status this library does not know is listed only with changes-since. */
    @Test
    void unrecognizedStatusIsListedOnlyWithChangesSince() {
      List<Image> edge = TestImages.edgeCases();
      ImageCatalog catalog = catalogOf(edge);
      List<Image> listed = catalog.list(ImageFilter.all(), PageRequest.first(100)).items();
      assertThat(listed).extracting(Image::status).containsOnly(ImageStatus.ACTIVE, ImageStatus.SAVING);
      assertThat(ids(listed)).containsExactly(edge.get(1).id(), edge.get(0).id());
      List<Image> all = catalog.list(changesSince(BEFORE_ALL), PageRequest.first(100)).items();
      assertThat(all).extracting(Image::rawStatus).contains("IMPORTING", "DELETED", "ERROR");
      assertThat(ids(all)).containsExactlyElementsOf(ids(expected(edge, changesSince(BEFORE_ALL))));
    }

    /** Summaries follow the same visibility rules as details. */
    @Test
    void summariesFollowTheSameVisibility() {
      PageRequest page = PageRequest.first(100);
      assertThat(summaryIds(zoo.listSummaries(ImageFilter.all(), page).items()))
          .containsExactlyElementsOf(ids(ContractImages.zooListedByDefault()));
      assertThat(summaryIds(zoo.listSummaries(changesSince(BEFORE_ALL), page).items()))
          .containsExactlyElementsOf(ids(ContractImages.zooInServiceOrder()));
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  /** The service's order: created descending, then id descending. */
  @Nested
  class Ordering {

    /** Images are listed newest first, and images created at the same second by id, descending. */
    @Test
    void ordersByCreatedDescendingThenIdDescending() {
      List<Image> ties = ContractImages.tiesInServiceOrder();
      ImageCatalog catalog = catalogOf(ties);
      assertThat(ids(catalog.list(ImageFilter.all(), PageRequest.first(100)).items()))
          .containsExactly(
              ImageId.of("9a000000-0000-4000-8000-000000000001"),
              ImageId.of("f0e1d2c3-0000-4000-8000-000000000002"),
              ImageId.of("c4d5e6f7-0000-4000-8000-000000000003"),
              ImageId.of("a10e5b7c-0000-4000-8000-000000000004"),
              ImageId.of("7c1d2e3f-0000-4000-8000-000000000005"),
              ImageId.of("3f2a8e10-0000-4000-8000-000000000006"),
              ImageId.of("0b9f4c55-0000-4000-8000-000000000007"),
              ImageId.of("ffffffff-0000-4000-8000-000000000008"));
    }

    /** A walk whose pages split a group of images created at the same second neither skips nor repeats one. */
    @ParameterizedTest(name = "[{index}] limit {0}")
    @ValueSource(ints = {1, 2, 3, 4})
    void tiesOnCreatedSurvivePageBoundaries(int limit) {
      List<Image> ties = ContractImages.tiesInServiceOrder();
      ImageCatalog catalog = catalogOf(ties);
      List<Page<Image>> pages = walk(catalog::list, ImageFilter.all(), PageRequest.first(limit), ties.size());
      assertThat(ids(items(pages))).containsExactlyElementsOf(ids(ties));
      List<Page<ImageSummary>> summaryPages =
          walk(catalog::listSummaries, ImageFilter.all(), PageRequest.first(limit), ties.size());
      assertThat(summaryIds(items(summaryPages))).containsExactlyElementsOf(ids(ties));
    }

    /** The update time plays no part in the order, with or without changes-since. */
    @Test
    void updateTimePlaysNoPartInTheOrder() {
      List<Image> ties = ContractImages.tiesInServiceOrder();
      ImageCatalog catalog = catalogOf(ties);
      List<Image> listed = catalog.list(changesSince(BEFORE_ALL), PageRequest.first(100)).items();
      assertThat(ids(listed)).containsExactlyElementsOf(ids(ties));
    }

    /** Every pair of neighbours in a long walk is in order: older created, or same created and smaller id. */
    @Test
    void everyNeighbourPairOfALongWalkIsInOrder() {
      List<Image> images = TestImages.many(400, 11L);
      ImageCatalog catalog = catalogOf(images);
      ImageFilter everything = changesSince(BEFORE_ALL);
      List<Image> walked = items(walk(catalog::list, everything, PageRequest.first(37), images.size()));
      assertThat(walked).hasSameSizeAs(images);
      for (int i = 1; i < walked.size(); i++) {
        Image before = walked.get(i - 1);
        Image after = walked.get(i);
        int byCreated = after.created().compareTo(before.created());
        assertThat(byCreated < 0 || (byCreated == 0 && after.id().value().compareTo(before.id().value()) < 0))
            .as("%s (created %s) listed after %s (created %s)", after.id(), after.created(), before.id(),
                before.created())
            .isTrue();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  /** Full marker walks: every matching image exactly once, nothing else. */
  @Nested
  class MarkerWalks {

    private final List<Image> images = variedCatalog();
    private final ImageCatalog catalog = catalogOf(images);

    private List<ImageFilter> filters() {
      return List.of(
          ImageFilter.all(),
          changesSince(BEFORE_ALL),
          ImageFilter.builder().type(ImageType.SNAPSHOT).build(),
          ImageFilter.builder().server(TestImages.serverId(2)).changesSince(BEFORE_ALL).build());
    }

    /** Walking list() page by page delivers every matching image exactly once and no other, in order. */
    @ParameterizedTest(name = "[{index}] limit {0}")
    @ValueSource(ints = {1, 2, 7, 50, 1000})
    void walkingTheDetailListDeliversEveryMatchingImageExactlyOnce(int limit) {
      for (ImageFilter filter : filters()) {
        List<Image> expected = expected(images, filter);
        List<Image> walked = items(walk(catalog::list, filter, PageRequest.first(limit), expected.size()));
        assertThat(ids(walked)).as("%s, limit %d", filter, limit).doesNotHaveDuplicates();
        assertThat(ids(walked)).as("%s, limit %d", filter, limit).containsExactlyElementsOf(ids(expected));
        assertThat(walked).as("%s, limit %d", filter, limit).containsExactlyElementsOf(expected);
      }
    }

    /** Walking listSummaries() page by page delivers every matching image exactly once and no other, in order. */
    @ParameterizedTest(name = "[{index}] limit {0}")
    @ValueSource(ints = {1, 3, 50, 1000})
    void walkingTheSummaryListDeliversEveryMatchingImageExactlyOnce(int limit) {
      for (ImageFilter filter : filters()) {
        List<Image> expected = expected(images, filter);
        List<ImageSummary> walked =
            items(walk(catalog::listSummaries, filter, PageRequest.first(limit), expected.size()));
        assertThat(summaryIds(walked)).as("%s, limit %d", filter, limit).doesNotHaveDuplicates();
        assertThat(walked).as("%s, limit %d", filter, limit).containsExactlyElementsOf(summaries(expected));
      }
    }

    /** stream() delivers the same images as a marker walk, for several page sizes. */
    @ParameterizedTest(name = "[{index}] limit {0}")
    @ValueSource(ints = {3, 9, 1000})
    void streamDeliversWhatAWalkDelivers(int limit) {
      for (ImageFilter filter : filters()) {
        try (Stream<Image> stream = catalog.stream(filter, PageRequest.first(limit))) {
          assertThat(stream.toList()).as("%s, limit %d", filter, limit).containsExactlyElementsOf(expected(images, filter));
        }
        try (Stream<ImageSummary> stream = catalog.streamSummaries(filter, PageRequest.first(limit))) {
          assertThat(stream.toList())
              .as("%s, limit %d", filter, limit)
              .containsExactlyElementsOf(summaries(expected(images, filter)));
        }
      }
    }

    /** The next marker of a full page names its last image, so PageMarker.after(id) resumes the same way. */
    @Test
    void nextMarkerNamesTheLastImageOfThePage() {
      List<Page<Image>> pages = walk(catalog::list, ImageFilter.all(), PageRequest.first(10), images.size());
      assertThat(pages).hasSizeGreaterThan(2);
      for (Page<Image> page : pages) {
        if (page.hasNext()) {
          Image last = page.items().get(page.size() - 1);
          assertThat(page.nextMarker()).contains(PageMarker.after(last.id()));
        }
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  /** The paging rule at its edges: a next marker exactly when the page is full. */
  @Nested
  class PageBoundaries {

    /** A catalog of exactly N * limit images ends with a full page that has a next marker, then an empty last page. */
    @Test
    void exactMultipleOfTheLimitEndsWithAnEmptyPage() {
      ImageCatalog catalog = catalogOf(ContractImages.active(30, "thirty"));
      List<Page<Image>> pages = walk(catalog::list, ImageFilter.all(), PageRequest.first(10), 30);
      assertThat(sizes(pages)).containsExactly(10, 10, 10, 0);
      assertThat(nexts(pages)).containsExactly(true, true, true, false);
      List<Page<ImageSummary>> summaryPages = walk(catalog::listSummaries, ImageFilter.all(), PageRequest.first(10), 30);
      assertThat(sizes(summaryPages)).containsExactly(10, 10, 10, 0);
      assertThat(nexts(summaryPages)).containsExactly(true, true, true, false);
    }

    /** A page with fewer images than its limit is the last and has no next marker. */
    @Test
    void shortPageHasNoNextMarker() {
      ImageCatalog catalog = catalogOf(ContractImages.active(25, "twenty-five"));
      List<Page<Image>> pages = walk(catalog::list, ImageFilter.all(), PageRequest.first(10), 25);
      assertThat(sizes(pages)).containsExactly(10, 10, 5);
      assertThat(nexts(pages)).containsExactly(true, true, false);
      assertThat(pages.get(2).nextMarker()).isEmpty();
    }

    /** With limit 1, every image comes on its own page, and an empty page ends the walk. */
    @Test
    void limitOneWalksOneImageAtATime() {
      List<Image> three = ContractImages.active(3, "three");
      ImageCatalog catalog = catalogOf(three);
      List<Page<Image>> pages = walk(catalog::list, ImageFilter.all(), PageRequest.first(1), 3);
      assertThat(sizes(pages)).containsExactly(1, 1, 1, 0);
      assertThat(ids(items(pages))).containsExactlyElementsOf(ids(expected(three, ImageFilter.all())));
    }

    /** A catalog smaller than the limit fits on one last page. */
    @Test
    void catalogSmallerThanTheLimitIsOneLastPage() {
      List<Image> five = ContractImages.active(5, "five");
      ImageCatalog catalog = catalogOf(five);
      Page<Image> page = catalog.list(ImageFilter.all(), PageRequest.first(10));
      assertThat(page.size()).isEqualTo(5);
      assertThat(page.nextMarker()).isEmpty();
      Page<ImageSummary> summaries = catalog.listSummaries(ImageFilter.all(), PageRequest.first(6));
      assertThat(summaries.size()).isEqualTo(5);
      assertThat(summaries.hasNext()).isFalse();
    }

    /** An empty catalog, or one whose images are all hidden, gives an empty last page and an empty stream. */
    @Test
    void emptyListingIsAnEmptyLastPage() {
      ImageCatalog empty = catalogOf(List.of());
      assertThat(empty.list(ImageFilter.all(), PageRequest.first(10))).isEqualTo(Page.empty());
      assertThat(empty.listSummaries(ImageFilter.all(), PageRequest.first(10))).isEqualTo(Page.empty());
      assertThat(empty.stream(ImageFilter.all())).isEmpty();
      ImageCatalog hidden = catalogOf(List.of(WEB_DELETED, WEB_FAILED, RETIRED));
      assertThat(hidden.list(ImageFilter.all(), PageRequest.first(10))).isEqualTo(Page.empty());
      assertThat(hidden.list(changesSince(BEFORE_ALL), PageRequest.first(10)).size()).isEqualTo(3);
    }

    /** The marker of the last image gives an empty last page. */
    @Test
    void markerOfTheLastImageGivesAnEmptyLastPage() {
      List<Image> five = expected(ContractImages.active(5, "five"), ImageFilter.all());
      ImageCatalog catalog = catalogOf(five);
      PageRequest afterLast = PageRequest.after(PageMarker.after(five.get(4).id()), 10);
      assertThat(catalog.list(ImageFilter.all(), afterLast)).isEqualTo(Page.empty());
      assertThat(catalog.listSummaries(ImageFilter.all(), afterLast)).isEqualTo(Page.empty());
    }

    /** With more than 1000 images, limit 1000 pages by 1000, both for an exact multiple and a short last page. */
    @Test
    void limitOfOneThousandPagesALargeCatalog() {
      List<Image> images = new ArrayList<>(ContractImages.active(2000, "big"));
      for (Image image : ContractImages.active(500, "gone")) {
        images.add(image.toBuilder().status(ImageStatus.DELETED).progress(0).updated(hour(1)).build());
      }
      ImageCatalog catalog = catalogOf(images);

      List<Page<Image>> visible = walk(catalog::list, ImageFilter.all(), PageRequest.first(1000), 2000);
      assertThat(sizes(visible)).containsExactly(1000, 1000, 0);
      assertThat(nexts(visible)).containsExactly(true, true, false);
      assertThat(ids(items(visible))).containsExactlyElementsOf(ids(expected(images, ImageFilter.all())));

      ImageFilter everything = changesSince(BEFORE_ALL);
      List<Page<ImageSummary>> all = walk(catalog::listSummaries, everything, PageRequest.first(1000), 2500);
      assertThat(sizes(all)).containsExactly(1000, 1000, 500);
      assertThat(nexts(all)).containsExactly(true, true, false);
      assertThat(summaryIds(items(all))).containsExactlyElementsOf(ids(expected(images, everything)));

      assertThat(catalog.list(everything, PageRequest.first()).items())
          .containsExactlyElementsOf(expected(images, everything).subList(0, 1000));
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  /** Markers the service refuses, and where a valid marker resumes. */
  @Nested
  class Markers {

    private final ImageCatalog zoo = catalogOf(ContractImages.zoo());

    /** An unknown marker is a bad request whose message names the marker, for details and summaries alike. */
    @ParameterizedTest(name = "[{index}] marker \"{0}\"")
    @ValueSource(strings = {"00000000-0000-4000-8000-999999999999", "not-a-uuid", "no such image & more #1"})
    void unknownMarkerIsABadRequestNamingIt(String marker) {
      PageRequest after = PageRequest.after(PageMarker.of(marker), 10);
      assertBadRequestNaming("list() after an unknown marker", () -> zoo.list(ImageFilter.all(), after), marker);
      assertBadRequestNaming(
          "listSummaries() after an unknown marker", () -> zoo.listSummaries(ImageFilter.all(), after), marker);
    }

    /** A stream from an unknown marker fails with a bad request when its terminal operation runs. */
    @Test
    void streamFromAnUnknownMarkerFailsAtItsTerminalOperation() {
      String marker = "00000000-0000-4000-8000-999999999999";
      Stream<Image> stream = zoo.stream(ImageFilter.all(), PageRequest.after(PageMarker.of(marker), 10));
      assertBadRequestNaming("a stream from an unknown marker", stream::toList, marker);
    }

    /** The id of a DELETED image is no marker without changes-since (glance hides deleted images). */
    @Test
    void deletedImageIsNoMarkerWithoutChangesSince() {
      PageRequest after = PageRequest.after(PageMarker.after(WEB_DELETED.id()), 10);
      String id = WEB_DELETED.id().value();
      assertBadRequestNaming("list() after a DELETED image", () -> zoo.list(ImageFilter.all(), after), id);
      assertBadRequestNaming(
          "listSummaries() after a DELETED image",
          () -> zoo.listSummaries(ImageFilter.builder().server(WEB01).build(), after),
          id);
    }

    /** With changes-since, the id of a DELETED image is a marker, and the listing resumes right after it. */
    @Test
    void deletedImageIsAMarkerWithChangesSince() {
      PageRequest after = PageRequest.after(PageMarker.after(WEB_DELETED.id()), 10);
      assertThat(ids(zoo.list(changesSince(BEFORE_ALL), after).items()))
          .containsExactly(NAMELESS.id(), NEVER_UPDATED.id(), RETIRED.id(), DAILY_WEB.id());
    }

    /** A marker inside a group of images created at the same second resumes right after it. */
    @Test
    void markerResumesRightAfterItsImage() {
      Page<Image> page = zoo.list(ImageFilter.all(), PageRequest.after(PageMarker.after(DAILY_DB_B.id()), 3));
      assertThat(ids(page.items())).containsExactly(DAILY_DB_A.id(), UPPER_CASE_TYPE.id(), IMPORTED.id());
      assertThat(page.nextMarker()).contains(PageMarker.after(IMPORTED.id()));
    }

    /** A marker naming a listed image the filter excludes resumes after that image's place in the order. */
    @Test
    void markerTheFilterExcludesResumesAfterItsPlace() {
      PageRequest afterImported = PageRequest.after(PageMarker.after(IMPORTED.id()), 10);
      assertThat(ids(zoo.list(ImageFilter.builder().type(ImageType.SNAPSHOT).build(), afterImported).items()))
          .containsExactly(DAILY_WEB.id());
      PageRequest afterNightly = PageRequest.after(PageMarker.after(WEB_NIGHTLY.id()), 10);
      assertThat(ids(zoo.list(ImageFilter.builder().name("Daily backup").build(), afterNightly).items()))
          .containsExactly(DAILY_DB_B.id(), DAILY_DB_A.id(), DAILY_WEB.id());
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  /** Summaries agree with details. */
  @Nested
  class Summaries {

    private final List<Image> images = variedCatalog();
    private final ImageCatalog catalog = catalogOf(images);

    /** Summary pages hold the same ids, names and links as detail pages, in the same order and paging. */
    @ParameterizedTest(name = "[{index}] limit {0}")
    @ValueSource(ints = {4, 60, 1000})
    void summaryPagesAgreeWithDetailPages(int limit) {
      for (ImageFilter filter :
          List.of(ImageFilter.all(), changesSince(BEFORE_ALL), ImageFilter.builder().type(ImageType.BASE).build())) {
        int expected = expected(images, filter).size();
        List<Page<Image>> details = walk(catalog::list, filter, PageRequest.first(limit), expected);
        List<Page<ImageSummary>> summaries = walk(catalog::listSummaries, filter, PageRequest.first(limit), expected);
        assertThat(summaries).as("%s, limit %d", filter, limit).hasSameSizeAs(details);
        for (int i = 0; i < details.size(); i++) {
          assertThat(summaries.get(i).items())
              .as("%s, limit %d, page %d", filter, limit, i + 1)
              .containsExactlyElementsOf(summaries(details.get(i).items()));
          assertThat(summaries.get(i).nextMarker())
              .as("%s, limit %d, next marker of page %d", filter, limit, i + 1)
              .isEqualTo(details.get(i).nextMarker());
        }
      }
    }

    /** A summary keeps a missing name missing and carries the image's links unchanged. */
    @Test
    void summaryKeepsAMissingNameAndTheLinks() {
      ImageCatalog zoo = catalogOf(ContractImages.zoo());
      List<ImageSummary> listed =
          zoo.listSummaries(ImageFilter.builder().type(ImageType.BASE).build(), PageRequest.first(100)).items();
      ImageSummary nameless =
          listed.stream().filter(s -> s.id().equals(NAMELESS.id())).findFirst().orElseThrow(
              () -> new AssertionError("the nameless base image was not listed"));
      assertThat(nameless.name()).isEmpty();
      assertThat(nameless.links()).isEqualTo(TestImages.imageLinks(NAMELESS.id()));
      ImageSummary ubuntu = listed.get(0);
      assertThat(ubuntu).isEqualTo(UBUNTU.toSummary());
    }

    /** streamSummaries() delivers the summaries of what stream() delivers. */
    @Test
    void streamSummariesAgreesWithStream() {
      ImageFilter filter = ImageFilter.builder().type(ImageType.SNAPSHOT).changesSince(BEFORE_ALL).build();
      assertThat(catalog.streamSummaries(filter, PageRequest.first(7)).toList())
          .containsExactlyElementsOf(catalog.stream(filter, PageRequest.first(7)).map(Image::toSummary).toList())
          .containsExactlyElementsOf(summaries(expected(images, filter)));
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  /** find(id): any known image, whatever its status; empty for an unknown id. */
  @Nested
  class Find {

    private final ImageCatalog zoo = catalogOf(ContractImages.zoo());

    /** Every image is found by its id, whatever its status (DELETED, ERROR and UNKNOWN ones too). */
    @Test
    void findsEveryImageWhateverItsStatus() {
      for (Image image : ContractImages.zoo()) {
        Optional<Image> found = zoo.find(image.id());
        assertThat(found).as("find(%s), status %s", image.id(), image.status()).isPresent();
        assertSameImage(found.orElseThrow(), image);
      }
    }

    /** A DELETED image is found with its status and update time. */
    @Test
    void findsADeletedImage() {
      Image found = zoo.find(RETIRED.id()).orElseThrow(() -> new AssertionError("DELETED image not found"));
      assertThat(found.status()).isEqualTo(ImageStatus.DELETED);
      assertThat(found.updated()).contains(hour(40));
      assertThat(found).isEqualTo(RETIRED);
    }

    /** An unknown id gives an empty Optional, not an exception. */
    @ParameterizedTest(name = "[{index}] id \"{0}\"")
    @ValueSource(strings = {"00000000-0000-4000-8000-999999999999", "not-a-uuid", "no such image & more #1"})
    void unknownIdIsEmpty(String id) {
      assertThat(zoo.find(ImageId.of(id))).isEmpty();
    }

    /** An empty catalog finds nothing. */
    @Test
    void emptyCatalogFindsNothing() {
      assertThat(catalogOf(List.of()).find(UBUNTU.id())).isEmpty();
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  /** Calls are made only when needed: one per page, none before a stream's terminal operation. */
  @Nested
  class Laziness {

    private final List<Image> hundred = expected(ContractImages.active(100, "hundred"), ImageFilter.all());
    private final ImageCatalog catalog = catalogOf(hundred);

    /** list, listSummaries and find each make exactly one service call. */
    @Test
    void eachListAndFindIsExactlyOneCall() {
      long start = callsSoFar();
      catalog.list(ImageFilter.all(), PageRequest.first(5));
      assertThat(serviceCalls()).as("calls after one list()").isEqualTo(start + 1);
      catalog.listSummaries(ImageFilter.all(), PageRequest.first(5));
      assertThat(serviceCalls()).as("calls after one listSummaries()").isEqualTo(start + 2);
      catalog.find(hundred.get(3).id());
      assertThat(serviceCalls()).as("calls after one find()").isEqualTo(start + 3);
      catalog.find(ImageId.of("00000000-0000-4000-8000-999999999999"));
      assertThat(serviceCalls()).as("calls after one find() of an unknown id").isEqualTo(start + 4);
    }

    /** Building a stream pipeline makes no call; its terminal operation does. */
    @Test
    void streamMakesNoCallBeforeItsTerminalOperation() {
      long start = callsSoFar();
      Stream<String> names =
          catalog.stream(ImageFilter.all(), PageRequest.first(10))
              .filter(i -> i.minDisk() >= 0)
              .map(i -> i.name().orElse(""))
              .sorted();
      Stream<ImageSummary> summaries = catalog.streamSummaries(ImageFilter.all(), PageRequest.first(10));
      Stream<Image> defaults = catalog.stream(ImageFilter.all());
      Stream<ImageSummary> defaultSummaries = catalog.streamSummaries(ImageFilter.all());
      assertThat(serviceCalls()).as("calls before any terminal operation").isEqualTo(start);
      assertThat(names.count()).isEqualTo(100);
      assertThat(serviceCalls()).as("calls after the terminal operation").isGreaterThan(start);
      summaries.close();
      defaults.close();
      defaultSummaries.close();
    }

    /** stream().limit(k) and findFirst() fetch only the pages they need. */
    @Test
    void shortCircuitingFetchesOnlyThePagesItNeeds() {
      long start = callsSoFar();
      assertThat(catalog.stream(ImageFilter.all(), PageRequest.first(10)).limit(15).toList())
          .containsExactlyElementsOf(hundred.subList(0, 15));
      assertThat(serviceCalls()).as("calls for 15 images in pages of 10").isEqualTo(start + 2);

      assertThat(catalog.stream(ImageFilter.all(), PageRequest.first(10)).findFirst()).contains(hundred.get(0));
      assertThat(serviceCalls()).as("calls for findFirst()").isEqualTo(start + 3);

      assertThat(catalog.stream(ImageFilter.all()).limit(3).toList()).containsExactlyElementsOf(hundred.subList(0, 3));
      assertThat(serviceCalls()).as("calls for 3 images in the default page size").isEqualTo(start + 4);

      assertThat(catalog.streamSummaries(ImageFilter.all()).limit(100).toList())
          .containsExactlyElementsOf(summaries(hundred));
      assertThat(serviceCalls()).as("calls for 100 summaries in the default page size").isEqualTo(start + 5);

      ImageId twentyFifth = hundred.get(24).id();
      assertThat(catalog.streamSummaries(ImageFilter.all(), PageRequest.first(10)).anyMatch(s -> s.id().equals(twentyFifth)))
          .isTrue();
      assertThat(serviceCalls()).as("calls for anyMatch() of the 25th image in pages of 10").isEqualTo(start + 8);
    }

    /** Consuming a whole stream fetches each page once, plus the empty page after an exact multiple. */
    @Test
    void wholeStreamFetchesEachPageOnce() {
      long start = callsSoFar();
      assertThat(catalog.stream(ImageFilter.all(), PageRequest.first(10)).count()).isEqualTo(100);
      assertThat(serviceCalls()).as("calls for 100 images in pages of 10").isEqualTo(start + 11);
      assertThat(catalog.stream(ImageFilter.all(), PageRequest.first(40)).count()).isEqualTo(100);
      assertThat(serviceCalls()).as("calls for 100 images in pages of 40").isEqualTo(start + 11 + 3);
    }

    /** A stream started from PageRequest.after(marker, limit) delivers exactly the images after the marker. */
    @Test
    void streamResumesFromAMarker() {
      Page<Image> first = catalog.list(ImageFilter.all(), PageRequest.first(10));
      PageMarker marker = first.nextMarker().orElseThrow(() -> new AssertionError("a full page has a next marker"));
      assertThat(catalog.stream(ImageFilter.all(), PageRequest.after(marker, 10)).toList())
          .containsExactlyElementsOf(hundred.subList(10, 100));
      PageMarker midPage = PageMarker.after(hundred.get(4).id());
      assertThat(catalog.stream(ImageFilter.all(), PageRequest.after(midPage, 7)).toList())
          .containsExactlyElementsOf(hundred.subList(5, 100));
      assertThat(catalog.streamSummaries(ImageFilter.all(), PageRequest.after(midPage, 1000)).toList())
          .containsExactlyElementsOf(summaries(hundred.subList(5, 100)));
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  /** Images come back with every field as given. */
  @Nested
  class Fidelity {

    private final List<Image> images = fidelityImages();
    private final ImageCatalog catalog = catalogOf(images);

    private List<Image> fidelityImages() {
      List<Image> all = new ArrayList<>(TestImages.edgeCases());
      all.add(TestImages.base(0));
      all.add(TestImages.base(4));
      all.add(TestImages.snapshotOf(TestImages.serverId(1), 3));
      all.add(UBUNTU);
      all.add(DEBIAN);
      return all;
    }

    /** find() returns every field of every image unchanged. */
    @Test
    void findReturnsEveryFieldUnchanged() {
      for (Image image : images) {
        Image found = catalog.find(image.id()).orElseThrow(() -> new AssertionError("not found: " + image.id()));
        assertSameImage(found, image);
      }
    }

    /** A listing returns every field of every image unchanged. */
    @Test
    void listingReturnsEveryFieldUnchanged() {
      List<Image> expected = expected(images, changesSince(BEFORE_ALL));
      List<Image> listed = catalog.list(changesSince(BEFORE_ALL), PageRequest.first(100)).items();
      assertThat(ids(listed)).containsExactlyElementsOf(ids(expected));
      for (int i = 0; i < listed.size(); i++) {
        assertSameImage(listed.get(i), expected.get(i));
      }
    }

    /** A summary listing returns each id, name (or its absence) and the links unchanged. */
    @Test
    void summariesReturnIdNameAndLinksUnchanged() {
      ImageFilter everything = changesSince(BEFORE_ALL);
      assertThat(catalog.listSummaries(everything, PageRequest.first(100)).items())
          .containsExactlyElementsOf(summaries(expected(images, everything)));
    }

    /** A few hundred varied images come back equal through a walk. */
    @Test
    void variedImagesComeBackEqual() {
      List<Image> many = TestImages.many(300, 99L);
      ImageCatalog big = catalogOf(many);
      ImageFilter everything = changesSince(BEFORE_ALL);
      List<Image> walked = items(walk(big::list, everything, PageRequest.first(128), many.size()));
      assertThat(walked).containsExactlyElementsOf(expected(many, everything));
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  /** One catalog serves many threads at once. */
  @Nested
  class Concurrency {

    /** Eight threads walking, streaming and finding at once all get complete, correct results in bounded time. */
    @Test
    void concurrentWalksAndFindsAllSucceed() throws InterruptedException {
      List<Image> images = new ArrayList<>(ContractImages.zoo());
      images.addAll(TestImages.many(300, 21L));
      ImageCatalog catalog = catalogOf(images);
      ImageFilter everything = changesSince(BEFORE_ALL);
      ImageFilter snapshots = ImageFilter.builder().type(ImageType.SNAPSHOT).build();
      List<Image> expectedAll = expected(images, everything);
      List<Image> expectedDefault = expected(images, ImageFilter.all());
      List<Image> expectedSnapshots = expected(images, snapshots);
      int threads = 8;
      int[] limits = {5, 13, 27, 50, 100, 250, 1000, 7};
      CountDownLatch ready = new CountDownLatch(threads);
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          int limit = limits[t];
          int offset = t;
          results.add(
              pool.submit(
                  () -> {
                    ready.countDown();
                    ready.await();
                    int checks = 0;
                    for (int round = 0; round < 2; round++) {
                      List<Image> walked =
                          items(walk(catalog::list, everything, PageRequest.first(limit), expectedAll.size()));
                      assertThat(walked).containsExactlyElementsOf(expectedAll);
                      List<ImageSummary> summaries =
                          items(
                              walk(
                                  catalog::listSummaries,
                                  ImageFilter.all(),
                                  PageRequest.first(limit),
                                  expectedDefault.size()));
                      assertThat(summaries).containsExactlyElementsOf(summaries(expectedDefault));
                      assertThat(catalog.stream(snapshots, PageRequest.first(limit)).toList())
                          .containsExactlyElementsOf(expectedSnapshots);
                      for (int i = offset; i < images.size(); i += 17) {
                        assertThat(catalog.find(images.get(i).id())).contains(images.get(i));
                      }
                      assertThat(catalog.find(ImageId.of("00000000-0000-4000-8000-99999999999" + offset))).isEmpty();
                      checks++;
                    }
                    return checks;
                  }));
        }
        pool.shutdown();
        if (!pool.awaitTermination(CONCURRENCY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          fail("%d threads did not finish their walks within %d s", threads, CONCURRENCY_TIMEOUT_SECONDS);
        }
        for (Future<Integer> result : results) {
          assertThat(outcome(result)).isEqualTo(2);
        }
      } finally {
        pool.shutdownNow();
      }
    }

    private int outcome(Future<Integer> result) throws InterruptedException {
      try {
        return result.get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof AssertionError assertion) {
          throw assertion;
        }
        throw new AssertionError("a concurrent walk failed: " + cause, cause);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------

  /** Null arguments are refused with NullPointerException before any call. */
  @Nested
  class ArgumentValidation {

    /** A null filter, page request or id raises NullPointerException and makes no service call. */
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("io.github.rackimages.tck.ImageCatalogContract#nullArguments")
    void nullArgumentIsRefusedBeforeAnyCall(String call, Consumer<ImageCatalog> operation) {
      ImageCatalog catalog = catalogOf(List.of(UBUNTU, DEBIAN));
      long before = serviceCalls();
      Throwable thrown = catchThrowable(() -> operation.accept(catalog));
      assertThat(thrown).as(call).isInstanceOf(NullPointerException.class);
      if (before >= 0) {
        assertThat(serviceCalls()).as("service calls made by %s", call).isEqualTo(before);
      }
    }
  }

  /** Every port method with one null argument. */
  static Stream<Arguments> nullArguments() {
    PageRequest page = PageRequest.first(10);
    ImageFilter all = ImageFilter.all();
    return Stream.of(
        nullCase("list(null, page)", c -> c.list(null, page)),
        nullCase("list(filter, null)", c -> c.list(all, null)),
        nullCase("listSummaries(null, page)", c -> c.listSummaries(null, page)),
        nullCase("listSummaries(filter, null)", c -> c.listSummaries(all, null)),
        nullCase("find(null)", c -> c.find(null)),
        nullCase("stream(null)", c -> c.stream(null)),
        nullCase("stream(null, page)", c -> c.stream(null, page)),
        nullCase("stream(filter, null)", c -> c.stream(all, null)),
        nullCase("streamSummaries(null)", c -> c.streamSummaries(null)),
        nullCase("streamSummaries(null, page)", c -> c.streamSummaries(null, page)),
        nullCase("streamSummaries(filter, null)", c -> c.streamSummaries(all, null)));
  }

  private static Arguments nullCase(String call, Consumer<ImageCatalog> operation) {
    return Arguments.of(call, operation);
  }
}
