package io.github.rackimages.examples.cli;

import io.github.rackimages.core.Image;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that say where {@code list} and {@code show} take their images from. Without any, the embedded
 * sample catalog (no network, no account).
 */
final class SourceOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      order = 100,
      description =
          "Read the images from FILE, a detail list in the service's JSON shape (what "
              + "'list --detail --all --format json' writes).")
  Path catalogFile;

  @Option(
      names = "--sample",
      order = 101,
      description = "Use the embedded sample catalog (the default when no other source is given).")
  boolean sample;

  /**
   * Opens the source these options name.
   *
   * @throws ParameterException when options conflict or a value is unusable (a usage error)
   */
  Source open(Invocation inv) {
    if (catalogFile != null && sample) {
      throw usage("--catalog and --sample name two sources; give one");
    }
    if (catalogFile != null) {
      List<Image> images;
      try {
        images = CatalogFiles.read(catalogFile);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      try {
        return new Source(
            InMemoryImageCatalog.builder().images(images).build(), "catalog file " + catalogFile);
      } catch (IllegalArgumentException e) {
        throw usage("catalog file " + catalogFile + " is not usable: " + e.getMessage());
      }
    }
    return new Source(
        InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).build(), "the sample catalog");
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
