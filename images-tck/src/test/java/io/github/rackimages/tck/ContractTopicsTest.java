package io.github.rackimages.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The suite runs every topic file, each as a {@code @Nested} class named after it, so no topic is left out. */
class ContractTopicsTest {

  /** Every topic class in the package is run by exactly one nested class of the suite. */
  @Test
  void everyTopicIsRunByTheSuite() throws IOException, URISyntaxException {
    List<Class<?>> run =
        Arrays.stream(ImageCatalogContract.class.getDeclaredClasses()).<Class<?>>map(Class::getSuperclass).toList();
    assertThat(run).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(topicClasses());
  }

  /** Each nested class is a @Nested inner class named after its topic file, without the Contract suffix. */
  @Test
  void eachNestedClassIsNamedAfterItsTopic() {
    assertThat(ImageCatalogContract.class.getDeclaredClasses())
        .isNotEmpty()
        .allSatisfy(
            nested -> {
              assertThat(nested.isAnnotationPresent(Nested.class)).as("%s is @Nested", nested).isTrue();
              assertThat(Modifier.isStatic(nested.getModifiers())).as("%s is static", nested).isFalse();
              assertThat(nested.getSuperclass().getSimpleName()).isEqualTo(nested.getSimpleName() + "Contract");
            });
  }

  /** The abstract topic classes compiled into this package, found next to ContractTopic's class file. */
  private static List<Class<?>> topicClasses() throws IOException, URISyntaxException {
    Path dir = Path.of(ContractTopic.class.getResource("ContractTopic.class").toURI()).getParent();
    try (Stream<Path> files = Files.list(dir)) {
      List<Class<?>> topics =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith("Contract.class") && !n.contains("$"))
              .<Class<?>>map(n -> load(n.substring(0, n.length() - ".class".length())))
              .filter(c -> c != ContractTopic.class && ContractTopic.class.isAssignableFrom(c))
              .toList();
      assertThat(topics).as("topic classes found in %s", dir).hasSizeGreaterThan(10);
      return topics;
    }
  }

  private static Class<?> load(String simpleName) {
    try {
      return Class.forName(ContractTopic.class.getPackageName() + "." + simpleName);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }
}
