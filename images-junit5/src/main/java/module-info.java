/**
 * JUnit 5 support: {@link io.github.rackimages.junit5.EmulatedImages} and
 * {@link io.github.rackimages.junit5.ImageEmulatorExtension} start an image emulator per test class and inject it,
 * an HTTP client authenticated through it and the in-memory catalog it serves.
 *
 * <p>The emulator, the HTTP adapter, the fake and JUnit's API are transitive: a test needs nothing else.
 */
// The name follows the artifact and the package (as JUnit 5 extensions usually are named), digits and all.
@SuppressWarnings("module")
module io.github.rackimages.junit5 {
  requires transitive io.github.rackimages.core;
  requires transitive io.github.rackimages.emulator;
  requires transitive io.github.rackimages.http;
  requires transitive io.github.rackimages.fake;
  requires transitive org.junit.jupiter.api;
  requires org.junit.platform.commons;

  exports io.github.rackimages.junit5;
}
