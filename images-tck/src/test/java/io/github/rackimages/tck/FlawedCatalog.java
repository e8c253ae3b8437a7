package io.github.rackimages.tck;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A catalog with one deliberate bug, each a mistake a real adapter could make. The self-test runs contract checks
 * against it to prove that the suite notices.
 */
final class FlawedCatalog implements ImageCatalog {

  /** The bug to plant. */
  enum Flaw {
    /** No bug: the naive reference catalog. */
    NONE,
    /** Lists oldest first. */
    OLDEST_FIRST,
    /** Breaks ties on {@code created} by id ascending. */
    TIES_BY_ID_ASCENDING,
    /** Gives the last, short page a next marker too. */
    NEXT_MARKER_ON_SHORT_PAGE,
    /** Omits the next marker of a full page when nothing follows it ("optimising" away the empty page). */
    NO_NEXT_MARKER_WHEN_NOTHING_FOLLOWS,
    /** Sets the next marker one image too early, so the last image of each page comes again. */
    REPEATS_LAST_IMAGE_OF_EACH_PAGE,
    /** Fetches the first page of a stream when the stream is created. */
    EAGER_STREAM,
    /** Reads every page at a stream's terminal operation, even when it short-circuits. */
    READS_EVERY_PAGE,
    /** Drops the fields the image class does not model. */
    LOSES_OTHER_FIELDS,
    /** Answers an unknown marker with an empty page instead of a bad request. */
    UNKNOWN_MARKER_IS_EMPTY,
    /** Compares changes-since inclusively. */
    CHANGES_SINCE_INCLUSIVE,
    /** Sends a name unencoded, so the service reads '+' as a space. */
    PLUS_IN_NAME_BECOMES_SPACE,
    /** Compares a server URL whole instead of by its last segment. */
    SERVER_URL_COMPARED_WHOLE,
    /** Lists DELETED and ERROR images without changes-since. */
    SHOWS_HIDDEN_IMAGES,
    /** Gives a nameless image an empty name in summaries. */
    SUMMARY_NAME_NEVER_MISSING,
    /** Treats a null filter or page request as the default instead of refusing it. */
    ACCEPTS_NULLS,
    /** Trims the status value. */
    STATUS_TRIMMED,
    /** Compares the status with the API status, so SAVING also lists the images glance calls queued. */
    SAVING_INCLUDES_QUEUED,
    /** Compares property values in any case. */
    PROPERTY_IN_ANY_CASE,
    /** Finds DELETED images, which the service answers with 404. */
    FINDS_DELETED
  }

  private final Flaw flaw;
  private final NaiveImageCatalog naive;

  FlawedCatalog(Flaw flaw, List<Image> images) {
    this.flaw = flaw;
    this.naive =
        switch (flaw) {
          case OLDEST_FIRST -> new NaiveImageCatalog(images, Image.serviceOrder().reversed());
          case TIES_BY_ID_ASCENDING -> new NaiveImageCatalog(
              images, Comparator.comparing(Image::created).reversed().thenComparing(Image::id));
          default -> new NaiveImageCatalog(images);
        };
  }

  long calls() {
    return naive.calls();
  }

  @Override
  public Page<Image> list(ImageFilter filter, PageRequest page) {
    ImageFilter f = distort(filter);
    PageRequest p = page == null && flaw == Flaw.ACCEPTS_NULLS ? PageRequest.first() : page;
    if (flaw == Flaw.SERVER_URL_COMPARED_WHOLE && f.server().filter(s -> s.contains("/")).isPresent()) {
      return Page.empty();
    }
    if (flaw == Flaw.SAVING_INCLUDES_QUEUED && f.glanceStatus().filter("saving"::equals).isPresent()) {
      // Good enough for the one-page listings of the self-test.
      List<Image> both = new java.util.ArrayList<>(naive.list(f, p).items());
      both.addAll(naive.list(f.toBuilder().glanceStatus("queued").build(), p).items());
      both.sort(Image.serviceOrder());
      return Page.last(both);
    }
    Page<Image> result;
    try {
      result = naive.list(f, p);
    } catch (ImageCatalogBadRequestException e) {
      if (flaw == Flaw.UNKNOWN_MARKER_IS_EMPTY) {
        return Page.empty();
      }
      throw e;
    }
    if (flaw == Flaw.LOSES_OTHER_FIELDS) {
      result = map(result, i -> i.toBuilder().otherFields(Map.of()).build());
    }
    return reshape(result, f, p, Image::id);
  }

  @Override
  public Page<ImageSummary> listSummaries(ImageFilter filter, PageRequest page) {
    ImageFilter f = distort(filter);
    PageRequest p = page == null && flaw == Flaw.ACCEPTS_NULLS ? PageRequest.first() : page;
    Page<ImageSummary> result = naive.listSummaries(f, p);
    if (flaw == Flaw.SUMMARY_NAME_NEVER_MISSING) {
      result = map(result, s -> ImageSummary.of(s.id(), s.name().orElse(""), s.links()));
    }
    return reshape(result, f, p, ImageSummary::id);
  }

  @Override
  public Optional<Image> find(ImageId id) {
    Optional<Image> found = flaw == Flaw.FINDS_DELETED ? naive.findAnyStatus(id) : naive.find(id);
    return flaw == Flaw.LOSES_OTHER_FIELDS ? found.map(i -> i.toBuilder().otherFields(Map.of()).build()) : found;
  }

  @Override
  public Stream<Image> stream(ImageFilter filter, PageRequest start) {
    if (flaw == Flaw.EAGER_STREAM) {
      Page<Image> first = list(filter, start);
      Stream<Image> rest =
          first.nextMarker().map(m -> ImageCatalog.super.stream(filter, start.next(m))).orElseGet(Stream::empty);
      return Stream.concat(first.items().stream(), rest);
    }
    if (flaw == Flaw.READS_EVERY_PAGE) {
      // Lazy until the terminal operation, then reads the whole listing at once.
      return Stream.of(filter).flatMap(f -> ImageCatalog.super.stream(f, start).toList().stream());
    }
    return ImageCatalog.super.stream(filter, start);
  }

  private ImageFilter distort(ImageFilter filter) {
    if (filter == null && flaw == Flaw.ACCEPTS_NULLS) {
      return ImageFilter.all();
    }
    if (filter == null) {
      return null;
    }
    return switch (flaw) {
      case CHANGES_SINCE_INCLUSIVE -> filter
          .changesSince()
          .map(c -> filter.toBuilder().changesSince(c.minusSeconds(1)).build())
          .orElse(filter);
      case PLUS_IN_NAME_BECOMES_SPACE -> filter
          .name()
          .map(n -> filter.toBuilder().name(n.replace('+', ' ')).build())
          .orElse(filter);
      case STATUS_TRIMMED -> filter
          .glanceStatus()
          .map(st -> filter.toBuilder().glanceStatus(st.strip()).build())
          .orElse(filter);
      case PROPERTY_IN_ANY_CASE -> {
        ImageFilter.Builder b = filter.toBuilder();
        filter.properties().forEach((k, v) -> b.property(k, v.toLowerCase(java.util.Locale.ROOT)));
        yield b.build();
      }
      case SHOWS_HIDDEN_IMAGES -> filter.changesSince().isPresent()
          ? filter
          : filter.toBuilder().changesSince(Instant.EPOCH).build();
      default -> filter;
    };
  }

  private <T> Page<T> reshape(Page<T> page, ImageFilter filter, PageRequest request, Function<T, ImageId> id) {
    List<T> items = page.items();
    switch (flaw) {
      case NEXT_MARKER_ON_SHORT_PAGE:
        if (!page.hasNext() && !items.isEmpty()) {
          return Page.of(items, PageMarker.after(id.apply(items.get(items.size() - 1))));
        }
        return page;
      case NO_NEXT_MARKER_WHEN_NOTHING_FOLLOWS:
        if (page.hasNext() && naive.list(filter, request.next(page.nextMarker().orElseThrow())).isEmpty()) {
          return Page.last(items);
        }
        return page;
      case REPEATS_LAST_IMAGE_OF_EACH_PAGE:
        if (page.hasNext() && items.size() >= 2) {
          return Page.of(items, PageMarker.after(id.apply(items.get(items.size() - 2))));
        }
        return page;
      default:
        return page;
    }
  }

  private static <T> Page<T> map(Page<T> page, Function<T, T> change) {
    List<T> items = page.items().stream().map(change).toList();
    return page.nextMarker().map(m -> Page.of(items, m)).orElseGet(() -> Page.last(items));
  }
}
