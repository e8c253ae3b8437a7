package io.github.rackimages.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The hexagon's dependency rule, as the module system enforces it for this adapter. */
class HttpAdapterDependencyRuleTest {

  private static ModuleDescriptor descriptor() {
    Module module = HttpImageCatalog.class.getModule();
    assertThat(module.isNamed()).as("tests run on the module path").isTrue();
    return module.getDescriptor();
  }

  /** The HTTP adapter depends on the core, the wire format, JSON-B and (optionally) Guice: on no other adapter. */
  @Test
  void requiresNoOtherAdapter() {
    Set<String> ours =
        descriptor().requires().stream()
            .map(ModuleDescriptor.Requires::name)
            .filter(name -> name.startsWith("io.github.rackimages"))
            .collect(Collectors.toSet());
    assertThat(ours).containsExactlyInAnyOrder("io.github.rackimages.core", "io.github.rackimages.nova.json");
  }

  /** A package is API or it is not exported: no qualified exports, and the internals stay hidden. */
  @Test
  void exportsOnlyItsApiPackagesToEveryone() {
    assertThat(descriptor().exports()).noneMatch(ModuleDescriptor.Exports::isQualified);
    assertThat(descriptor().exports())
        .extracting(ModuleDescriptor.Exports::source)
        .containsExactlyInAnyOrder("io.github.rackimages.http", "io.github.rackimages.http.auth", "io.github.rackimages.http.guice");
  }
}
