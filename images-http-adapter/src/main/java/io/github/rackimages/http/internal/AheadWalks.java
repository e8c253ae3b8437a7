package io.github.rackimages.http.internal;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The walks of one catalog with the next page requested ahead ({@link PageAhead}): items and whole pages, details
 * and summaries. Each walk is core's walker (repeated markers, resume points) over a fetch of its own, wrapped so
 * that closing it, or a terminal operation that ends early, cancels the request ahead ({@link EndingStream}).
 */
public final class AheadWalks {

  private final Function<ImageFilter, PageAhead.Fetch<Image>> details;
  private final Function<ImageFilter, PageAhead.Fetch<ImageSummary>> summaries;

  /** Walks whose pages, for a filter, {@code details} and {@code summaries} fetch. */
  public AheadWalks(
      Function<ImageFilter, PageAhead.Fetch<Image>> details,
      Function<ImageFilter, PageAhead.Fetch<ImageSummary>> summaries) {
    this.details = Objects.requireNonNull(details, "details");
    this.summaries = Objects.requireNonNull(summaries, "summaries");
  }

  /** The images of a walk. */
  public Stream<Image> images(ImageFilter filter, PageRequest start) {
    PageAhead<Image> fetch = details(filter);
    return EndingStream.of(view(fetch, null).stream(filter, start), fetch::cancel);
  }

  /** The summaries of a walk. */
  public Stream<ImageSummary> summaries(ImageFilter filter, PageRequest start) {
    PageAhead<ImageSummary> fetch = summaries(filter);
    return EndingStream.of(view(null, fetch).streamSummaries(filter, start), fetch::cancel);
  }

  /** The detailed pages of a walk. */
  public Stream<Page<Image>> pages(ImageFilter filter, PageRequest start) {
    PageAhead<Image> fetch = details(filter);
    return EndingStream.of(view(fetch, null).pages(filter, start), fetch::cancel);
  }

  /** The summary pages of a walk. */
  public Stream<Page<ImageSummary>> summaryPages(ImageFilter filter, PageRequest start) {
    PageAhead<ImageSummary> fetch = summaries(filter);
    return EndingStream.of(view(null, fetch).summaryPages(filter, start), fetch::cancel);
  }

  private PageAhead<Image> details(ImageFilter filter) {
    Objects.requireNonNull(filter, "filter");
    return new PageAhead<>(details.apply(filter));
  }

  private PageAhead<ImageSummary> summaries(ImageFilter filter) {
    Objects.requireNonNull(filter, "filter");
    return new PageAhead<>(summaries.apply(filter));
  }

  /** A catalog over one walk's fetch, whose inherited walk (core's: markers, resume points) pages through it. */
  private static ImageCatalog view(
      Function<PageRequest, Page<Image>> details, Function<PageRequest, Page<ImageSummary>> summaries) {
    return new ImageCatalog() {
      @Override
      public Page<Image> list(ImageFilter filter, PageRequest page) {
        return details.apply(page);
      }

      @Override
      public Page<ImageSummary> listSummaries(ImageFilter filter, PageRequest page) {
        return summaries.apply(page);
      }

      @Override
      public Optional<Image> find(ImageId id) {
        throw new UnsupportedOperationException("a walk's view lists only");
      }
    };
  }
}
