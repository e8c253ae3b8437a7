package io.github.rackimages.cli;

import io.github.rackimages.core.Image;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code images serve}: runs the emulator, a local server that answers as Rackspace Cloud Servers does (identity
 * v2.0 and the compute images API), over the sample catalog, a catalog file or a generated catalog, until Ctrl-C.
 */
@Command(
    name = "serve",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Serve images as a local Rackspace-compatible API (identity v2.0 + compute v2 images) until Ctrl-C.",
      "Prints its URLs and the demo credentials on start. The fault switches make it throttle or fail on purpose."
    })
final class ServeCommand implements Callable<Integer> {

  @ParentCommand ImagesCommand root;

  @Spec CommandSpec spec;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "8774", converter = Converters.Port.class,
      description = "The port (default 8774, the compute API's usual one); 0 picks a free port.")
  int port;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "The address to listen on (default 127.0.0.1, this machine only).")
  String host;

  @Option(names = "--catalog", paramLabel = "FILE",
      description = "Serve the images of FILE (what 'list --detail --all --format json' writes).")
  Path catalogFile;

  @Option(names = "--images", paramLabel = "N", converter = Converters.NonNegative.class,
      description = "Serve a generated catalog of N realistic images (snapshots of 1000 servers, base images).")
  Integer images;

  @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1",
      description = "The seed of the generated catalog (default 1): the same seed gives the same images.")
  long seed;

  @Option(names = "--throttle-every", paramLabel = "N", defaultValue = "0", converter = Converters.NonNegative.class,
      description = "Answer every Nth compute request with 413 overLimit and Retry-After (0, the default: never).")
  int throttleEvery;

  @Option(names = "--unavailable-every", paramLabel = "N", defaultValue = "0",
      converter = Converters.NonNegative.class,
      description = "Answer every Nth compute request with 503 serviceUnavailable (0, the default: never).")
  int unavailableEvery;

  @Option(names = "--retry-after", paramLabel = "SECONDS", converter = Converters.NonNegative.class,
      description = "The Retry-After of those answers, in seconds (default 1).")
  Integer retryAfterSeconds;

  @Option(names = "--latency", paramLabel = "MS", defaultValue = "0", converter = Converters.NonNegative.class,
      description = "Wait MS milliseconds before each answer (default 0).")
  int latencyMillis;

  @Option(names = "--token-lifetime", paramLabel = "DURATION", converter = DurationConverter.class,
      description = "How long tokens last: seconds, or 90s, 15m, 24h, or ISO-8601 such as PT1H (default 24h).")
  Duration tokenLifetime;

  @Override
  public Integer call() {
    Invocation inv = root.invocation();
    InMemoryImageCatalog catalog = catalog();
    ImageEmulator.Builder builder = ImageEmulator.builder().catalog(catalog).host(address()).port(port);
    try {
      builder.throttleEvery(throttleEvery).unavailableEvery(unavailableEvery).latency(Duration.ofMillis(latencyMillis));
      if (retryAfterSeconds != null) {
        builder.retryAfter(Duration.ofSeconds(retryAfterSeconds));
      }
      if (tokenLifetime != null) {
        builder.tokenLifetime(tokenLifetime);
      }
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    ImageEmulator emulator;
    try {
      emulator = builder.start();
    } catch (RuntimeException e) {
      throw new CommandFailure(
          "could not listen on " + host + ":" + port + " (" + Failures.oneLine(e.getMessage())
              + "); pick another --port, or 0 for a free one",
          ExitCode.FAILURE);
    }
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicBoolean once = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (once.compareAndSet(false, true)) {
            emulator.stop();
            inv.out().println("stopped");
            inv.out().flush();
          }
          stopped.countDown();
        };
    // Ctrl-C: the JVM runs this hook and exits when it ends, so the hook itself stops the server and says so.
    Thread hook = new Thread(stop, "images-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    announce(inv, emulator, catalog);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      // Stopped from inside the process (an embedding program, a test): stop as Ctrl-C would.
      stop.run();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already exiting; the hook has run or runs now, and stops nothing twice.
      }
    }
    return ExitCode.OK;
  }

  private void announce(Invocation inv, ImageEmulator emulator, InMemoryImageCatalog catalog) {
    PrintStream out = inv.out();
    out.println("images emulator: " + describe(catalog) + " at " + emulator.uri());
    out.println("  identity  " + emulator.identityUrl());
    out.println("  compute   " + emulator.computeEndpoint());
    out.println(
        "  user " + ImageEmulator.DEFAULT_USERNAME + ", API key " + ImageEmulator.DEFAULT_API_KEY + ", password "
            + ImageEmulator.DEFAULT_PASSWORD + " (demo credentials, for this emulator only)");
    out.println(
        "  try: images list --identity " + emulator.identityUrl() + " --username " + ImageEmulator.DEFAULT_USERNAME
            + " --api-key " + ImageEmulator.DEFAULT_API_KEY);
    if (throttleEvery > 0 || unavailableEvery > 0 || latencyMillis > 0) {
      out.println(
          "  faults: throttle every " + throttleEvery + ", unavailable every " + unavailableEvery + ", latency "
              + latencyMillis + " ms (0 = off)");
    }
    out.println("Press Ctrl-C to stop.");
    out.flush();
    if (!address().isLoopbackAddress()) {
      inv.warn("warning: listening on " + host + ", not only on this machine; the demo credentials are public");
    }
  }

  private String describe(InMemoryImageCatalog catalog) {
    String from =
        catalogFile != null
            ? "catalog file " + catalogFile
            : images != null ? "a generated catalog (seed " + seed + ")" : "the sample catalog";
    return String.format(Locale.ROOT, "%,d images from %s", catalog.size(), from);
  }

  private InMemoryImageCatalog catalog() {
    if (catalogFile != null && images != null) {
      throw usage("--catalog and --images name two catalogs; give one");
    }
    if (catalogFile != null) {
      List<Image> read;
      try {
        read = CatalogFiles.read(catalogFile);
        return InMemoryImageCatalog.builder().images(read).build();
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
    }
    if (images != null) {
      return InMemoryImageCatalog.builder().images(SampleCatalogs.generated(images, seed)).build();
    }
    return InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).build();
  }

  private InetAddress address() {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw UsageErrors.badValue(spec, "--host", host, "is not an address of this machine; use e.g. 127.0.0.1");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

  /** Durations as people write them: {@code 3600}, {@code 90s}, {@code 15m}, {@code 24h}, or {@code PT1H}. */
  static final class DurationConverter implements ITypeConverter<Duration> {
    private static final String ACCEPTED = "use seconds, or 90s, 15m, 24h, or ISO-8601 such as PT1H";

    @Override
    public Duration convert(String value) {
      String text = value.trim().toLowerCase(Locale.ROOT);
      try {
        if (text.startsWith("pt") || text.startsWith("p")) {
          return positive(Duration.parse(value.trim()), value);
        }
        char unit = text.isEmpty() ? ' ' : text.charAt(text.length() - 1);
        String number = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
        long n = Long.parseLong(number);
        return positive(
            switch (unit) {
              case 's' -> Duration.ofSeconds(n);
              case 'm' -> Duration.ofMinutes(n);
              case 'h' -> Duration.ofHours(n);
              default -> {
                if (!Character.isDigit(unit)) {
                  throw new NumberFormatException(value);
                }
                yield Duration.ofSeconds(n);
              }
            },
            value);
      } catch (NumberFormatException | DateTimeParseException e) {
        throw new Converters.Rejected("is not a duration; " + ACCEPTED);
      }
    }

    private static Duration positive(Duration d, String value) {
      if (d.isNegative() || d.isZero()) {
        throw new Converters.Rejected("is not a positive duration; " + ACCEPTED);
      }
      return d;
    }
  }
}
