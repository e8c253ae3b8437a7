package io.github.rackimages.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

  private static final PageMarker MARKER = PageMarker.of("img-9");

  @ParameterizedTest(name = "limit {0}")
  @ValueSource(ints = {0, -1, 1001, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void aLimitOutside1To1000IsRejectedNamingTheValue(int limit) {
    String message = "limit must be between 1 and 1000: " + limit;

    assertThatIllegalArgumentException().isThrownBy(() -> PageRequest.first(limit)).withMessage(message);
    assertThatIllegalArgumentException().isThrownBy(() -> PageRequest.after(MARKER, limit)).withMessage(message);
    assertThatIllegalArgumentException().isThrownBy(() -> PageRequest.first().withLimit(limit)).withMessage(message);
  }

  @ParameterizedTest(name = "limit {0}")
  @ValueSource(ints = {1, 2, 999, 1000})
  void aLimitWithin1To1000IsAccepted(int limit) {
    assertThat(PageRequest.first(limit).limit()).isEqualTo(limit);
    assertThat(PageRequest.after(MARKER, limit).limit()).isEqualTo(limit);
  }

  @Test
  void theFirstPageIsOfTheLargestSizeAndHasNoMarker() {
    assertThat(PageRequest.first().limit()).isEqualTo(PageRequest.MAX_LIMIT).isEqualTo(1000);
    assertThat(PageRequest.first().marker()).isEmpty();
    assertThat(PageRequest.first()).isEqualTo(PageRequest.first(1000));
    assertThat(PageRequest.first(10).marker()).isEmpty();
  }

  @Test
  void aPageAfterAMarkerStartsThere() {
    PageRequest request = PageRequest.after(MARKER, 50);

    assertThat(request.marker()).contains(MARKER);
    assertThat(request.limit()).isEqualTo(50);
  }

  @Test
  void theNextPageKeepsTheSizeAndTakesTheNewMarker() {
    PageRequest next = PageRequest.first(25).next(MARKER);

    assertThat(next).isEqualTo(PageRequest.after(MARKER, 25));
    assertThat(next.next(PageMarker.of("img-3"))).isEqualTo(PageRequest.after(PageMarker.of("img-3"), 25));
  }

  @Test
  void withLimitKeepsTheMarker() {
    PageRequest request = PageRequest.after(MARKER, 25);

    assertThat(request.withLimit(7)).isEqualTo(PageRequest.after(MARKER, 7));
    assertThat(request.limit()).isEqualTo(25);
    assertThat(PageRequest.first().withLimit(7)).isEqualTo(PageRequest.first(7));
  }

  @Test
  void aNullMarkerIsRejected() {
    assertThatNullPointerException().isThrownBy(() -> PageRequest.after(null, 10)).withMessage("marker");
    assertThatNullPointerException().isThrownBy(() -> PageRequest.first().next(null)).withMessage("marker");
  }

  @Test
  void requestsAreEqualWhenLimitAndMarkerAre() {
    assertThat(PageRequest.after(MARKER, 10))
        .isEqualTo(PageRequest.after(PageMarker.of("img-9"), 10))
        .hasSameHashCodeAs(PageRequest.after(PageMarker.of("img-9"), 10))
        .isNotEqualTo(PageRequest.after(MARKER, 11))
        .isNotEqualTo(PageRequest.first(10))
        .isNotEqualTo(PageRequest.after(PageMarker.of("img-8"), 10));
  }

  @Test
  void toStringShowsLimitAndMarker() {
    assertThat(PageRequest.first(10)).hasToString("PageRequest[limit=10]");
    assertThat(PageRequest.after(MARKER, 10)).hasToString("PageRequest[limit=10, marker=img-9]");
  }
}
