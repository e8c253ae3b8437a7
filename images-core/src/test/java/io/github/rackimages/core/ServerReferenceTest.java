package io.github.rackimages.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerReferenceTest {

  private static final ServerId S1 = ServerId.of("s1");

  @Test
  void keysBeyondIdAndLinksAreKeptInOrder() {
    Map<String, AttributeValue> other = new LinkedHashMap<>();
    other.put("name", AttributeValue.text("web01"));
    other.put("OS-EXT:zone", AttributeValue.structured("{\"a\":1}"));
    ServerReference server = new ServerReference(S1, List.of(), other);
    other.clear();

    assertThat(server.otherFields()).containsExactly(
        Map.entry("name", AttributeValue.text("web01")), Map.entry("OS-EXT:zone", AttributeValue.structured("{\"a\":1}")));
    assertThat(server.name()).contains("web01");
    assertThatThrownBy(() -> server.otherFields().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aReferenceWithoutOtherKeysHasNoName() {
    ServerReference plain = new ServerReference(S1, List.of());

    assertThat(plain.otherFields()).isEmpty();
    assertThat(plain.name()).isEmpty();
    assertThat(new ServerReference(S1, List.of(), Map.of("name", AttributeValue.structured("3"))).name()).isEmpty();
  }

  @Test
  void otherKeysTakePartInEquality() {
    assertThat(new ServerReference(S1, List.of(), Map.of("name", AttributeValue.text("a"))))
        .isNotEqualTo(ServerReference.of(S1))
        .isEqualTo(new ServerReference(S1, List.of(), Map.of("name", AttributeValue.text("a"))));
  }

  @Test
  void nullOtherKeysAreRejected() {
    assertThatNullPointerException().isThrownBy(() -> new ServerReference(S1, List.of(), null))
        .withMessage("server otherFields");
  }
}
