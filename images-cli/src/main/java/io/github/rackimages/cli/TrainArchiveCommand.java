package io.github.rackimages.cli;

import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code images train-archive}, hidden: the training run of the class-data sharing archive that {@code bin/images}
 * makes once per build. It runs what users run, so that the archive holds the classes those runs load: a listing
 * of the embedded sample in each format, and the same listings and a {@code show} through the HTTP adapter from an
 * emulator on the loopback interface (the JDK's HTTP client, the wire format, the request driver: classes a
 * training run on the sample alone never loads). It reads no environment, no credentials file and no network
 * beyond loopback, and prints nothing; it fails (exit 1) only if a listing does.
 */
@Command(name = "train-archive", hidden = true, description = "Training run of the start-up archive (internal).")
final class TrainArchiveCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    int failures = 0;
    for (List<String> run : List.of(
        List.of("list", "--sample"),
        List.of("list", "--sample", "--all", "--format", "json"),
        List.of("list", "--sample", "--detail", "--format", "ids"))) {
      failures += Cli.run(run.toArray(String[]::new), Map.of(), nowhere, nowhere) == ExitCode.OK ? 0 : 1;
    }
    try (ImageEmulator emulator =
        ImageEmulator.builder().catalog(InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).build())
            .start()) {
      String endpoint = emulator.computeEndpoint().toString();
      String token = emulator.issueToken();
      String firstId = SampleCatalogs.rackspace().get(0).id().value();
      for (List<String> run : List.of(
          List.of("list", "--detail", "--all", "--limit", "5", "--format", "ids"),
          List.of("list", "--all", "--limit", "5"),
          List.of("list", "--detail", "--format", "json"),
          List.of("show", firstId))) {
        String[] args = concat(run, List.of("--endpoint", endpoint, "--token", token));
        failures += Cli.run(args, Map.of(), nowhere, nowhere) == ExitCode.OK ? 0 : 1;
      }
    }
    return failures == 0 ? ExitCode.OK : ExitCode.FAILURE;
  }

  private static String[] concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
  }
}
