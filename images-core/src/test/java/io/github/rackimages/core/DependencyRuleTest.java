package io.github.rackimages.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core depends on the JDK only: its module descriptor requires nothing but {@code java.base}, and no compiled
 * class of it names a type of the HTTP client, Jakarta (JSON-B, inject) or Google (Guice, Guava).
 */
class DependencyRuleTest {

  private static final String MODULE = "io.github.rackimages.core";
  private static final List<String> FORBIDDEN = List.of("java/net/http", "java.net.http", "jakarta/", "jakarta.",
      "com/google/", "com.google.");

  private static Path coreClasses() throws URISyntaxException {
    return Path.of(ImageCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void theTestsRunAgainstTheNamedModule() {
    Module module = ImageCatalog.class.getModule();

    assertThat(module.isNamed()).as("the core is on the module path").isTrue();
    assertThat(module.getName()).isEqualTo(MODULE);
  }

  @Test
  void theModuleRequiresOnlyJavaBaseAndExportsOnlyTheApiPackage() {
    assertDescriptorIsJdkOnly(ImageCatalog.class.getModule().getDescriptor());
  }

  @Test
  void theCompiledModuleDescriptorRequiresOnlyJavaBase() throws Exception {
    // The descriptor as a user's module path sees it, read from the compiled classes rather than the runtime.
    ModuleReference reference = ModuleFinder.of(coreClasses()).find(MODULE).orElseThrow();

    assertDescriptorIsJdkOnly(reference.descriptor());
  }

  private static void assertDescriptorIsJdkOnly(ModuleDescriptor descriptor) {
    assertThat(descriptor.name()).isEqualTo(MODULE);
    assertThat(descriptor.isOpen()).isFalse();
    assertThat(descriptor.requires()).extracting(ModuleDescriptor.Requires::name).containsExactly("java.base");
    assertThat(descriptor.exports()).hasSize(1);
    ModuleDescriptor.Exports exports = descriptor.exports().iterator().next();
    assertThat(exports.source()).isEqualTo(MODULE);
    assertThat(exports.isQualified()).isFalse();
    assertThat(descriptor.opens()).isEmpty();
    assertThat(descriptor.uses()).isEmpty();
    assertThat(descriptor.provides()).isEmpty();
    assertThat(descriptor.packages()).containsExactly(MODULE);
  }

  @Test
  void noCompiledClassNamesAForbiddenPackage() throws Exception {
    Map<String, List<String>> offences = new TreeMap<>();
    List<Path> classFiles;
    try (Stream<Path> files = Files.walk(coreClasses())) {
      classFiles = files.filter(f -> f.toString().endsWith(".class")).sorted().collect(Collectors.toList());
    }

    for (Path file : classFiles) {
      List<String> bad = forbiddenNames(constantPoolStrings(Files.readAllBytes(file)));
      if (!bad.isEmpty()) {
        offences.put(coreClasses().relativize(file).toString(), bad);
      }
    }

    // Not vacuous: every public type and module-info were read.
    assertThat(classFiles).hasSizeGreaterThan(25);
    assertThat(classFiles).anyMatch(f -> f.endsWith("module-info.class"));
    assertThat(offences).isEmpty();
  }

  @Test
  void theScanSeesTheNamesAClassReferences() throws Exception {
    // This test class holds the forbidden names as constants, so the scan must report it; and Link calls
    // java.net.URI, which the scan must see both as a class name and in a field descriptor.
    byte[] self = Files.readAllBytes(classFile(DependencyRuleTest.class));
    byte[] link = Files.readAllBytes(classFile(Link.class));

    assertThat(forbiddenNames(constantPoolStrings(self))).contains("com.google.", "jakarta.", "java.net.http");
    assertThat(constantPoolStrings(link)).contains("java/net/URI", "Ljava/net/URI;", "io/github/rackimages/core/Link");
  }

  @Test
  void theScanRejectsWhatIsNotAClassFile() {
    assertThatIOException().isThrownBy(() -> constantPoolStrings(new byte[] {1, 2, 3, 4, 0, 0, 0, 0}));
  }

  private static Path classFile(Class<?> type) throws URISyntaxException {
    Path root = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    return root.resolve(type.getName().replace('.', '/') + ".class");
  }

  private static List<String> forbiddenNames(Set<String> strings) {
    return FORBIDDEN.stream()
        .filter(prefix -> strings.stream().anyMatch(s -> s.contains(prefix)))
        .collect(Collectors.toList());
  }

  /**
   * The UTF-8 entries of a class file's constant pool (JVMS 4.4): every class, member, descriptor, module and
   * string constant a class refers to is named there.
   */
  static Set<String> constantPoolStrings(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != 0xCAFEBABE) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort(); // minor version
    in.readUnsignedShort(); // major version
    int count = in.readUnsignedShort();
    List<String> strings = new ArrayList<>();
    for (int i = 1; i < count; i++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> strings.add(in.readUTF()); // Utf8: u2 length + modified UTF-8, exactly readUTF's format
        case 7, 8, 16, 19, 20 -> in.skipBytes(2); // Class, String, MethodType, Module, Package
        case 15 -> in.skipBytes(3); // MethodHandle
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4); // Integer, Float, refs, NameAndType, (Invoke)Dynamic
        case 5, 6 -> {
          in.skipBytes(8); // Long and Double take two slots
          i++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + i);
      }
    }
    return Set.copyOf(strings);
  }
}
