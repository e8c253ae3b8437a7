package io.github.rackimages.core;

import static io.github.rackimages.core.TestImages.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The port's derived streams ({@code stream}, {@code streamSummaries}), over small catalogs written here. */
class ImageCatalogStreamTest {

  /** {@code count} ACTIVE images, returned in the service's order (newest first): img-01 is the newest. */
  private static List<Image> images(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> image(String.format("img-%02d", i), count - i).build())
        .sorted(Image.serviceOrder())
        .collect(Collectors.toList());
  }

  private static List<String> ids(List<Image> images) {
    return images.stream().map(i -> i.id().value()).collect(Collectors.toList());
  }

  private static PageMarker markerAfter(Image image) {
    return PageMarker.after(image.id());
  }

  /**
   * A catalog over a fixed list that pages by the service's rule, records every list call and fails the calls it
   * is told to fail.
   */
  static final class CountingCatalog implements ImageCatalog {
    private final List<Image> images;
    final List<PageRequest> requests = new ArrayList<>();
    final List<ImageFilter> filters = new ArrayList<>();
    private final Map<Integer, RuntimeException> failures = new HashMap<>();

    CountingCatalog(List<Image> images) {
      this.images = List.copyOf(images);
    }

    /** Makes the {@code call}-th list call (counting from 1) throw {@code failure}. */
    CountingCatalog failOnCall(int call, RuntimeException failure) {
      failures.put(call, failure);
      return this;
    }

    int calls() {
      return requests.size();
    }

    @Override
    public Page<Image> list(ImageFilter filter, PageRequest request) {
      requests.add(request);
      filters.add(filter);
      RuntimeException failure = failures.remove(requests.size());
      if (failure != null) {
        throw failure;
      }
      int from = 0;
      if (request.marker().isPresent()) {
        String marker = request.marker().get().value();
        from = ids(images).indexOf(marker) + 1;
        if (from == 0) {
          throw new ImageCatalogBadRequestException("unknown marker " + marker);
        }
      }
      List<Image> slice = images.subList(from, Math.min(images.size(), from + request.limit()));
      return Page.byServiceRule(slice, request, ImageCatalogStreamTest::markerAfter);
    }

    @Override
    public Page<ImageSummary> listSummaries(ImageFilter filter, PageRequest request) {
      Page<Image> page = list(filter, request);
      List<ImageSummary> summaries = page.items().stream().map(Image::toSummary).collect(Collectors.toList());
      return page.nextMarker().map(m -> Page.of(summaries, m)).orElseGet(() -> Page.last(summaries));
    }

    @Override
    public Optional<Image> find(ImageId id) {
      return images.stream().filter(i -> i.id().equals(id)).findFirst();
    }
  }

  /**
   * A broken catalog that answers each request marker with a scripted page, to play services that repeat
   * markers. It refuses to answer more than a few calls, so that a walker that loops fails the test instead of
   * hanging it.
   */
  static final class ScriptedCatalog implements ImageCatalog {
    private final Map<Optional<PageMarker>, Page<Image>> answers = new HashMap<>();
    int calls;

    ScriptedCatalog answer(PageMarker requestMarker, Page<Image> page) {
      answers.put(Optional.ofNullable(requestMarker), page);
      return this;
    }

    @Override
    public Page<Image> list(ImageFilter filter, PageRequest request) {
      if (++calls > 20) {
        throw new AssertionError("the walk is looping: " + calls + " list calls");
      }
      return answers.get(request.marker());
    }

    @Override
    public Page<ImageSummary> listSummaries(ImageFilter filter, PageRequest request) {
      throw new UnsupportedOperationException("not scripted");
    }

    @Override
    public Optional<Image> find(ImageId id) {
      return Optional.empty();
    }
  }

  @Nested
  class Laziness {

    @Test
    void noListCallIsMadeBeforeATerminalOperation() {
      CountingCatalog catalog = new CountingCatalog(images(5));

      Stream<String> names =
          catalog.stream(ImageFilter.all(), PageRequest.first(2)).filter(i -> true).map(i -> i.id().value());
      Iterator<String> iterator = names.iterator();

      assertThat(catalog.calls()).isZero();
      assertThat(iterator.hasNext()).isTrue();
      assertThat(catalog.calls()).isEqualTo(1);
    }

    @Test
    void summaryStreamsMakeNoCallBeforeATerminalOperation() {
      CountingCatalog catalog = new CountingCatalog(images(5));

      Stream<ImageSummary> summaries = catalog.streamSummaries(ImageFilter.all(), PageRequest.first(2));
      Stream<ImageSummary> allSummaries = catalog.streamSummaries(ImageFilter.all());

      assertThat(catalog.calls()).isZero();
      summaries.close();
      allSummaries.close();
      assertThat(catalog.calls()).isZero();
    }

    @Test
    void pagesAreFetchedOneAtATimeWhenThePreviousIsUsedUp() {
      CountingCatalog catalog = new CountingCatalog(images(7));
      Iterator<Image> iterator = catalog.stream(ImageFilter.all(), PageRequest.first(3)).iterator();
      List<Integer> callsAfterEachItem = new ArrayList<>();

      while (iterator.hasNext()) {
        iterator.next();
        callsAfterEachItem.add(catalog.calls());
      }

      assertThat(callsAfterEachItem).containsExactly(1, 1, 1, 2, 2, 2, 3);
      assertThat(catalog.calls()).isEqualTo(3);
    }

    @ParameterizedTest(name = "limit({0}) with pages of 3 -> {1} calls")
    @CsvSource({"1, 1", "3, 1", "4, 2", "6, 2", "7, 3"})
    void aLimitStopsTheFetching(int limit, int expectedCalls) {
      CountingCatalog catalog = new CountingCatalog(images(20));

      List<Image> first = catalog.stream(ImageFilter.all(), PageRequest.first(3)).limit(limit).toList();

      assertThat(first).hasSize(limit);
      assertThat(catalog.calls()).isEqualTo(expectedCalls);
    }

    @Test
    void shortCircuitingOperationsStopTheFetching() {
      CountingCatalog catalog = new CountingCatalog(images(20));

      assertThat(catalog.stream(ImageFilter.all(), PageRequest.first(3)).findFirst()).isPresent();
      assertThat(catalog.calls()).isEqualTo(1);

      CountingCatalog again = new CountingCatalog(images(20));
      assertThat(again.stream(ImageFilter.all(), PageRequest.first(3)).anyMatch(i -> i.id().value().equals("img-05")))
          .isTrue();
      assertThat(again.calls()).isEqualTo(2);
    }
  }

  @Nested
  class Walking {

    @Test
    void aWalkDeliversEveryImageInOrderFollowingTheMarkers() {
      List<Image> images = images(8);
      CountingCatalog catalog = new CountingCatalog(images);
      ImageFilter filter = ImageFilter.builder().type(ImageType.BASE).build();

      List<Image> walked = catalog.stream(filter, PageRequest.first(3)).toList();

      assertThat(walked).isEqualTo(images);
      assertThat(catalog.requests)
          .containsExactly(
              PageRequest.first(3),
              PageRequest.after(markerAfter(images.get(2)), 3),
              PageRequest.after(markerAfter(images.get(5)), 3));
      assertThat(catalog.filters).containsOnly(filter);
    }

    @Test
    void anExactMultipleOfThePageSizeEndsWithAnEmptyPage() {
      CountingCatalog catalog = new CountingCatalog(images(6));

      assertThat(catalog.stream(ImageFilter.all(), PageRequest.first(3)).count()).isEqualTo(6);
      assertThat(catalog.calls()).isEqualTo(3);
    }

    @Test
    void anEmptyCatalogTakesOneCall() {
      CountingCatalog catalog = new CountingCatalog(List.of());

      assertThat(catalog.stream(ImageFilter.all())).isEmpty();
      assertThat(catalog.requests).containsExactly(PageRequest.first());
    }

    @Test
    void aWalkCanStartAfterAMarker() {
      List<Image> images = images(5);
      CountingCatalog catalog = new CountingCatalog(images);

      List<Image> rest = catalog.stream(ImageFilter.all(), PageRequest.after(markerAfter(images.get(1)), 2)).toList();

      assertThat(rest).isEqualTo(images.subList(2, 5));
    }

    @Test
    void theOneArgumentStreamsUseTheLargestPage() {
      CountingCatalog catalog = new CountingCatalog(images(3));

      assertThat(catalog.stream(ImageFilter.all())).hasSize(3);
      assertThat(catalog.streamSummaries(ImageFilter.all())).hasSize(3);
      assertThat(catalog.requests).containsExactly(PageRequest.first(), PageRequest.first());
    }

    @Test
    void summariesAreWalkedLikeImages() {
      List<Image> images = images(5);
      CountingCatalog catalog = new CountingCatalog(images);

      List<ImageSummary> summaries = catalog.streamSummaries(ImageFilter.all(), PageRequest.first(2)).toList();

      assertThat(summaries).isEqualTo(images.stream().map(Image::toSummary).toList());
      assertThat(catalog.calls()).isEqualTo(3);
    }

    @Test
    void theStreamIsSequential() {
      assertThat(new CountingCatalog(images(1)).stream(ImageFilter.all()).isParallel()).isFalse();
    }

    @Test
    void nullArgumentsAreRejectedBeforeAnyCall() {
      CountingCatalog catalog = new CountingCatalog(images(1));

      assertThatNullPointerException().isThrownBy(() -> catalog.stream(null)).withMessage("filter");
      assertThatNullPointerException()
          .isThrownBy(() -> catalog.stream(null, PageRequest.first()))
          .withMessage("filter");
      assertThatNullPointerException().isThrownBy(() -> catalog.stream(ImageFilter.all(), null)).withMessage("start");
      assertThatNullPointerException().isThrownBy(() -> catalog.streamSummaries(null)).withMessage("filter");
      assertThatNullPointerException()
          .isThrownBy(() -> catalog.streamSummaries(ImageFilter.all(), null))
          .withMessage("start");
      assertThat(catalog.calls()).isZero();
    }
  }

  @Nested
  class RepeatedMarkers {

    private final Image a1 = image("a1").build();
    private final Image b1 = image("b1").build();
    private final Image c1 = image("c1").build();
    private final PageMarker markerA = PageMarker.of("A");
    private final PageMarker markerB = PageMarker.of("B");

    @Test
    void aMarkerHandedBackAgainStopsTheWalkInsteadOfLooping() {
      ScriptedCatalog catalog =
          new ScriptedCatalog()
              .answer(null, Page.of(List.of(a1), markerA))
              .answer(markerA, Page.of(List.of(b1), markerB))
              .answer(markerB, Page.of(List.of(c1), markerA));
      List<Image> delivered = new ArrayList<>();

      ImageCatalogProtocolException e =
          catchThrowableOfType(
              ImageCatalogProtocolException.class,
              () -> catalog.stream(ImageFilter.all(), PageRequest.first(1)).forEach(delivered::add));

      assertThat(e.getMessage()).contains("repeated the marker A");
      assertThat(delivered).containsExactly(a1, b1);
      assertThat(catalog.calls).isEqualTo(3);
      assertThat(e.interruptedWalk()).isTrue();
      // The page of request B could not be used: resuming after B lists exactly what was not delivered.
      assertThat(e.resumeMarker()).contains(markerB);
    }

    @Test
    void aPageWhoseNextMarkerIsItsOwnRequestMarkerStopsTheWalk() {
      ScriptedCatalog catalog =
          new ScriptedCatalog()
              .answer(null, Page.of(List.of(a1), markerA))
              .answer(markerA, Page.of(List.of(b1), markerA));
      List<Image> delivered = new ArrayList<>();

      ImageCatalogProtocolException e =
          catchThrowableOfType(
              ImageCatalogProtocolException.class,
              () -> catalog.stream(ImageFilter.all(), PageRequest.first(1)).forEach(delivered::add));

      assertThat(e).isNotNull();
      assertThat(delivered).containsExactly(a1);
      assertThat(catalog.calls).isEqualTo(2);
      assertThat(e.resumeMarker()).contains(markerA);
    }

    @Test
    void theStartMarkerCountsAsSeen() {
      ScriptedCatalog catalog = new ScriptedCatalog().answer(markerA, Page.of(List.of(b1), markerA));

      ImageCatalogProtocolException e =
          catchThrowableOfType(
              ImageCatalogProtocolException.class,
              () -> catalog.stream(ImageFilter.all(), PageRequest.after(markerA, 1)).toList());

      assertThat(e).isNotNull();
      assertThat(catalog.calls).isEqualTo(1);
    }

    @Test
    void aWalkStoppedByARepeatedMarkerStaysStopped() {
      ScriptedCatalog catalog =
          new ScriptedCatalog()
              .answer(null, Page.of(List.of(a1), markerA))
              .answer(markerA, Page.of(List.of(b1), markerA));
      Iterator<Image> iterator = catalog.stream(ImageFilter.all(), PageRequest.first(1)).iterator();
      iterator.next();

      assertThat(catchThrowableOfType(ImageCatalogProtocolException.class, iterator::hasNext)).isNotNull();
      // Neither the rejected page's items nor a further call come after the failure.
      assertThat(iterator.hasNext()).isFalse();
      assertThat(catalog.calls).isEqualTo(2);
    }

    @Test
    void aMissingPageIsAProtocolError() {
      ScriptedCatalog catalog = new ScriptedCatalog().answer(null, Page.of(List.of(a1), markerA));

      ImageCatalogProtocolException e =
          catchThrowableOfType(
              ImageCatalogProtocolException.class,
              () -> catalog.stream(ImageFilter.all(), PageRequest.first(1)).toList());

      assertThat(e.getMessage()).contains("no page", "marker=A");
      assertThat(e.interruptedWalk()).isTrue();
      assertThat(e.resumeMarker()).contains(markerA);
      assertThat(catalog.calls).isEqualTo(2);
    }
  }

  @Nested
  class Failures {

    @Test
    void aFailureOnPage3TellsToResumeAtPage3sMarkerAndResumingListsExactlyTheRest() {
      List<Image> images = images(10);
      ImageCatalogServiceFaultException failure = new ImageCatalogServiceFaultException("HTTP 500");
      CountingCatalog catalog = new CountingCatalog(images).failOnCall(3, failure);
      List<Image> delivered = new ArrayList<>();

      ImageCatalogServiceFaultException e =
          catchThrowableOfType(
              ImageCatalogServiceFaultException.class,
              () -> catalog.stream(ImageFilter.all(), PageRequest.first(3)).forEach(delivered::add));

      assertThat(e).as("a copy for this walk").isNotSameAs(failure).hasMessageStartingWith("HTTP 500");
      assertThat(e.getSuppressed()).containsExactly(failure);
      assertThat(e.interruptedWalk()).isTrue();
      PageMarker page3Marker = catalog.requests.get(2).marker().orElseThrow();
      assertThat(page3Marker).isEqualTo(markerAfter(images.get(5)));
      assertThat(e.resumeMarker()).contains(page3Marker);
      assertThat(e.getMessage()).endsWith("resume the walk after marker " + page3Marker.value());
      assertThat(delivered).isEqualTo(images.subList(0, 6));

      List<Image> resumed = catalog.stream(ImageFilter.all(), PageRequest.after(e.resumeMarker().get(), 3)).toList();

      assertThat(resumed).isEqualTo(images.subList(6, 10));
    }

    @Test
    void aFailureOnTheFirstPageHasNoResumeMarker() {
      CountingCatalog catalog =
          new CountingCatalog(images(5)).failOnCall(1, new ImageCatalogTransportException("connection refused"));

      ImageCatalogTransportException e =
          catchThrowableOfType(
              ImageCatalogTransportException.class, () -> catalog.stream(ImageFilter.all()).toList());

      assertThat(e.interruptedWalk()).isTrue();
      assertThat(e.resumeMarker()).isEmpty();
      assertThat(e.getMessage()).contains("first page");
    }

    @Test
    void pagesAreFetchedLazilyOneCallEachAndEndWithThePageWithoutANextMarker() {
      CountingCatalog catalog = new CountingCatalog(images(10));
      Stream<Page<Image>> pages = catalog.pages(ImageFilter.all(), PageRequest.first(3));

      assertThat(catalog.calls()).as("no call before a terminal operation").isZero();
      List<Integer> sizes = pages.map(p -> p.items().size()).toList();

      assertThat(sizes).containsExactly(3, 3, 3, 1);
      assertThat(catalog.calls()).isEqualTo(4);
    }

    @Test
    void aFailedPageWalkNamesItsResumeMarker() {
      CountingCatalog catalog = new CountingCatalog(images(10)).failOnCall(3, new ImageCatalogTransportException("reset"));

      ImageCatalogException e = catchThrowableOfType(
          ImageCatalogException.class, () -> catalog.pages(ImageFilter.all(), PageRequest.first(3)).toList());

      assertThat(e.resumeMarker()).contains(PageMarker.of(images(10).get(5).id().value()));
    }

    @Test
    void aFailedWalkMakesNoFurtherCall() {
      CountingCatalog catalog =
          new CountingCatalog(images(10)).failOnCall(2, new ImageCatalogTransportException("reset"));
      Iterator<Image> iterator = catalog.stream(ImageFilter.all(), PageRequest.first(3)).iterator();
      for (int i = 0; i < 3; i++) {
        iterator.next();
      }

      assertThat(catchThrowableOfType(ImageCatalogTransportException.class, iterator::hasNext)).isNotNull();
      assertThat(iterator.hasNext()).isFalse();
      assertThat(catalog.calls()).isEqualTo(2);
    }

    @Test
    void aFailureNamingAnotherWalksPlaceGetsThisWalksPlaceOnACopy() {
      ImageCatalogException failure =
          new ImageCatalogTransportException("reset").interruptingWalk(PageMarker.of("another-walk"));
      CountingCatalog catalog = new CountingCatalog(images(10)).failOnCall(2, failure);

      ImageCatalogException e =
          catchThrowableOfType(
              ImageCatalogException.class, () -> catalog.stream(ImageFilter.all(), PageRequest.first(3)).toList());

      assertThat(e).isNotSameAs(failure).isExactlyInstanceOf(ImageCatalogTransportException.class);
      assertThat(e.resumeMarker()).contains(PageMarker.of(images(10).get(2).id().value()));
      assertThat(failure.resumeMarker()).as("the shared failure is never changed").contains(PageMarker.of("another-walk"));
    }

    @Test
    void oneFailureThrownIntoTwoWalksReachesEachAsItsOwnCopyWithItsOwnPlace() {
      ImageCatalogTransportException shared = new ImageCatalogTransportException("identity down");
      CountingCatalog first = new CountingCatalog(images(10)).failOnCall(2, shared);
      CountingCatalog second = new CountingCatalog(images(10)).failOnCall(3, shared);

      ImageCatalogException a =
          catchThrowableOfType(ImageCatalogException.class, () -> first.stream(ImageFilter.all(), PageRequest.first(3)).toList());
      ImageCatalogException b =
          catchThrowableOfType(ImageCatalogException.class, () -> second.stream(ImageFilter.all(), PageRequest.first(3)).toList());

      assertThat(a).isNotSameAs(b).isNotSameAs(shared);
      assertThat(a.resumeMarker()).contains(PageMarker.of(images(10).get(2).id().value()));
      assertThat(b.resumeMarker()).contains(PageMarker.of(images(10).get(5).id().value()));
      assertThat(shared.interruptedWalk()).isFalse();
      assertThat(a.getSuppressed()).containsExactly(shared);
    }

    @Test
    void anUnknownMarkerAtTheStartFailsAsTheAdapterReportsIt() {
      CountingCatalog catalog = new CountingCatalog(images(3));

      ImageCatalogBadRequestException e =
          catchThrowableOfType(
              ImageCatalogBadRequestException.class,
              () -> catalog.stream(ImageFilter.all(), PageRequest.after(PageMarker.of("nope"), 3)).toList());

      assertThat(e.interruptedWalk()).isTrue();
      assertThat(e.resumeMarker()).contains(PageMarker.of("nope"));
    }

    @Test
    void otherExceptionsOfABrokenAdapterPassThroughUnchanged() {
      IllegalStateException bug = new IllegalStateException("adapter bug");
      CountingCatalog catalog = new CountingCatalog(images(3)).failOnCall(1, bug);

      assertThat(catchThrowableOfType(IllegalStateException.class, () -> catalog.stream(ImageFilter.all()).toList()))
          .isSameAs(bug);
    }
  }
}
