package io.github.rackimages.tck;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.tck.FlawedCatalog.Flaw;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proves the contract can fail: each check runs against a catalog with one planted bug and must throw an
 * {@link AssertionError}, and against the correct naive catalog, where it must pass (so the failure is the bug's,
 * not the harness's).
 */
class ContractCatchesFlawsTest {

  /** One contract check, run on a contract instance as JUnit would run it. */
  @FunctionalInterface
  interface Check {
    void run(ImageCatalogContract contract) throws Exception;
  }

  /** A contract wired to a catalog with this flaw, counting its calls. */
  private static ImageCatalogContract contractFor(Flaw flaw) {
    return new ImageCatalogContract() {
      private FlawedCatalog latest;

      @Override
      protected ImageCatalog catalogContaining(List<Image> images) {
        latest = new FlawedCatalog(flaw, images);
        return latest;
      }

      @Override
      protected long serviceCalls() {
        return latest.calls();
      }
    };
  }

  static Stream<Arguments> flawsAndTheChecksThatCatchThem() {
    return Stream.of(
        caught(Flaw.OLDEST_FIRST, c -> c.new Ordering().ordersByCreatedDescendingThenIdDescending()),
        caught(Flaw.OLDEST_FIRST, c -> c.new Visibility().defaultListingShowsOnlyActiveAndSavingImages()),
        caught(Flaw.TIES_BY_ID_ASCENDING, c -> c.new Ordering().ordersByCreatedDescendingThenIdDescending()),
        caught(Flaw.TIES_BY_ID_ASCENDING, c -> c.new Ordering().everyNeighbourPairOfALongWalkIsInOrder()),
        caught(Flaw.NEXT_MARKER_ON_SHORT_PAGE, c -> c.new PageBoundaries().shortPageHasNoNextMarker()),
        caught(Flaw.NEXT_MARKER_ON_SHORT_PAGE, c -> c.new MarkerWalks().walkingTheDetailListDeliversEveryMatchingImageExactlyOnce(7)),
        caught(Flaw.NO_NEXT_MARKER_WHEN_NOTHING_FOLLOWS, c -> c.new PageBoundaries().exactMultipleOfTheLimitEndsWithAnEmptyPage()),
        caught(Flaw.NO_NEXT_MARKER_WHEN_NOTHING_FOLLOWS, c -> c.new PageBoundaries().limitOfOneThousandPagesALargeCatalog()),
        caught(Flaw.REPEATS_LAST_IMAGE_OF_EACH_PAGE, c -> c.new MarkerWalks().walkingTheDetailListDeliversEveryMatchingImageExactlyOnce(7)),
        caught(Flaw.REPEATS_LAST_IMAGE_OF_EACH_PAGE, c -> c.new MarkerWalks().walkingTheSummaryListDeliversEveryMatchingImageExactlyOnce(3)),
        caught(Flaw.REPEATS_LAST_IMAGE_OF_EACH_PAGE, c -> c.new Summaries().summaryPagesAgreeWithDetailPages(4)),
        caught(Flaw.EAGER_STREAM, c -> c.new Laziness().streamMakesNoCallBeforeItsTerminalOperation()),
        caught(Flaw.READS_EVERY_PAGE, c -> c.new Laziness().shortCircuitingFetchesOnlyThePagesItNeeds()),
        caught(Flaw.LOSES_OTHER_FIELDS, c -> c.new Fidelity().findReturnsEveryFieldUnchanged()),
        caught(Flaw.LOSES_OTHER_FIELDS, c -> c.new Fidelity().listingReturnsEveryFieldUnchanged()),
        caught(Flaw.UNKNOWN_MARKER_IS_EMPTY, c -> c.new Markers().unknownMarkerIsABadRequestNamingIt("not-a-uuid")),
        caught(Flaw.CHANGES_SINCE_INCLUSIVE, c -> c.new Filters().changesSinceIsStrictlyAfter()),
        caught(Flaw.CHANGES_SINCE_INCLUSIVE, c -> c.new Filters().changesSinceUsesCreatedWhenAnImageWasNeverUpdated()),
        caught(Flaw.PLUS_IN_NAME_BECOMES_SPACE, c -> c.new Filters().nameMatchesExactlyWhateverCharactersItHolds(
            ContractImages.CPP.name().orElseThrow(), ContractImages.CPP.id())),
        caught(Flaw.SERVER_URL_COMPARED_WHOLE, c -> c.new Filters().serverUrlMatchesByItsLastPathSegment()),
        caught(Flaw.SHOWS_HIDDEN_IMAGES, c -> c.new Visibility().defaultListingShowsOnlyActiveAndSavingImages()),
        caught(Flaw.SHOWS_HIDDEN_IMAGES, c -> c.new Visibility().deletedAndErrorStatusFiltersNeedChangesSince()),
        caught(Flaw.SUMMARY_NAME_NEVER_MISSING, c -> c.new Summaries().summaryKeepsAMissingNameAndTheLinks()),
        caught(Flaw.STATUS_TRIMMED, c -> c.new ServiceFilters().aStatusIsNotTrimmed(" active")),
        caught(Flaw.SAVING_INCLUDES_QUEUED, c -> c.new ServiceFilters().savingListsOnlyGlancesSavingNotQueued()),
        caught(Flaw.PROPERTY_IN_ANY_CASE, c -> c.new ServiceFilters().aPropertyMatchesTheMetadataExactly()),
        caught(Flaw.FINDS_DELETED, c -> c.new Find().aDeletedImageIsNotFound()),
        caught(Flaw.ACCEPTS_NULLS, c -> c.new ArgumentValidation().nullArgumentIsRefusedBeforeAnyCall(
            "list(null, page)", catalog -> catalog.list(null, io.github.rackimages.core.PageRequest.first(10)))));
  }

  private static Arguments caught(Flaw flaw, Check check) {
    return Arguments.of(flaw, check);
  }

  /** The check passes on the correct catalog and throws AssertionError on the flawed one. */
  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("flawsAndTheChecksThatCatchThem")
  void contractCheckFailsOnACatalogWithTheFlaw(Flaw flaw, Check check) {
    assertThatCode(() -> check.run(contractFor(Flaw.NONE)))
        .as("the check passes on the correct catalog")
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> check.run(contractFor(flaw)))
        .as("the check fails on a catalog with the flaw %s", flaw)
        .isInstanceOf(AssertionError.class);
  }

  /** Without serviceCalls(), the call-count checks abort (are skipped) instead of passing silently. */
  @Test
  void callCountChecksAbortWithoutServiceCalls() {
    ImageCatalogContract uncounted =
        new ImageCatalogContract() {
          @Override
          protected ImageCatalog catalogContaining(List<Image> images) {
            return new NaiveImageCatalog(images);
          }
        };
    assertThatThrownBy(() -> uncounted.new Laziness().streamMakesNoCallBeforeItsTerminalOperation())
        .isInstanceOf(org.opentest4j.TestAbortedException.class);
  }
}
