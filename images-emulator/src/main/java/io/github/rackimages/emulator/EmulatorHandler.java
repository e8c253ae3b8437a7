package io.github.rackimages.emulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.nova.json.NovaJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Answers every request of the emulator, in the order the real service's layers do: Repose first (the token, the
 * tenant, rate limiting), then Nova (routing, method, query validation, the catalog), every answer with
 * {@code X-Compute-Request-Id} and an exact {@code Content-Length}.
 */
final class EmulatorHandler implements HttpHandler {

  private static final System.Logger LOG = System.getLogger(ImageEmulator.LOGGER_NAME);

  /** The most of an unwanted request body read before answering; a longer one gets its connection closed. */
  private static final long MAX_DRAIN = 1 << 20;

  private final ImageCatalog catalog;
  private final NovaJson json;
  private final NovaFaults faults;
  private final Identity identity;
  private final TokenStore tokens;
  private final Urls urls;
  private final int maxLimit;
  private final Clock clock;
  private final FaultSwitches switches;

  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong imagesRequests = new AtomicLong();
  private final AtomicLong identityRequests = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();

  EmulatorHandler(
      ImageCatalog catalog,
      NovaJson json,
      NovaFaults faults,
      Identity identity,
      TokenStore tokens,
      Urls urls,
      int maxLimit,
      Clock clock,
      FaultSwitches switches) {
    this.catalog = catalog;
    this.json = json;
    this.faults = faults;
    this.identity = identity;
    this.tokens = tokens;
    this.urls = urls;
    this.maxLimit = maxLimit;
    this.clock = clock;
    this.switches = switches;
  }

  long requests() {
    return requests.get();
  }

  long imagesRequests() {
    return imagesRequests.get();
  }

  long identityRequests() {
    return identityRequests.get();
  }

  int inFlight() {
    return inFlight.get();
  }

  void resetCounts() {
    requests.set(0);
    imagesRequests.set(0);
    identityRequests.set(0);
  }

  @Override
  public void handle(HttpExchange exchange) {
    inFlight.incrementAndGet();
    requests.incrementAndGet();
    String requestId = "req-" + UUID.randomUUID();
    try {
      Reply reply;
      try {
        pause();
        reply = dispatch(exchange);
      } catch (ImageCatalogException e) {
        reply = faults.fromCatalog(e, clock.instant());
      } catch (RuntimeException | AssertionError e) {
        // The stack trace stays in the server's log; the client gets Nova's generic text and the request id.
        LOG.log(System.Logger.Level.WARNING, "unexpected failure answering " + describe(exchange) + " (" + requestId + ")", e);
        reply = faults.computeFault();
      }
      send(exchange, reply, requestId);
    } catch (IOException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "client went away during " + describe(exchange) + ": " + e);
    } finally {
      exchange.close();
      inFlight.decrementAndGet();
    }
  }

  /** The simulated latency; an interruption (the emulator stopping) cuts it short. */
  private void pause() {
    Duration latency = switches.latency();
    if (latency.isZero()) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(latency.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Reply dispatch(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String method = exchange.getRequestMethod();
    if (path.equals("/v2.0") || path.startsWith("/v2.0/")) {
      identityRequests.incrementAndGet();
      if (!path.equals("/v2.0/tokens")) {
        return faults.fault(404, NovaFaults.NOT_FOUND);
      }
      if (!method.equals("POST")) {
        return faults.badMethod(method, "POST");
      }
      return identity.authenticate(exchange.getRequestBody());
    }
    if (path.startsWith("/v2/")) {
      imagesRequests.incrementAndGet();
      return compute(exchange, method, path.substring("/v2/".length()), uri.getRawQuery());
    }
    return faults.fault(404, NovaFaults.NOT_FOUND);
  }

  /** Everything under {@code /v2/}: Repose's checks, then Nova's routes. */
  private Reply compute(HttpExchange exchange, String method, String rawRest, String rawQuery) {
    String presented = exchange.getRequestHeaders().getFirst("X-Auth-Token");
    Optional<TokenStore.Token> token = tokens.valid(presented, clock.instant());
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
    Route route = Route.of(segments);
    if (route == Route.UNKNOWN) {
      return faults.fault(404, NovaFaults.NOT_FOUND);
    }
    if (!method.equals("GET")) {
      return faults.badMethod(method, "GET");
    }
    FormQuery query = FormQuery.parse(rawQuery);
    return switch (route) {
      case SUMMARIES -> summaries(query);
      case DETAILS -> details(query);
      case SHOW -> show(stripJson(segments[2]));
      case UNKNOWN -> faults.fault(404, NovaFaults.NOT_FOUND);
    };
  }

  private Reply summaries(FormQuery query) {
    ListQuery list = ListQuery.from(query, maxLimit);
    Page<ImageSummary> page = catalog.listSummaries(list.filter(), list.page());
    List<ImageSummary> items = list.matchesNothing() ? List.of() : page.items();
    String next = nextHref(items, list, query, "/images", s -> s.id());
    return Reply.ok(out -> json.writeSummaryList(items, next, out));
  }

  private Reply details(FormQuery query) {
    ListQuery list = ListQuery.from(query, maxLimit);
    Page<Image> page = catalog.list(list.filter(), list.page());
    List<Image> items = list.matchesNothing() ? List.of() : page.items();
    String next = nextHref(items, list, query, "/images/detail", Image::id);
    return Reply.ok(out -> json.writeDetailList(items, next, out));
  }

  private Reply show(String id) {
    if (id.isBlank()) {
      return faults.fault(404, NovaFaults.IMAGE_NOT_FOUND);
    }
    Optional<Image> image = catalog.find(ImageId.of(id));
    if (image.isEmpty()) {
      return faults.fault(404, NovaFaults.IMAGE_NOT_FOUND);
    }
    Image found = image.get();
    return Reply.ok(out -> json.writeImage(found, out));
  }

  /**
   * Nova's Juno+ rule: a {@code next} link exactly when the page holds {@code min(limit or maxLimit, maxLimit)}
   * items, pointing at the same collection with every original parameter and {@code marker} set to the last id.
   */
  private <T> String nextHref(
      List<T> items, ListQuery list, FormQuery query, String collection, Function<T, ImageId> id) {
    if (items.isEmpty() || items.size() != list.page().limit()) {
      return null;
    }
    String marker = id.apply(items.get(items.size() - 1)).value();
    return urls.compute() + collection + "?" + query.nextQuery(marker);
  }

  private void send(HttpExchange exchange, Reply reply, String requestId) throws IOException {
    drain(exchange);
    ByteArrayOutputStream body = new ByteArrayOutputStream(8192);
    Reply answer = reply;
    try {
      answer.body().writeTo(body);
    } catch (RuntimeException | IOException e) {
      LOG.log(System.Logger.Level.WARNING, "could not write the answer to " + describe(exchange) + " (" + requestId + ")", e);
      answer = faults.computeFault();
      body.reset();
      answer.body().writeTo(body);
    }
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", answer.contentType());
    headers.set("X-Compute-Request-Id", requestId);
    answer.headers().forEach(headers::set);
    int status = answer.status();
    LOG.log(System.Logger.Level.DEBUG, () -> describe(exchange) + " -> " + status + " (" + requestId + ")");
    if (exchange.getRequestMethod().equals("HEAD")) {
      exchange.sendResponseHeaders(status, -1);
      return;
    }
    exchange.sendResponseHeaders(status, body.size());
    try (OutputStream out = exchange.getResponseBody()) {
      body.writeTo(out);
    }
  }

  /**
   * Reads what is left of the request body (up to {@value #MAX_DRAIN} bytes) before answering: a client still
   * sending a body it was refused for would otherwise see its connection reset instead of the answer.
   */
  private static void drain(HttpExchange exchange) throws IOException {
    InputStream in = exchange.getRequestBody();
    long left = MAX_DRAIN;
    byte[] skip = new byte[8192];
    int n;
    while (left > 0 && (n = in.read(skip, 0, (int) Math.min(skip.length, left))) > 0) {
      left -= n;
    }
  }

  private static String stripJson(String segment) {
    return segment.endsWith(".json") ? segment.substring(0, segment.length() - ".json".length()) : segment;
  }

  private static String describe(HttpExchange exchange) {
    URI uri = exchange.getRequestURI();
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String shown = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    if (shown.length() > 200) {
      shown = shown.substring(0, 200) + "...";
    }
    return exchange.getRequestMethod() + " " + shown;
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

  /** The compute routes, from the decoded segments after {@code /v2/}. */
  private enum Route {
    SUMMARIES,
    DETAILS,
    SHOW,
    UNKNOWN;

    static Route of(String[] segments) {
      if (segments.length == 2 && (segments[1].equals("images") || segments[1].equals("images.json"))) {
        return SUMMARIES;
      }
      if (segments.length == 3 && segments[1].equals("images") && !segments[2].isEmpty()) {
        if (segments[2].equals("detail") || segments[2].equals("detail.json")) {
          return DETAILS;
        }
        return SHOW;
      }
      return UNKNOWN;
    }
  }
}
