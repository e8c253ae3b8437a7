package io.github.rackimages.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageSummaryTest {

  private static final ImageId ID = ImageId.of("img-1");
  private static final Link SELF = Link.of("self", URI.create("https://h/v2/t/images/img-1"));

  @Test
  void aSummaryReportsItsParts() {
    ImageSummary summary = ImageSummary.of(ID, "CentOS 7", List.of(SELF));

    assertThat(summary.id()).isEqualTo(ID);
    assertThat(summary.name()).contains("CentOS 7");
    assertThat(summary.links()).containsExactly(SELF);
    assertThat(summary).hasToString("ImageSummary[id=img-1, name=CentOS 7]");
  }

  @Test
  void aSummaryMayHaveNoName() {
    assertThat(ImageSummary.of(ID, null, List.of()).name()).isEmpty();
  }

  @Test
  void theLinksAreCopied() {
    List<Link> links = new ArrayList<>(List.of(SELF));
    ImageSummary summary = ImageSummary.of(ID, "n", links);
    links.clear();

    assertThat(summary.links()).containsExactly(SELF);
    assertThatThrownBy(() -> summary.links().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void summariesAreEqualWhenIdNameAndLinksAre() {
    ImageSummary summary = ImageSummary.of(ID, "n", List.of(SELF));

    assertThat(summary).isEqualTo(ImageSummary.of(ID, "n", List.of(SELF)));
    assertThat(summary).hasSameHashCodeAs(ImageSummary.of(ID, "n", List.of(SELF)));
    assertThat(summary).isNotEqualTo(ImageSummary.of(ImageId.of("img-2"), "n", List.of(SELF)));
    assertThat(summary).isNotEqualTo(ImageSummary.of(ID, "m", List.of(SELF)));
    assertThat(summary).isNotEqualTo(ImageSummary.of(ID, null, List.of(SELF)));
    assertThat(summary).isNotEqualTo(ImageSummary.of(ID, "n", List.of()));
  }

  @Test
  void nullIdAndLinksAreRejected() {
    assertThatNullPointerException().isThrownBy(() -> ImageSummary.of(null, "n", List.of())).withMessage("image id");
    assertThatNullPointerException().isThrownBy(() -> ImageSummary.of(ID, "n", null)).withMessage("links");
  }
}
