package io.github.rackimages.emulator;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.nova.json.NovaJson;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers a request under {@code /v2/} in the order the real service's layers do: Repose first (the token, the
 * tenant, rate limiting and the other fault switches), then Nova (routing, method, query validation, the catalog).
 * A failure of the catalog propagates as its {@link io.github.rackimages.core.ImageCatalogException}. Every link
 * written is built from the request ({@link NovaLinks}).
 */
final class ComputeApi {

  /** The most of a {@code POST} body read to check it, as Nova's size limit would cut it. */
  private static final int MAX_BODY = 112 * 1024;

  private final ImageCatalog catalog;
  private final NovaJson json;
  private final NovaFaults faults;
  private final TokenStore tokens;
  private final int maxLimit;
  private final Clock clock;
  private final FaultSwitches switches;

  ComputeApi(
      ImageCatalog catalog,
      NovaJson json,
      NovaFaults faults,
      TokenStore tokens,
      int maxLimit,
      Clock clock,
      FaultSwitches switches) {
    this.catalog = catalog;
    this.json = json;
    this.faults = faults;
    this.tokens = tokens;
    this.maxLimit = maxLimit;
    this.clock = clock;
    this.switches = switches;
  }

  /**
   * The answer to a request for {@code /v2/<rawRest>}.
   *
   * @param rawRest the raw path after {@code /v2/}
   */
  Reply answer(Incoming request, String rawRest) throws IOException {
    Optional<TokenStore.Token> token = tokens.valid(request.authToken(), clock.instant());
    if (token.isEmpty()) {
      return faults.unauthorized(NovaFaults.UNAUTHORIZED);
    }
    String[] raw = rawRest.split("/", -1);
    String[] segments = new String[raw.length];
    for (int i = 0; i < raw.length; i++) {
      segments[i] = FormQuery.decodePathSegment(raw[i]);
    }
    if (!segments[0].equals(token.get().tenantId())) {
      // Repose's tenant validation: a token of another tenant is refused as no token at all.
      return faults.unauthorized(NovaFaults.UNAUTHORIZED);
    }
    switch (switches.next()) {
      case THROTTLE -> {
        return faults.overLimit(
            413,
            NovaFaults.RATE_LIMITED,
            "The emulator answers every " + ordinal(switches.throttleEvery()) + " images request with 413.",
            switches.retryAfter(),
            clock.instant());
      }
      case UNAVAILABLE -> {
        return faults.unavailable(NovaFaults.UNAVAILABLE, switches.retryAfter());
      }
      case NONE -> {
        // Served below.
      }
    }
    NovaRouter.Action action = NovaRouter.route(request.method(), segments);
    FormQuery query = FormQuery.parse(request.rawQuery());
    NovaLinks links = new NovaLinks(request.base(), segments[0]);
    Reply reply =
        switch (action) {
          case INDEX -> summaries(query, links);
          case DETAIL -> details(query, links);
          case SHOW -> show(NovaRouter.id(segments), links);
          case DELETE -> delete(NovaRouter.id(segments));
          case CREATE -> create(request);
          case NO_ACTION -> faults.fault(404, NovaFaults.NOT_FOUND);
          case NO_ROUTE -> faults.noRoute(request.accept());
        };
    // A caching proxy in front of the service answers 203 Non-Authoritative Information with the same body.
    return reply.status() == 200 && switches.nonAuthoritative() ? reply.withStatus(203) : reply;
  }

  private Reply summaries(FormQuery query, NovaLinks links) {
    ListQuery list = ListQuery.from(query, maxLimit);
    Page<ImageSummary> page = catalog.listSummaries(list.filter(), list.page());
    List<ImageSummary> items =
        list.matchesNothing() ? List.of() : page.items().stream().map(links::rewrite).toList();
    String next = nextHref(items, list, query, links.compute() + "/images", s -> s.id());
    return Reply.ok(out -> json.writeSummaryList(items, next, out));
  }

  private Reply details(FormQuery query, NovaLinks links) {
    ListQuery list = ListQuery.from(query, maxLimit);
    Page<Image> page = catalog.list(list.filter(), list.page());
    List<Image> items = list.matchesNothing() ? List.of() : page.items().stream().map(links::rewrite).toList();
    String next = nextHref(items, list, query, links.compute() + "/images/detail", Image::id);
    return Reply.ok(out -> json.writeDetailList(items, next, out));
  }

  private Reply show(String id, NovaLinks links) {
    if (id.isBlank()) {
      return faults.fault(404, NovaFaults.IMAGE_NOT_FOUND);
    }
    Optional<Image> image = catalog.find(ImageId.of(id));
    if (image.isEmpty()) {
      return faults.fault(404, NovaFaults.IMAGE_NOT_FOUND);
    }
    Image found = links.rewrite(image.get());
    return Reply.ok(out -> json.writeImage(found, out));
  }

  /**
   * Nova's {@code delete}: an unknown image is 404; the catalog is read-only, so a known one is refused as Glance
   * refuses an image the user may not delete (403).
   */
  private Reply delete(String id) {
    if (id.isBlank() || catalog.find(ImageId.of(id)).isEmpty()) {
      return faults.fault(404, NovaFaults.IMAGE_NOT_FOUND);
    }
    return faults.fault(403, NovaFaults.NOT_ALLOWED_TO_DELETE);
  }

  /**
   * Nova's {@code create}, which raises 405, after {@code wsgi.Resource} has read the body: a non-empty body needs a
   * JSON (or XML) content type and, if JSON, must parse.
   */
  private Reply create(Incoming request) throws IOException {
    byte[] body = request.body().readNBytes(MAX_BODY + 1);
    if (body.length > 0) {
      String type = mediaType(request.contentType());
      if (type.equals("application/json") || type.equals("application/vnd.openstack.compute+json")) {
        if (!isJson(body)) {
          return faults.fault(400, NovaFaults.MALFORMED_BODY);
        }
      } else if (!type.equals("application/xml") && !type.equals("application/vnd.openstack.compute+xml")) {
        return faults.fault(400, NovaFaults.UNSUPPORTED_CONTENT_TYPE);
      }
    }
    return faults.fault(405, NovaFaults.WEBOB_CLIENT_ERROR);
  }

  /** Whether the body is JSON, as {@code jsonutils.loads} would take it (any JSON value). */
  private static boolean isJson(byte[] body) {
    try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
      while (parser.hasNext()) {
        parser.next();
      }
      return true;
    } catch (JsonException e) {
      return false;
    }
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Nova's Juno+ rule: a {@code next} link exactly when the page holds {@code min(limit or maxLimit, maxLimit)}
   * items, pointing at the same collection with every original parameter and {@code marker} set to the last id.
   *
   * @param collection the collection's URL, built from the request
   */
  private <T> String nextHref(
      List<T> items, ListQuery list, FormQuery query, String collection, Function<T, ImageId> id) {
    if (items.isEmpty() || items.size() != list.page().limit()) {
      return null;
    }
    String marker = id.apply(items.get(items.size() - 1)).value();
    return collection + "?" + query.nextQuery(marker);
  }

  private static String ordinal(int n) {
    int lastTwo = n % 100;
    String suffix =
        lastTwo >= 11 && lastTwo <= 13
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }
}
