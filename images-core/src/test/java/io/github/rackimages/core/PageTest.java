package io.github.rackimages.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageTest {

  private static final PageMarker MARKER = PageMarker.of("c");
  private static final Function<String, PageMarker> MARKER_OF = PageMarker::of;

  @Test
  void aPageWithANextMarkerHasANextPage() {
    Page<String> page = Page.of(List.of("a", "b", "c"), MARKER);

    assertThat(page.items()).containsExactly("a", "b", "c");
    assertThat(page.hasNext()).isTrue();
    assertThat(page.nextMarker()).contains(MARKER);
    assertThat(page.size()).isEqualTo(3);
    assertThat(page.isEmpty()).isFalse();
    assertThat(page).hasToString("Page[3 items, next=c]");
  }

  @Test
  void theLastPageHasNoNextMarker() {
    Page<String> page = Page.last(List.of("a"));

    assertThat(page.hasNext()).isFalse();
    assertThat(page.nextMarker()).isEmpty();
    assertThat(page).hasToString("Page[1 items, last]");
  }

  @Test
  void theEmptyPageIsALastPageWithoutItems() {
    Page<String> empty = Page.empty();

    assertThat(empty.items()).isEmpty();
    assertThat(empty.isEmpty()).isTrue();
    assertThat(empty.size()).isZero();
    assertThat(empty.hasNext()).isFalse();
    assertThat(empty).isEqualTo(Page.last(List.of()));
  }

  @Test
  void theItemsAreCopiedAndCannotBeModified() {
    List<String> items = new ArrayList<>(List.of("a", "b"));
    Page<String> page = Page.last(items);
    items.add("c");

    assertThat(page.items()).containsExactly("a", "b");
    assertThatThrownBy(() -> page.items().add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void nullsAreRejected() {
    assertThatNullPointerException().isThrownBy(() -> Page.last(null)).withMessage("items");
    assertThatNullPointerException().isThrownBy(() -> Page.of(null, MARKER)).withMessage("items");
    assertThatNullPointerException().isThrownBy(() -> Page.of(List.of("a"), null)).withMessage("nextMarker");
    assertThatNullPointerException().isThrownBy(() -> Page.last(Arrays.asList("a", null)));
  }

  @Test
  void pagesAreEqualWhenItemsAndMarkerAre() {
    assertThat(Page.of(List.of("a"), MARKER))
        .isEqualTo(Page.of(List.of("a"), PageMarker.of("c")))
        .hasSameHashCodeAs(Page.of(List.of("a"), PageMarker.of("c")))
        .isNotEqualTo(Page.last(List.of("a")))
        .isNotEqualTo(Page.of(List.of("b"), MARKER))
        .isNotEqualTo(Page.of(List.of("a"), PageMarker.of("d")));
  }

  @ParameterizedTest(name = "{0} items, limit {1}")
  @CsvSource({"3, 3", "1, 1", "1000, 1000"})
  void underTheServiceRuleAFullPageIsFollowedAfterItsLastItem(int items, int limit) {
    List<String> list = numbered(items);

    Page<String> page = Page.byServiceRule(list, PageRequest.first(limit), MARKER_OF);

    assertThat(page.items()).isEqualTo(list);
    assertThat(page.nextMarker()).contains(PageMarker.of(list.get(items - 1)));
  }

  @ParameterizedTest(name = "{0} items, limit {1}")
  @CsvSource({"0, 1", "2, 3", "0, 1000", "999, 1000"})
  void underTheServiceRuleAPageThatIsNotFullIsTheLast(int items, int limit) {
    Page<String> page = Page.byServiceRule(numbered(items), PageRequest.after(MARKER, limit), MARKER_OF);

    assertThat(page.size()).isEqualTo(items);
    assertThat(page.hasNext()).isFalse();
  }

  @Test
  void underTheServiceRuleMoreItemsThanTheLimitAreRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Page.byServiceRule(numbered(3), PageRequest.first(2), MARKER_OF))
        .withMessage("a page of limit 2 cannot hold 3 items");
  }

  @Test
  void underTheServiceRuleNullsAreRejected() {
    PageRequest request = PageRequest.first(1);

    assertThatNullPointerException().isThrownBy(() -> Page.byServiceRule(null, request, MARKER_OF)).withMessage("items");
    assertThatNullPointerException()
        .isThrownBy(() -> Page.byServiceRule(List.of("a"), null, MARKER_OF))
        .withMessage("request");
    assertThatNullPointerException()
        .isThrownBy(() -> Page.byServiceRule(List.of("a"), request, null))
        .withMessage("markerOf");
    assertThatNullPointerException()
        .isThrownBy(() -> Page.byServiceRule(List.of("a"), request, item -> null))
        .withMessage("nextMarker");
  }

  private static List<String> numbered(int count) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      items.add("img-" + i);
    }
    return items;
  }
}
