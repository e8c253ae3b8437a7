package io.github.rackimages.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The contract's hand-written expectations agree with core's reference semantics, and its cases are not vacuous. */
class ContractImagesTest {

  private static List<Image> reference(List<Image> images, ImageFilter filter) {
    return images.stream().filter(filter::matches).sorted(Image.serviceOrder()).toList();
  }

  @Test
  void handWrittenZooListingsAgreeWithTheReferenceSemantics() {
    List<Image> zoo = ContractImages.zoo();
    assertThat(ContractImages.zooListedByDefault()).isEqualTo(reference(zoo, ImageFilter.all()));
    assertThat(ContractImages.zooInServiceOrder())
        .isEqualTo(reference(zoo, ImageFilter.builder().changesSince(Instant.EPOCH).build()))
        .containsExactlyInAnyOrderElementsOf(zoo);
  }

  @Test
  void handWrittenTieOrderAgreesWithTheServiceOrder() {
    List<Image> ties = ContractImages.tiesInServiceOrder();
    List<Image> sorted = new ArrayList<>(ties);
    sorted.sort(Image.serviceOrder());
    assertThat(ties).isEqualTo(sorted);
    assertThat(ties.stream().map(Image::created).distinct()).hasSize(3);
  }

  @Test
  void everySpecialNameIsOnExactlyOneZooImage() {
    Map<String, Long> names =
        ContractImages.zoo().stream()
            .flatMap(i -> i.name().stream())
            .collect(Collectors.groupingBy(n -> n, Collectors.counting()));
    assertThat(ContractImages.SPECIAL_NAMES)
        .allSatisfy(i -> assertThat(names.get(i.name().orElseThrow())).as(i.name().orElseThrow()).isEqualTo(1L));
  }

  @Test
  void mostReferenceFilterCasesMatchSomethingAndTheEmptyOnesAreTheIntendedOnes() {
    List<Image> varied = new ArrayList<>(ContractImages.zoo());
    varied.addAll(TestImages.many(150, 7L));
    Map<String, Integer> counts =
        FiltersMatchTheReferenceSemanticsContract.filterCases()
            .collect(
                Collectors.toMap(
                    a -> (String) a.get()[0], a -> reference(varied, (ImageFilter) a.get()[1]).size()));
    assertThat(counts).hasSize(34);
    assertThat(counts.entrySet().stream().filter(e -> e.getValue() == 0).map(Map.Entry::getKey))
        .containsExactlyInAnyOrder(
            "server URL ending in /", "unknown server", "status DELETED",
            "status ERROR (no such glance status)", "status UNKNOWN (no such glance status)");
    assertThat(counts.get("changes-since amid the images")).isBetween(40, 140);
  }
}
