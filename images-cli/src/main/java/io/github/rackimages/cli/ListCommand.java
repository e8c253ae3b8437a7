package io.github.rackimages.cli;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.GlanceStatus;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.fake.InMemoryImageCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code images list}: one page of images, or every page with {@code --all}, in a table, JSON or ids. Over 300
 * lines because each filter and paging option is declared here with its help text, as picocli reads them.
 */
@Command(
    name = "list",
    sortOptions = false,
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "List images: one page (--limit, default 1000), or every page with --all.",
      "Without --detail the summary list (ID, NAME) is fetched, which is cheaper.",
      "Filters match as the service matches them: --name, --min-disk, --min-ram and --property exactly; "
          + "DELETED and failed (killed) images are listed only with --changes-since."
    })
final class ListCommand implements Callable<Integer> {

  @ParentCommand ImagesCommand root;

  @Spec CommandSpec spec;

  @Option(names = "--detail", description = "List full images (the detail list) instead of summaries.")
  boolean detail;

  @Option(names = "--name", paramLabel = "NAME", description = "Only images with exactly this name.")
  String name;

  @Option(
      names = "--status",
      paramLabel = "STATUS",
      converter = Converters.Status.class,
      completionCandidates = Converters.StatusNames.class,
      description =
          "Only images in this status, any case: ACTIVE, SAVING (glance saving only, not queued), DELETED, or "
              + "a glance status: queued, saving, active, killed (failed images, shown as ERROR), deleted, "
              + "pending_delete. killed, deleted and pending_delete need --changes-since. ERROR and UNKNOWN "
              + "match nothing on the service and are refused.")
  GlanceStatus status;

  @Option(
      names = "--type",
      paramLabel = "base|snapshot",
      converter = Converters.Type.class,
      completionCandidates = Converters.TypeNames.class,
      description = "Only base images or only snapshots.")
  ImageType type;

  @Option(
      names = "--server",
      paramLabel = "ID|URL",
      description = "Only snapshots of this server, by id or full server URL.")
  String server;

  @Option(
      names = "--property",
      paramLabel = "KEY=VALUE",
      converter = Converters.Property.class,
      description =
          "Only images whose metadata has KEY with exactly VALUE (the service's property-KEY filter); repeat "
              + "for more keys, all must match.")
  List<Map.Entry<String, String>> properties = new ArrayList<>();

  @Option(
      names = "--changes-since",
      paramLabel = "ISO-8601",
      converter = Converters.IsoInstant.class,
      description =
          "Only images changed strictly after this time (UTC unless it says otherwise), DELETED and ERROR "
              + "ones included.")
  Instant changesSince;

  @Option(
      names = "--min-disk",
      paramLabel = "GB",
      converter = Converters.NonNegative.class,
      description = "Only images whose minimum disk is exactly GB.")
  Integer minDisk;

  @Option(
      names = "--min-ram",
      paramLabel = "MB",
      converter = Converters.NonNegative.class,
      description = "Only images whose minimum RAM is exactly MB.")
  Integer minRam;

  @Option(
      names = "--limit",
      paramLabel = "N",
      converter = Converters.Limit.class,
      description = "Page size, 1 to 1000 (default 1000, or --max when smaller).")
  Integer limit;

  @Option(names = "--marker", paramLabel = "ID", description = "Start after the image with this id.")
  String marker;

  @Option(names = "--all", description = "Walk every page, not just the first.")
  boolean all;

  @Option(names = "--max", paramLabel = "N", converter = Converters.Count.class, description = "Stop after N images.")
  Long max;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      converter = Converters.Format.class,
      completionCandidates = Converters.FormatNames.class,
      description =
          "table (default: aligned columns, sizes like 2.1G, times in UTC), json (the service's shape, "
              + "streamed) or ids (one id per line).")
  OutputFormat format;

  @Mixin SourceOptions source;

  @Override
  public Integer call() {
    Invocation inv = root.invocation();
    ImageFilter filter = filter();
    int pageSize = pageSize();
    PageRequest request =
        marker == null ? PageRequest.first(pageSize) : PageRequest.after(PageMarker.of(marker), pageSize);
    Source from = source.open(inv);
    try {
      walk(inv, from.catalog(), filter, request);
    } catch (ImageCatalogBadRequestException e) {
      // The sample and catalog files are in-memory catalogs, which refuse only a marker they cannot start from
      // (their documented rule), and with a made-up 400: no request was sent, so say it in the command's words.
      // A real service's 400 stays the service's error. A walk names the marker of the refused request.
      boolean firstRequest = e.resumeMarker().map(m -> m.value().equals(marker)).orElse(true);
      if (marker != null && firstRequest && from.catalog() instanceof InMemoryImageCatalog local) {
        throw refusedMarker(local, from);
      }
      throw e;
    }
    return ExitCode.OK;
  }

  private ParameterException refusedMarker(InMemoryImageCatalog catalog, Source from) {
    // find() does not see DELETED images (the service answers 404 for them), so look at everything the catalog
    // holds: this is the in-memory catalog, and it refused the marker without a request to anyone.
    boolean deleted =
        catalog.images().stream()
            .anyMatch(image -> image.id().value().equals(marker) && image.status() == ImageStatus.DELETED);
    return deleted
        ? UsageErrors.badValue(
            spec, "--marker", marker, "is a DELETED image, which the listing leaves out without --changes-since")
        : UsageErrors.badValue(
            spec,
            "--marker",
            marker,
            "is not an image id of " + from.description() + "; 'images list --format ids' lists them");
  }

  private void walk(Invocation inv, ImageCatalog catalog, ImageFilter filter, PageRequest first) {
    Progress progress = new Progress(inv.err(), all && inv.terminal().interactive(), System::nanoTime);
    ListingSink sink = sink(inv);
    long remaining = max == null ? Long.MAX_VALUE : max;
    long pages = 0;
    long delivered = 0;
    boolean more = false;
    // One page is one call; --all walks the pages with the port's walker, which guards against a repeated marker
    // and names the resume marker on the failure it throws. An adapter may request the next page while this one is
    // printed (the HTTP adapter does): closing the walk cancels that request when the walk stops early (--max).
    try (Stream<? extends Page<?>> pageStream = all
        ? (detail ? catalog.pages(filter, first) : catalog.summaryPages(filter, first))
        : Stream.of(detail ? catalog.list(filter, first) : catalog.listSummaries(filter, first))) {
      Iterator<? extends Page<?>> walk = pageStream.iterator();
      while (walk.hasNext()) {
        Page<?> page = walk.next();
        pages++;
        // The progress line and the output may share one terminal: the line goes before any output does.
        progress.clear();
        for (Object item : page.items()) {
          if (remaining == 0) {
            break;
          }
          if (item instanceof Image image) {
            sink.image(image);
          } else {
            sink.summary((ImageSummary) item);
          }
          remaining--;
          delivered++;
        }
        sink.endOfPage();
        if (inv.out().checkError()) {
          // Mostly a reader that stopped early ('| head'): stop walking, quietly, as Unix tools do on a closed pipe.
          throw new OutputClosed();
        }
        progress.update(pages, delivered);
        more = page.hasNext() && remaining > 0;
        if (!more) {
          break;
        }
      }
    } catch (RuntimeException e) {
      progress.clear();
      sink.abandon();
      throw e;
    }
    progress.clear();
    sink.finish();
    if (inv.terminal().interactive()) {
      notes(inv, sink, more && !all, delivered);
    }
  }

  /**
   * What a person at a terminal should know and a script must not be bothered with: printed only when the run is
   * interactive. Java 17 cannot tell whether stderr alone is a terminal, so a piped or redirected stdout counts as
   * a script even when stderr is still shown, and an empty result then prints nothing at all.
   */
  private void notes(Invocation inv, ListingSink sink, boolean morePages, long delivered) {
    if (delivered == 0) {
      // The service hides these glance statuses without changes-since, so such a filter alone matches nothing.
      boolean hidden = status != null && !status.apiStatus().listedByDefault() && changesSince == null;
      inv.warn("no images match" + (hidden ? "; DELETED and ERROR images are listed only with --changes-since" : ""));
    }
    if (sink instanceof ImageTable table && table.shortenedIds()) {
      inv.warn("ids are shortened to fit the terminal; --format ids prints them whole");
    }
    if (morePages) {
      inv.warn("more images follow: add --all to walk every page");
    }
  }

  private ListingSink sink(Invocation inv) {
    return switch (format) {
      case TABLE -> new ImageTable(inv.out(), inv.terminal());
      case JSON -> new JsonImages(inv.out());
      case IDS -> new IdLines(inv.out());
    };
  }

  private ImageFilter filter() {
    ImageFilter.Builder b = ImageFilter.builder();
    // The converters have checked the typed values; the text ones are the builder's to refuse, in our words.
    if (name != null) {
      try {
        b.name(name);
      } catch (IllegalArgumentException e) {
        throw UsageErrors.badValue(spec, "--name", name, "is empty; use an image's exact name");
      }
    }
    if (server != null) {
      try {
        b.server(server);
      } catch (IllegalArgumentException e) {
        throw UsageErrors.badValue(spec, "--server", server, "is blank; use a server id or URL");
      }
    }
    if (status != null) {
      // The API statuses typed, the others as glance spells them: the service receives the same text either way.
      switch (status) {
        case ACTIVE, SAVING, DELETED -> b.status(status.apiStatus());
        default -> b.glanceStatus(status.value());
      }
    }
    Set<String> keys = new HashSet<>();
    for (Map.Entry<String, String> p : properties) {
      if (!keys.add(p.getKey())) {
        // The service would keep the last value and drop the others; say so rather than guess which was meant.
        throw UsageErrors.badValue(
            spec,
            "--property",
            p.getKey() + "=" + p.getValue(),
            "repeats the key " + p.getKey() + "; an image has one value per key, give each key once");
      }
      b.property(p.getKey(), p.getValue());
    }
    try {
      if (type != null) {
        b.type(type);
      }
      if (changesSince != null) {
        b.changesSince(changesSince);
      }
      if (minDisk != null) {
        b.minDisk(minDisk);
      }
      if (minRam != null) {
        b.minRam(minRam);
      }
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (marker != null && marker.isBlank()) {
      throw UsageErrors.badValue(spec, "--marker", marker, "is blank; use an image id");
    }
    return b.build();
  }

  /** The page size: --limit, else --max when smaller than the largest page (the converters check both). */
  private int pageSize() {
    if (limit != null) {
      return limit;
    }
    return max == null ? PageRequest.MAX_LIMIT : (int) Math.min(max, PageRequest.MAX_LIMIT);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
