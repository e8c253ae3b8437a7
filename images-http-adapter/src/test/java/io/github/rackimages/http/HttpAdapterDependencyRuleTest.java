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

  /** The HTTP adapter depends on the core, JSON-B and (optionally) Guice: on no other adapter. */
  @Test
  void requiresNoOtherAdapter() {
    Set<String> ours =
        descriptor().requires().stream()
            .map(ModuleDescriptor.Requires::name)
            .filter(name -> name.startsWith("io.github.rackimages"))
            .collect(Collectors.toSet());
    assertThat(ours).containsExactly("io.github.rackimages.core");
  }

  /** The wire format is shared with the emulator and the command line only; applications use the port. */
  @Test
  void exportsTheWireFormatOnlyToOurOwnServerAndCommandLine() {
    assertThat(descriptor().exports())
        .filteredOn(e -> e.source().equals("io.github.rackimages.http.wire"))
        .singleElement()
        .satisfies(e -> assertThat(e.targets()).isNotEmpty().allMatch(t -> t.startsWith("io.github.rackimages.")));
    assertThat(descriptor().exports())
        .filteredOn(e -> !e.isQualified())
        .extracting(ModuleDescriptor.Exports::source)
        .doesNotContain("io.github.rackimages.http.wire", "io.github.rackimages.http.internal");
  }
}
