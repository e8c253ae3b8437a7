/**
 * The {@code images} command line: {@code images list}, {@code images show ID} and {@code images serve}, built with
 * picocli over the {@link io.github.rackimages.core.ImageCatalog} port. {@link io.github.rackimages.cli.Cli}
 * runs it in-process (arguments, environment and streams in; exit code out), which is how the tests drive it.
 * Every type is non-null by default.
 */
package io.github.rackimages.cli;
