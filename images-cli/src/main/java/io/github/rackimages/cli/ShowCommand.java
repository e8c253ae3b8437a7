package io.github.rackimages.cli;

import io.github.rackimages.core.AttributeValue;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Link;
import io.github.rackimages.nova.json.NovaJson;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code images show ID}: one image with every field, as a table of fields or as {@code {"image": {...}}}. */
@Command(
    name = "show",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Show one image with every field: metadata sorted by key, links, and the server of a snapshot.",
      "DELETED images are found too, while the service still knows them."
    })
final class ShowCommand implements Callable<Integer> {

  @ParentCommand ImagesCommand root;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "ID", description = "The image's id.")
  String id;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = Converters.ShowFormat.class,
      completionCandidates = Converters.ShowFormatNames.class,
      description = "table (default: one field per line) or json (the service's {\"image\": {...}}).")
  OutputFormat format;

  @Mixin SourceOptions source;

  @Override
  public Integer call() {
    Invocation inv = root.invocation();
    ImageId imageId;
    try {
      imageId = ImageId.of(id);
    } catch (IllegalArgumentException e) {
      throw UsageErrors.badValue(spec, "ID", id, "is blank; use an image id");
    }
    Source from = source.open(inv);
    Image image =
        from.catalog()
            .find(imageId)
            .orElseThrow(
                () ->
                    new CommandFailure(
                        "no image with id " + imageId.value() + " in " + from.description()
                            + "; 'images list' shows the ids",
                        ExitCode.FAILURE));
    if (format == OutputFormat.JSON) {
      try (NovaJson json = new NovaJson()) {
        json.writeImage(image, inv.out());
      }
      inv.out().println();
    } else {
      printFields(inv.out(), image);
    }
    inv.out().flush();
    return ExitCode.OK;
  }

  private static void printFields(PrintStream out, Image image) {
    field(out, "ID", image.id().value());
    field(out, "NAME", image.name().orElse("(none)"));
    field(out, "STATUS", image.rawStatus() + image.reportedProgress().stream().mapToObj(p -> " (" + p + "%)")
        .findFirst().orElse(""));
    field(out, "TYPE", image.type().map(ImageType::value).orElse("-"));
    field(out, "CREATED", instant(image.created()));
    field(out, "UPDATED", image.updated().map(ShowCommand::instant).orElse("-"));
    // A number the service did not send shows as "-", never as a 0 it did not say.
    field(out, "MIN DISK", image.reportedMinDisk().stream().mapToObj(d -> d + " GB").findFirst().orElse("-"));
    field(out, "MIN RAM", image.reportedMinRam().stream().mapToObj(r -> r + " MB").findFirst().orElse("-"));
    field(
        out,
        "SIZE",
        image.size().isPresent()
            ? Text.bytes(image.size().getAsLong()) + " (" + String.format("%,d", image.size().getAsLong())
                + " bytes)"
            : "-");
    field(out, "DISK CONFIG", image.diskConfig().map(Enum::name).orElse("-"));
    if (image.server().isPresent()) {
      field(out, "SERVER", image.server().get().id().value());
      links(out, "  ", image.server().get().links());
    } else {
      field(out, "SERVER", "-");
    }
    out.println("LINKS");
    links(out, "  ", image.links());
    out.println("METADATA");
    attributes(out, image.metadata().values());
    if (!image.otherFields().isEmpty()) {
      out.println("OTHER FIELDS");
      attributes(out, image.otherFields());
    }
  }

  private static void field(PrintStream out, String label, String value) {
    out.println(Text.padRight(label, 13) + value);
  }

  private static void links(PrintStream out, String indent, List<Link> links) {
    if (links.isEmpty()) {
      out.println(indent + "(none)");
    }
    int width = links.stream().mapToInt(l -> Text.width(l.rel())).max().orElse(0);
    for (Link link : links) {
      out.println(
          indent + Text.padRight(link.rel(), width) + "  " + link.href()
              + link.type().map(t -> "  (" + t + ")").orElse(""));
    }
  }

  private static void attributes(PrintStream out, Map<String, AttributeValue> values) {
    if (values.isEmpty()) {
      out.println("  (none)");
      return;
    }
    Map<String, AttributeValue> sorted = new TreeMap<>(values);
    int width = sorted.keySet().stream().mapToInt(Text::width).max().orElse(0);
    sorted.forEach((k, v) -> out.println("  " + Text.padRight(k, width) + "  " + v.asString()));
  }

  private static String instant(Instant instant) {
    return instant.toString();
  }
}
