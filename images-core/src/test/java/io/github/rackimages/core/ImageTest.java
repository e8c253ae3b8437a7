package io.github.rackimages.core;

import static io.github.rackimages.core.TestImages.T0;
import static io.github.rackimages.core.TestImages.image;
import static io.github.rackimages.core.TestImages.metadata;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageTest {

  private static final Link SELF = Link.of("self", URI.create("https://h/v2/t/images/img-1"));

  /** An image with every field set to something other than its default. */
  private static Image full() {
    LinkedHashMap<String, AttributeValue> other = new LinkedHashMap<>();
    other.put("OS-EXT-FOO:bar", AttributeValue.structured("{\"x\":1}"));
    return image("img-1")
        .name("web01 nightly")
        .rawStatus("SAVING")
        .progress(50)
        .updated(T0.plusSeconds(60))
        .minDisk(20)
        .minRam(512)
        .size(1_234_567_890L)
        .diskConfig(DiskConfig.MANUAL)
        .server(ServerReference.of(ServerId.of("srv-1")))
        .links(List.of(SELF))
        .metadata(metadata("image_type", "snapshot"))
        .otherFields(other)
        .build();
  }

  @Test
  void theBuilderDefaultsToAnActiveCompleteImageWithNothingOptional() {
    Image image = image("img-1").build();

    assertThat(image.id()).isEqualTo(ImageId.of("img-1"));
    assertThat(image.created()).isEqualTo(T0);
    assertThat(image.status()).isEqualTo(ImageStatus.ACTIVE);
    assertThat(image.rawStatus()).isEqualTo("ACTIVE");
    assertThat(image.progress()).isEqualTo(100);
    assertThat(image.minDisk()).isZero();
    assertThat(image.minRam()).isZero();
    assertThat(image.name()).isEmpty();
    assertThat(image.updated()).isEmpty();
    assertThat(image.size()).isEmpty();
    assertThat(image.diskConfig()).isEmpty();
    assertThat(image.server()).isEmpty();
    assertThat(image.type()).isEmpty();
    assertThat(image.links()).isEmpty();
    assertThat(image.metadata()).isEqualTo(ImageMetadata.empty());
    assertThat(image.otherFields()).isEmpty();
    assertThat(image.lastChanged()).isEqualTo(T0);
  }

  @Test
  void everyFieldSetIsReported() {
    Image image = full();

    assertThat(image.name()).contains("web01 nightly");
    assertThat(image.status()).isEqualTo(ImageStatus.SAVING);
    assertThat(image.progress()).isEqualTo(50);
    assertThat(image.updated()).contains(T0.plusSeconds(60));
    assertThat(image.minDisk()).isEqualTo(20);
    assertThat(image.minRam()).isEqualTo(512);
    assertThat(image.size()).hasValue(1_234_567_890L);
    assertThat(image.diskConfig()).contains(DiskConfig.MANUAL);
    assertThat(image.server()).contains(ServerReference.of(ServerId.of("srv-1")));
    assertThat(image.type()).contains(ImageType.SNAPSHOT);
    assertThat(image.links()).containsExactly(SELF);
    assertThat(image.otherFields()).containsOnlyKeys("OS-EXT-FOO:bar");
  }

  @ParameterizedTest(name = "progress {0}")
  @ValueSource(ints = {-1, 101, Integer.MIN_VALUE, Integer.MAX_VALUE})
  void progressOutside0To100IsRejectedNamingTheValue(int progress) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> image("img-1").progress(progress).build())
        .withMessage("progress must be 0..100: " + progress);
  }

  @ParameterizedTest(name = "progress {0}")
  @ValueSource(ints = {0, 25, 50, 100})
  void progressWithin0To100IsAccepted(int progress) {
    assertThat(image("img-1").progress(progress).build().progress()).isEqualTo(progress);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({"minDisk, -1", "minDisk, -2147483648", "minRam, -1", "minRam, -512", "size, -1"})
  void negativeSizesAreRejectedNamingTheValue(String field, int value) {
    Image.Builder builder = image("img-1");
    switch (field) {
      case "minDisk" -> builder.minDisk(value);
      case "minRam" -> builder.minRam(value);
      default -> builder.size((long) value);
    }
    assertThatIllegalArgumentException()
        .isThrownBy(builder::build)
        .withMessage(field + " must be >= 0: " + value);
  }

  @Test
  void zeroSizesAreAccepted() {
    Image image = image("img-1").minDisk(0).minRam(0).size(0L).build();

    assertThat(image.size()).hasValue(0L);
  }

  @Test
  void nullRequiredValuesAreRejectedNamingThem() {
    assertThatNullPointerException().isThrownBy(() -> Image.builder(null, T0)).withMessage("image id");
    assertThatNullPointerException().isThrownBy(() -> Image.builder(ImageId.of("i"), null)).withMessage("created");
    assertThatNullPointerException().isThrownBy(() -> image("i").rawStatus(null)).withMessage("status");
    assertThatNullPointerException().isThrownBy(() -> image("i").status(null)).withMessage("status");
    assertThatNullPointerException().isThrownBy(() -> image("i").links(null)).withMessage("links");
    assertThatNullPointerException().isThrownBy(() -> image("i").metadata(null)).withMessage("metadata");
    assertThatNullPointerException().isThrownBy(() -> image("i").otherFields(null)).withMessage("otherFields");
  }

  @Test
  void nullElementsAreRejectedAtBuild() {
    List<Link> links = new ArrayList<>();
    links.add(null);
    Map<String, AttributeValue> other = new HashMap<>();
    other.put("k", null);

    assertThatNullPointerException().isThrownBy(() -> image("i").links(links).build());
    assertThatNullPointerException().isThrownBy(() -> image("i").otherFields(other).build());
  }

  @Test
  void optionalFieldsAcceptNullToMeanAbsent() {
    Image image = full().toBuilder().name(null).updated(null).size(null).diskConfig(null).server(null).build();

    assertThat(image.name()).isEmpty();
    assertThat(image.updated()).isEmpty();
    assertThat(image.size()).isEmpty();
    assertThat(image.diskConfig()).isEmpty();
    assertThat(image.server()).isEmpty();
  }

  @Test
  void anUnrecognizedStatusKeepsItsRawText() {
    Image image = image("i").rawStatus("importing").build();

    assertThat(image.status()).isEqualTo(ImageStatus.UNRECOGNIZED);
    assertThat(image.rawStatus()).isEqualTo("importing");
  }

  @Test
  void aKnownStatusInAnotherCaseIsRecognizedAndItsRawTextKept() {
    Image image = image("i").rawStatus("deleted").build();

    assertThat(image.status()).isEqualTo(ImageStatus.DELETED);
    assertThat(image.rawStatus()).isEqualTo("deleted");
  }

  @Test
  void theBuilderRefusesTheUnrecognizedConstantAsAStatus() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> image("i").status(ImageStatus.UNRECOGNIZED))
        .withMessageContaining("UNRECOGNIZED");
    assertThat(image("i").status(ImageStatus.ERROR).build().rawStatus()).isEqualTo("ERROR");
  }

  @ParameterizedTest(name = "image_type [{0}]")
  @CsvSource({"base, BASE", "BASE, BASE", "Base, BASE", "snapshot, SNAPSHOT", "SNAPSHOT, SNAPSHOT", "SnapShot, SNAPSHOT"})
  void theTypeComesFromImageTypeMetadataInAnyCase(String value, ImageType expected) {
    assertThat(image("i").metadata(metadata("image_type", value)).build().type()).contains(expected);
  }

  @Test
  void theTypeIsEmptyWhenImageTypeIsAbsentOrOdd() {
    assertThat(image("i").metadata(metadata("image_type", "custom")).build().type()).isEmpty();
    assertThat(image("i").metadata(metadata("IMAGE_TYPE", "base")).build().type()).isEmpty();
    assertThat(
            image("i")
                .metadata(ImageMetadata.of(Map.of("image_type", AttributeValue.structured("1"))))
                .build()
                .type())
        .isEmpty();
  }

  @Test
  void lastChangedIsTheUpdateTimeWhenThereIsOne() {
    Instant later = T0.plusSeconds(3600);

    assertThat(image("i").updated(later).build().lastChanged()).isEqualTo(later);
    assertThat(image("i").build().lastChanged()).isEqualTo(T0);
  }

  @Test
  void numbersTheServiceDidNotSendAreNotZero() {
    Image absent = image("i")
        .progress(OptionalInt.empty())
        .minDisk(OptionalInt.empty())
        .minRam(OptionalInt.empty())
        .unreportedSize()
        .build();
    Image zero = image("i").progress(0).minDisk(0).minRam(0).size(0L).build();

    assertThat(absent.reportedProgress()).isEmpty();
    assertThat(absent.reportedMinDisk()).isEmpty();
    assertThat(absent.reportedMinRam()).isEmpty();
    assertThat(absent.sizeReported()).isFalse();
    assertThat(absent.size()).isEmpty();
    // The plain accessors keep their meaning: 0 stands in for a number that was not sent.
    assertThat(absent.minDisk()).isZero();
    assertThat(absent.minRam()).isZero();
    assertThat(absent.progress()).isZero();

    assertThat(zero.reportedProgress()).hasValue(0);
    assertThat(zero.reportedMinDisk()).hasValue(0);
    assertThat(zero.reportedMinRam()).hasValue(0);
    assertThat(zero.sizeReported()).isTrue();
    assertThat(zero.size()).hasValue(0L);
    assertThat(absent).isNotEqualTo(zero);
    assertThat(absent.toBuilder().build()).isEqualTo(absent);
  }

  @Test
  void aSizeSentAsNullIsReportedButEmpty() {
    Image queued = image("i").size(null).build();

    assertThat(queued.sizeReported()).isTrue();
    assertThat(queued.size()).isEmpty();
    assertThat(queued).isNotEqualTo(image("i").unreportedSize().build());
    assertThat(image("i").build().sizeReported()).as("the builder's default").isTrue();
  }

  @Test
  void aReportedNumberIsCheckedLikeAPlainOne() {
    assertThatIllegalArgumentException().isThrownBy(() -> image("i").minDisk(OptionalInt.of(-1)).build())
        .withMessageContaining("-1");
    assertThatIllegalArgumentException().isThrownBy(() -> image("i").progress(OptionalInt.of(101)).build())
        .withMessageContaining("101");
    assertThatNullPointerException().isThrownBy(() -> image("i").minRam(null));
  }

  @Test
  void toBuilderCopiesEveryField() {
    Image image = full();

    assertThat(image.toBuilder().build()).isEqualTo(image).hasSameHashCodeAs(image).hasToString(image.toString());
  }

  @Test
  void toBuilderLeavesTheOriginalUnchanged() {
    Image image = full();
    Image renamed = image.toBuilder().name("other").progress(0).build();

    assertThat(image.name()).contains("web01 nightly");
    assertThat(image.progress()).isEqualTo(50);
    assertThat(renamed.name()).contains("other");
    assertThat(renamed.metadata()).isEqualTo(image.metadata());
  }

  @Test
  void theGivenCollectionsAreCopied() {
    List<Link> links = new ArrayList<>(List.of(SELF));
    Map<String, AttributeValue> other = new LinkedHashMap<>(Map.of("x", AttributeValue.text("1")));
    Image image = image("i").links(links).otherFields(other).build();
    links.clear();
    other.clear();

    assertThat(image.links()).containsExactly(SELF);
    assertThat(image.otherFields()).containsOnlyKeys("x");
    assertThatThrownBy(() -> image.links().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> image.otherFields().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  static Stream<Arguments> changes() {
    return Stream.<Map.Entry<String, UnaryOperator<Image.Builder>>>of(
            Map.entry("name", b -> b.name("other")),
            Map.entry("no name", b -> b.name(null)),
            Map.entry("raw status case", b -> b.rawStatus("saving")),
            Map.entry("status", b -> b.status(ImageStatus.ACTIVE)),
            Map.entry("progress", b -> b.progress(25)),
            Map.entry("updated", b -> b.updated(T0.plusSeconds(61))),
            Map.entry("minDisk", b -> b.minDisk(21)),
            Map.entry("minRam", b -> b.minRam(1024)),
            Map.entry("size", b -> b.size(1L)),
            Map.entry("no progress", b -> b.progress(OptionalInt.empty())),
            Map.entry("no minDisk", b -> b.minDisk(OptionalInt.empty())),
            Map.entry("no minRam", b -> b.minRam(OptionalInt.empty())),
            Map.entry("unreported size", Image.Builder::unreportedSize),
            Map.entry("diskConfig", b -> b.diskConfig(DiskConfig.AUTO)),
            Map.entry("server", b -> b.server(ServerReference.of(ServerId.of("srv-2")))),
            Map.entry("links", b -> b.links(List.of())),
            Map.entry("metadata", b -> b.metadata(metadata("image_type", "base"))),
            Map.entry("otherFields", b -> b.otherFields(Map.of())))
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "differs by {0}")
  @MethodSource("changes")
  void imagesDifferingInAnyFieldAreNotEqual(String what, UnaryOperator<Image.Builder> change) {
    Image image = full();
    Image changed = change.apply(image.toBuilder()).build();

    assertThat(changed).isNotEqualTo(image);
    assertThat(image).isNotEqualTo(changed);
  }

  @Test
  void imagesDifferingInIdOrCreationAreNotEqual() {
    Image image = image("a", 0).build();

    assertThat(image).isNotEqualTo(image("b", 0).build()).isNotEqualTo(image("a", 1).build());
    assertThat(image).isNotEqualTo(null).isNotEqualTo("a");
  }

  @Test
  void equalImagesHaveEqualHashCodes() {
    Image one = full();
    Image two = full();

    assertThat(one).isEqualTo(two).isNotSameAs(two);
    assertThat(one.hashCode()).isEqualTo(two.hashCode());
  }

  @Test
  void theServiceOrderIsCreatedDescendingThenIdDescending() {
    Image oldA = image("a", 0).build();
    Image oldB = image("b", 0).build();
    Image newA = image("a", 5).build();
    List<Image> images = new ArrayList<>(List.of(oldA, newA, oldB));
    images.sort(Image.serviceOrder());

    assertThat(images).containsExactly(newA, oldB, oldA);
  }

  @Test
  void aSummaryKeepsIdNameAndLinks() {
    ImageSummary summary = full().toSummary();

    assertThat(summary).isEqualTo(ImageSummary.of(ImageId.of("img-1"), "web01 nightly", List.of(SELF)));
    assertThat(image("i").build().toSummary().name()).isEmpty();
  }

  @Test
  void toStringShowsIdNameStatusAndType() {
    assertThat(full().toString())
        .contains("id=img-1", "name=web01 nightly", "status=SAVING", "type=snapshot", "created=" + T0);
    assertThat(image("i").build().toString()).contains("type=-");
  }
}
