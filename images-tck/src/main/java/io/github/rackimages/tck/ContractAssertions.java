package io.github.rackimages.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions shared by the topics of the contract suite: checked marker walks, lossless images, bad requests. */
final class ContractAssertions {

  private ContractAssertions() {}

  /**
   * Walks a listing from {@code start} to its last page, checking the paging rule on every page: at most
   * {@code limit} items, and a next marker exactly when the page is full. Fails instead of looping when the walk
   * goes on longer than {@code expectedItems} allow.
   */
  static <T> List<Page<T>> walk(
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
  static void assertSameImage(Image actual, Image expected) {
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
  static void assertBadRequestNaming(String what, ThrowingCallable call, String marker) {
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
}
