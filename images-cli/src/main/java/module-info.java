/**
 * The {@code images} command line: {@link io.github.rackimages.cli.ImagesCommand} (the entry point of the shaded
 * jar that {@code bin/images} runs) and {@link io.github.rackimages.cli.Cli} (to run it in-process, for tests and
 * embedding).
 */
module io.github.rackimages.cli {
  requires io.github.rackimages.core;
  requires io.github.rackimages.fake;
  requires io.github.rackimages.http;
  requires io.github.rackimages.emulator;
  requires io.github.rackimages.nova.json;
  requires info.picocli;
  // Not used here: read by the HTTP adapter's credential chain, which only requires it statically.
  requires org.snakeyaml.engine;
  requires jakarta.json;
  requires java.logging;

  exports io.github.rackimages.cli;

  // picocli fills the command classes' option fields reflectively.
  opens io.github.rackimages.cli to info.picocli;
}
