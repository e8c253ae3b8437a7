package io.github.rackimages.tck;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * One topic of the contract suite, bound to the {@link ImageCatalogContract} that runs it: its catalogs come from
 * that suite's {@link ImageCatalogContract#catalogContaining(List) catalogContaining} and its call counts from
 * {@link ImageCatalogContract#serviceCalls() serviceCalls}, the suite's one extension point.
 *
 * <p>Each topic is an abstract class in a file of its own, run by the suite as a {@code @Nested} class of the
 * same name without the {@code Contract} suffix, so that a failure names its topic (for example
 * "PageBoundaries &gt; shortPageHasNoNextMarker()"). A topic's fields are set up when JUnit creates the nested
 * class for a test, after the suite itself, so they may already call {@link #catalogOf(List)}.
 *
 * <p>Topics are package-private on purpose: adapters extend {@link ImageCatalogContract} and so run every topic.
 * Making one public later, to let an author run a single topic, would break no one.
 */
abstract class ContractTopic {

  private final ImageCatalogContract suite;

  ContractTopic(ImageCatalogContract suite) {
    this.suite = Objects.requireNonNull(suite, "suite");
  }

  /** The catalog under test, given the images shuffled (deterministically) so that input order cannot leak. */
  final ImageCatalog catalogOf(List<Image> images) {
    List<Image> shuffled = new ArrayList<>(images);
    Collections.shuffle(shuffled, new Random(31L * images.size() + 7));
    ImageCatalog catalog = suite.catalogContaining(List.copyOf(shuffled));
    return Objects.requireNonNull(catalog, "catalogContaining(...) returned null");
  }

  /** The calls the latest catalog has received, or a negative number when the adapter does not count them. */
  final long serviceCalls() {
    return suite.serviceCalls();
  }

  /** The pages a stream of the suite's catalogs may request ahead of its consumer. */
  final int pagesFetchedAhead() {
    return suite.pagesFetchedAhead();
  }

  /** The calls counted so far; aborts the test when the adapter does not count them. */
  final long callsSoFar() {
    long calls = serviceCalls();
    assumeTrue(calls >= 0, "serviceCalls() is not overridden, so call counts cannot be checked");
    return calls;
  }
}
