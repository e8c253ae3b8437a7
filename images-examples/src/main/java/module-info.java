/**
 * The {@code images} command line ({@link io.github.rackimages.examples.cli.ImagesCommand}, entry point for tests
 * and embedding: {@link io.github.rackimages.examples.cli.Cli}) and small example programs showing the three
 * ways to use the library: embedding an adapter, testing an application against the fake, and writing an adapter
 * of one's own.
 */
// Guice 7 is an automatic module; it is transitive because GuiceWiringExample's API returns its Injector.
@SuppressWarnings("requires-transitive-automatic")
module io.github.rackimages.examples {
  requires transitive io.github.rackimages.core;
  requires io.github.rackimages.fake;
  requires transitive io.github.rackimages.http;
  requires io.github.rackimages.emulator;
  requires io.github.rackimages.nova.json;
  requires transitive com.google.guice;
  requires info.picocli;
  requires jakarta.json;
  requires java.logging;

  exports io.github.rackimages.examples;
  exports io.github.rackimages.examples.cli;

  // Guice calls the example application module's @Provides methods reflectively.
  opens io.github.rackimages.examples to
      com.google.guice;

  // picocli fills the command classes' option fields reflectively.
  opens io.github.rackimages.examples.cli to
      info.picocli;
}
