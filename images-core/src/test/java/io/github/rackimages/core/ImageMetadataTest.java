package io.github.rackimages.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageMetadataTest {

  private static LinkedHashMap<String, String> ordered(String... keysAndValues) {
    LinkedHashMap<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void keysKeepTheOrderTheyWereGivenIn() {
    ImageMetadata metadata = ImageMetadata.ofStrings(ordered("z", "1", "a", "2", "m", "3", "b", "4"));

    assertThat(metadata.values().keySet()).containsExactly("z", "a", "m", "b");
    assertThat(metadata.asStrings().keySet()).containsExactly("z", "a", "m", "b");
    assertThat(metadata.size()).isEqualTo(4);
    assertThat(metadata.isEmpty()).isFalse();
  }

  @Test
  void theGivenMapIsCopied() {
    LinkedHashMap<String, String> source = ordered("image_type", "base");
    ImageMetadata metadata = ImageMetadata.ofStrings(source);
    source.put("image_type", "snapshot");
    source.put("other", "x");

    assertThat(metadata.asStrings()).containsExactly(Map.entry("image_type", "base"));

    Map<String, AttributeValue> values = new HashMap<>(Map.of("k", AttributeValue.text("v")));
    ImageMetadata fromValues = ImageMetadata.of(values);
    values.clear();
    assertThat(fromValues.size()).isEqualTo(1);
  }

  @Test
  void theViewsCannotBeModified() {
    ImageMetadata metadata = ImageMetadata.ofStrings(ordered("k", "v"));

    assertThatThrownBy(() -> metadata.values().put("x", AttributeValue.text("y")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> metadata.asStrings().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void asStringsGivesTheStringViewOfEveryValue() {
    LinkedHashMap<String, AttributeValue> values = new LinkedHashMap<>();
    values.put("image_type", AttributeValue.text("snapshot"));
    values.put("block_device_mapping", AttributeValue.structured("[{\"device_name\":\"vda\"}]"));
    values.put("count", AttributeValue.structured("3"));
    ImageMetadata metadata = ImageMetadata.of(values);

    assertThat(metadata.asStrings())
        .containsExactly(
            Map.entry("image_type", "snapshot"),
            Map.entry("block_device_mapping", "[{\"device_name\":\"vda\"}]"),
            Map.entry("count", "3"));
    assertThat(metadata.get("count")).contains(AttributeValue.structured("3"));
    assertThat(metadata.getString("image_type")).contains("snapshot");
    assertThat(metadata.get("missing")).isEmpty();
    assertThat(metadata.getString("missing")).isEmpty();
  }

  @Test
  void emptyMetadataIsEmpty() {
    assertThat(ImageMetadata.empty().isEmpty()).isTrue();
    assertThat(ImageMetadata.empty().size()).isZero();
    assertThat(ImageMetadata.of(Map.of())).isEqualTo(ImageMetadata.empty());
    assertThat(ImageMetadata.ofStrings(Map.of())).isEqualTo(ImageMetadata.empty());
    assertThat(ImageMetadata.empty().asStrings()).isEmpty();
    assertThat(ImageMetadata.empty().getString("k")).isEmpty();
  }

  @Test
  void metadataAreEqualWhenTheirValuesAre() {
    ImageMetadata one = ImageMetadata.ofStrings(ordered("a", "1", "b", "2"));
    ImageMetadata sameOtherOrder = ImageMetadata.ofStrings(ordered("b", "2", "a", "1"));

    assertThat(one).isEqualTo(sameOtherOrder).hasSameHashCodeAs(sameOtherOrder);
    assertThat(one).isNotEqualTo(ImageMetadata.ofStrings(ordered("a", "1", "b", "3")));
    assertThat(ImageMetadata.ofStrings(ordered("n", "3")))
        .isNotEqualTo(ImageMetadata.of(Map.of("n", AttributeValue.structured("3"))));
  }

  @Test
  void nullKeysAndValuesAreRejected() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("os_type", null);
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "linux");
    Map<String, AttributeValue> nullAttribute = new HashMap<>();
    nullAttribute.put("os_type", null);

    assertThatNullPointerException().isThrownBy(() -> ImageMetadata.ofStrings(null)).withMessage("metadata");
    assertThatNullPointerException().isThrownBy(() -> ImageMetadata.of(null)).withMessage("metadata");
    assertThatNullPointerException()
        .isThrownBy(() -> ImageMetadata.ofStrings(nullValue))
        .withMessage("metadata value for os_type");
    assertThatNullPointerException().isThrownBy(() -> ImageMetadata.ofStrings(nullKey)).withMessage("metadata key");
    assertThatNullPointerException()
        .isThrownBy(() -> ImageMetadata.of(nullAttribute))
        .withMessage("metadata value");
  }

  @Test
  void aNullKeyIsRejectedWhetherTheMetadataIsEmptyOrNot() {
    ImageMetadata some = ImageMetadata.ofStrings(ordered("k", "v"));

    assertThatNullPointerException().isThrownBy(() -> some.get(null)).withMessage("metadata key");
    assertThatNullPointerException().isThrownBy(() -> some.getString(null)).withMessage("metadata key");
    assertThatNullPointerException().isThrownBy(() -> ImageMetadata.empty().get(null)).withMessage("metadata key");
    assertThatNullPointerException()
        .isThrownBy(() -> ImageMetadata.empty().getString(null))
        .withMessage("metadata key");
  }

  /** The builder keeps order, lets a repeated key keep its first place with its last value, and builds once. */
  @org.junit.jupiter.api.Test
  void builderKeepsOrderAndBuildsOnce() {
    ImageMetadata.Builder builder =
        ImageMetadata.builder()
            .put("b", AttributeValue.text("1"))
            .put("a", AttributeValue.structured("[1]"))
            .put("b", AttributeValue.text("2"));
    ImageMetadata metadata = builder.build();

    assertThat(metadata.values().keySet()).containsExactly("b", "a");
    assertThat(metadata.getString("b")).contains("2");
    org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(builder::build);
    org.assertj.core.api.Assertions.assertThatIllegalStateException()
        .isThrownBy(() -> builder.put("c", AttributeValue.text("3")));
    assertThat(ImageMetadata.builder().build()).isSameAs(ImageMetadata.empty());
  }

  /** Deferred metadata decodes once, on first use, whichever thread asks first, and then is plain metadata. */
  @Test
  void deferredMetadataDecodesOnceOnFirstUse() throws Exception {
    java.util.concurrent.atomic.AtomicInteger decodes = new java.util.concurrent.atomic.AtomicInteger();
    ImageMetadata eager = ImageMetadata.ofStrings(Map.of("image_type", "snapshot"));
    ImageMetadata deferred = ImageMetadata.deferred(() -> {
      decodes.incrementAndGet();
      return eager;
    });

    assertThat(decodes).hasValue(0);
    java.util.List<Thread> threads = new java.util.ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(() -> assertThat(deferred.getString("image_type")).contains("snapshot"));
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(deferred).isEqualTo(eager).hasSameHashCodeAs(eager).hasToString(eager.toString());
    assertThat(deferred.size()).isEqualTo(1);
    assertThat(decodes).hasValue(1);
  }

  /** A decoder that fails throws from the call that ran it; the next call tries again. */
  @Test
  void aFailingDecoderIsTriedAgain() {
    java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
    ImageMetadata deferred = ImageMetadata.deferred(() -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("first decode fails");
      }
      return ImageMetadata.ofStrings(Map.of("k", "v"));
    });

    assertThatThrownBy(deferred::values).hasMessage("first decode fails");
    assertThat(deferred.getString("k")).contains("v");
    assertThatNullPointerException().isThrownBy(() -> ImageMetadata.deferred(null));
  }
}
