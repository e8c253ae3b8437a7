package io.github.rackimages.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {

  /** Every typed identifier, with the word its messages use for it. */
  static Stream<Arguments> identifiers() {
    return Stream.of(
        Arguments.of("image id", (Function<String, Object>) ImageId::of),
        Arguments.of("server id", (Function<String, Object>) ServerId::of),
        Arguments.of("marker", (Function<String, Object>) PageMarker::of));
  }

  static Stream<Arguments> identifiersAndBlanks() {
    return identifiers()
        .flatMap(
            a ->
                Stream.of("", " ", "   ", "\t", "\n", " \r\n ")
                    .map(blank -> Arguments.of(a.get()[0], a.get()[1], blank)));
  }

  @ParameterizedTest(name = "{0} rejects blank [{2}]")
  @MethodSource("identifiersAndBlanks")
  void blankIdentifiersAreRejectedWithAMessageQuotingTheValue(
      String what, Function<String, Object> factory, String blank) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> factory.apply(blank))
        .withMessageContaining(what)
        .withMessageContaining("blank")
        .withMessageContaining("'" + blank + "'");
  }

  @ParameterizedTest(name = "{0} rejects null")
  @MethodSource("identifiers")
  void nullIdentifiersAreRejectedWithAMessageNamingTheValue(String what, Function<String, Object> factory) {
    assertThatNullPointerException().isThrownBy(() -> factory.apply(null)).withMessage(what);
  }

  @ParameterizedTest(name = "{0} keeps its text")
  @MethodSource("identifiers")
  void identifiersKeepTheirTextExactlyAndPrintIt(String what, Function<String, Object> factory) {
    String text = " 6455fff1-e2a9-4f30-bd5c-4b9c4aa2d6d1 ";
    Object id = factory.apply(text);

    assertThat(id).hasToString(text).isEqualTo(factory.apply(text)).isNotEqualTo(factory.apply(text.trim()));
    assertThat(id.hashCode()).isEqualTo(factory.apply(text).hashCode());
  }

  @Test
  void imageIdsCompareByTheirText() {
    List<ImageId> ids = new ArrayList<>(List.of(ImageId.of("b"), ImageId.of("c"), ImageId.of("a")));
    ids.sort(null);

    assertThat(ids).extracting(ImageId::value).containsExactly("a", "b", "c");
    assertThat(ImageId.of("a").compareTo(ImageId.of("a"))).isZero();
  }

  @Test
  void aMarkerAfterAnImageIsThatImagesId() {
    assertThat(PageMarker.after(ImageId.of("abc"))).isEqualTo(PageMarker.of("abc"));
  }

  @Test
  void aMarkerAfterNoImageIsRejected() {
    assertThatNullPointerException().isThrownBy(() -> PageMarker.after(null)).withMessage("image id");
  }

  @Test
  void aServerReferenceCopiesItsLinks() {
    List<Link> links = new ArrayList<>(List.of(Link.of("self", URI.create("https://h/servers/s1"))));
    ServerReference reference = new ServerReference(ServerId.of("s1"), links);
    links.clear();

    assertThat(reference.links()).hasSize(1);
    assertThat(ServerReference.of(ServerId.of("s1")).links()).isEmpty();
    assertThat(ServerReference.of(ServerId.of("s1"))).isEqualTo(new ServerReference(ServerId.of("s1"), List.of()));
  }

  @Test
  void aServerReferenceRejectsNulls() {
    assertThatNullPointerException().isThrownBy(() -> ServerReference.of(null)).withMessage("server id");
    assertThatNullPointerException()
        .isThrownBy(() -> new ServerReference(ServerId.of("s1"), null))
        .withMessage("server links");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "ÿ", "名前", "x y"})
  void anyNonBlankTextIsAnIdentifier(String text) {
    assertThat(ImageId.of(text).value()).isEqualTo(text);
    assertThat(ServerId.of(text).value()).isEqualTo(text);
    assertThat(PageMarker.of(text).value()).isEqualTo(text);
  }
}
