package io.github.rackimages.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The hexagon's dependency rule, as the module system enforces it for this adapter. */
class FakeAdapterDependencyRuleTest {

  private static ModuleDescriptor descriptor() {
    Module module = InMemoryImageCatalog.class.getModule();
    assertThat(module.isNamed()).as("tests run on the module path").isTrue();
    return module.getDescriptor();
  }

  /** The in-memory adapter depends on the core (and, optionally, Guice): on no other adapter. */
  @Test
  void requiresOnlyTheCoreAndOptionallyGuice() {
    Set<String> requires =
        descriptor().requires().stream()
            .map(ModuleDescriptor.Requires::name)
            .filter(name -> !name.startsWith("java."))
            .collect(Collectors.toSet());
    assertThat(requires).containsExactlyInAnyOrder("io.github.rackimages.core", "com.google.guice");
    assertThat(requires).noneMatch(name -> name.startsWith("io.github.rackimages.http"));
    assertThat(requires).noneMatch(name -> name.startsWith("io.github.rackimages.emulator"));
  }

  /** Guice stays optional: applications that only use the fake in tests need no Guice. */
  @Test
  void guiceIsAStaticRequirement() {
    assertThat(descriptor().requires())
        .filteredOn(r -> r.name().equals("com.google.guice"))
        .singleElement()
        .satisfies(r -> assertThat(r.modifiers()).contains(ModuleDescriptor.Requires.Modifier.STATIC));
  }
}
