package io.github.rackimages.http;

import io.github.rackimages.core.AsyncImageCatalog;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.auth.Authenticator;
import io.github.rackimages.http.auth.FixedTokenAuthenticator;
import io.github.rackimages.http.auth.RackspaceIdentityAuthenticator;
import io.github.rackimages.http.internal.AheadWalks;
import io.github.rackimages.http.internal.Call;
import io.github.rackimages.http.internal.Endpoints;
import io.github.rackimages.http.internal.NextMarkers;
import io.github.rackimages.http.internal.PageAhead;
import io.github.rackimages.http.internal.Percent;
import io.github.rackimages.http.internal.QueryString;
import io.github.rackimages.http.internal.RequestExecutor;
import io.github.rackimages.nova.json.NovaJson;
import io.github.rackimages.nova.json.WireList;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The images of a Rackspace Cloud Servers (OpenStack Compute v2) account, over HTTPS: the {@link ImageCatalog}
 * port on the JDK's {@link HttpClient} and JSON-B. Thread-safe: build one and share it.
 *
 * <pre>{@code
 * ImageCatalog catalog = HttpImageCatalog.builder()
 *     .token(System.getenv("IMAGES_TOKEN"), URI.create("https://dfw.servers.api.rackspacecloud.com/v2/123456"))
 *     .build();
 * try (Stream<Image> snapshots = catalog.stream(ImageFilter.builder().type(ImageType.SNAPSHOT).build())) {
 *   snapshots.forEach(image -> System.out.println(image.id() + " " + image.name().orElse("")));
 * }
 * }</pre>
 *
 * <p>What it does on the wire:
 *
 * <ul>
 *   <li>{@link #list} is {@code GET {endpoint}/images/detail}, {@link #listSummaries} {@code GET
 *       {endpoint}/images}, {@link #find} {@code GET {endpoint}/images/{id}}; every filter value is
 *       percent-encoded; {@code X-Auth-Token}, {@code Accept: application/json} and {@code User-Agent:
 *       rackimages/<version>} are sent; 200 and 203 are success.
 *   <li>Every request is built from the endpoint, never from a link the service returned, and the token goes to
 *       the endpoint's origin only: redirects are not followed (a 3xx is an {@link
 *       io.github.rackimages.core.ImageCatalogProtocolException} saying where it pointed), and a plain
 *       {@code http} endpoint is refused unless its host is a loopback address, {@code localhost} resolving to
 *       loopback only, or listed in {@link HttpCatalogConfig#insecureHttpHosts()}, or
 *       {@link HttpCatalogConfig#allowInsecureHttp()} is set.
 *   <li>A page's next marker is present exactly when the page is full, and is the id of the page's last image
 *       (the service's {@code next} link is not read). {@link #stream} walks pages lazily and stops with an
 *       {@link io.github.rackimages.core.ImageCatalogProtocolException} when a page ends with the same image as
 *       an earlier page of the walk (a repeated marker), so that a server answering the same pages under fresh
 *       markers cannot make it walk for ever.
 *   <li>A 401 renews the token once ({@link Authenticator#renew}) and repeats the request once. Other failures
 *       are retried as the {@link RetryPolicy} says. Bodies are read as streams, capped at {@link
 *       HttpCatalogConfig#maxBodyBytes()}.
 *   <li>Every failure is an {@link ImageCatalogException} carrying the status, the Nova fault name and message,
 *       the request id ({@code X-Compute-Request-Id}, else {@code X-Openstack-Request-Id}) and a short redacted
 *       excerpt of the body: 400 {@code BadRequest}, 401 {@code Authentication} (after one renewal), 403
 *       {@code Forbidden}, 404 {@code NotFound} (on a list: the endpoint may not offer the images API, which Nova
 *       removed at microversion 2.36; {@link #find} returns empty instead), 413/429 {@code Throttled} with
 *       {@code retryAfter}, 503 {@code Unavailable} with {@code retryAfter}, other 5xx {@code ServiceFault},
 *       other 4xx {@code ServiceException}; a redirect, another 2xx, a wrong {@code Content-Type}, a malformed
 *       or oversized body {@code Protocol}; network failures, timeouts and bodies cut off {@code Transport}.
 *   <li>Each HTTP request is logged at {@code DEBUG} on the {@link System.Logger} {@code io.github.rackimages.http}:
 *       method, path and query, status, duration, request id and attempt number; never the token. The same, with
 *       what the call does next, reaches every {@link HttpCatalogListener} as an {@link AttemptEvent}.
 * </ul>
 *
 * <p>Over 300 lines because this Javadoc and the methods' document the wire behaviour users rely on.
 *
 * <p>This class holds no resource that needs closing: the JDK 17 {@link HttpClient} has no {@code close()}
 * (its threads end when it is no longer referenced), so it is not {@link AutoCloseable}.
 *
 * @since 1.0
 */
public final class HttpImageCatalog implements ImageCatalog {

  /** The logger every request is logged on, at {@code DEBUG}. */
  public static final String LOGGER_NAME = "io.github.rackimages.http";

  /** How long to wait for a connection unless set: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  /** How long to wait for a response's headers, and again for its body, unless set: 30 seconds. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** The largest body read unless set: 16 MiB, about ten pages of 1000 detailed images. */
  public static final long DEFAULT_MAX_BODY_BYTES = 16L * 1024 * 1024;

  private final RequestExecutor executor;
  private final NovaJson json;
  private final int pageSize;
  private final boolean prefetch;
  private final AheadWalks ahead;
  private final String description;

  private HttpImageCatalog(HttpCatalogConfig c, Authenticator authenticator, HttpClient client) {
    this.json = new NovaJson(c.readLimits());
    this.pageSize = c.pageSize();
    this.prefetch = c.prefetch();
    this.executor =
        new RequestExecutor(
            client,
            authenticator,
            c.endpoint().orElse(null),
            c.allowInsecureHttp(),
            c.insecureHttpHosts(),
            c.requestTimeout(),
            c.apiCallTimeout().orElse(null),
            c.retryPolicy(),
            c.maxBodyBytes(),
            c.clock(),
            c.sleeper(),
            c.logger(),
            c.executor().orElseGet(() -> new CompletableFuture<Void>().defaultExecutor()),
            json,
            c.listeners());
    this.ahead = new AheadWalks(
        f -> PageAhead.fetch(executor, (page, next) -> detailCall(f, page, next)),
        f -> PageAhead.fetch(executor, (page, next) -> summaryCall(f, page, next)));
    this.description =
        "HttpImageCatalog[authenticator="
            + authenticator
            + c.endpoint().map(e -> ", endpoint=" + e).orElse("")
            + ", "
            + c.retryPolicy()
            + "]";
  }

  /**
   * The catalog {@code config} describes. Makes no request: the first call to the authenticator and the service
   * happens on first use. With credentials, a {@link RackspaceIdentityAuthenticator} shares this catalog's
   * {@link HttpClient}, request timeout, clock and plain-http permission.
   *
   * @throws NullPointerException if {@code config} is null
   * @throws IllegalArgumentException if the endpoint or the identity URL is plain {@code http} to a host that is
   *     not loopback nor in {@link HttpCatalogConfig#insecureHttpHosts()}, and
   *     {@link HttpCatalogConfig#allowInsecureHttp()} is not set
   */
  public static HttpImageCatalog create(HttpCatalogConfig config) {
    Objects.requireNonNull(config, "config");
    boolean insecure = config.allowInsecureHttp();
    Optional<URI> endpoint =
        config.endpoint().or(() -> config.authenticator()
            .filter(FixedTokenAuthenticator.class::isInstance)
            .map(a -> a.session().endpoint()));
    if (endpoint.isPresent() && !Endpoints.acceptable(endpoint.get(), insecure, config.insecureHttpHosts())) {
      throw new IllegalArgumentException(
          "refusing plain http to " + Endpoints.safe(endpoint.get())
              + ": the token would travel unencrypted; use https (" + Endpoints.INSECURE_HINT + ")");
    }
    HttpClient client =
        config.httpClient()
            .orElseGet(
                () ->
                    HttpClient.newBuilder()
                        .connectTimeout(config.connectTimeout())
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .version(HttpClient.Version.HTTP_1_1)
                        .build());
    return new HttpImageCatalog(config, authenticator(config, client), client);
  }

  /**
   * The one configuration's builder, ending in the catalog: {@code HttpImageCatalog.builder().token(...).build()}
   * is {@code HttpImageCatalog.create(HttpCatalogConfig.builder().token(...).build())}.
   */
  public static HttpCatalogConfig.Builder<HttpImageCatalog> builder() {
    return new HttpCatalogConfig.Builder<>(HttpImageCatalog::create);
  }

  private static Authenticator authenticator(HttpCatalogConfig c, HttpClient client) {
    if (c.authenticator().isPresent()) {
      return c.authenticator().get();
    }
    if (c.credentials().isEmpty()) {
      return FixedTokenAuthenticator.of(c.token(), c.endpoint().orElseThrow());
    }
    RackspaceIdentityAuthenticator.Builder b =
        RackspaceIdentityAuthenticator.builder()
            .identityUrl(c.identityUrl())
            .credentials(c.credentials().get())
            .httpClient(client)
            .requestTimeout(c.requestTimeout())
            .clock(c.clock())
            .allowInsecureHttp(c.allowInsecureHttp())
            .insecureHttpHosts(c.insecureHttpHosts())
            .retryPolicy(c.retryPolicy());
    c.region().ifPresent(b::region);
    c.endpoint().ifPresent(b::endpointOverride);
    return b.build();
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code GET {endpoint}/images/detail?...&limit=N[&marker=M]}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a filter value or the marker is not valid Unicode (an unpaired
   *     surrogate), which has no form to send
   * @throws io.github.rackimages.core.ImageCatalogNotFoundException if the endpoint does not offer the images
   *     API (404)
   * @throws ImageCatalogException for every other failure, after the retries the policy allows
   */
  @Override
  public Page<Image> list(ImageFilter filter, PageRequest page) {
    return executor.execute(detailCall(filter, page));
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code GET {endpoint}/images?...&limit=N[&marker=M]}.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a filter value or the marker is not valid Unicode (an unpaired
   *     surrogate), which has no form to send
   * @throws io.github.rackimages.core.ImageCatalogNotFoundException if the endpoint does not offer the images
   *     API (404)
   * @throws ImageCatalogException for every other failure, after the retries the policy allows
   */
  @Override
  public Page<ImageSummary> listSummaries(ImageFilter filter, PageRequest page) {
    return executor.execute(summaryCall(filter, page));
  }

  /**
   * {@inheritDoc}
   *
   * <p>{@code GET {endpoint}/images/{id}}, the id percent-encoded as one path segment.
   *
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if the id is not valid Unicode (an unpaired surrogate)
   * @throws ImageCatalogException for every failure but a 404, after the retries the policy allows
   */
  @Override
  public Optional<Image> find(ImageId id) {
    return executor.execute(findCall(id));
  }

  /**
   * {@link #list} without blocking: the future completes with the page, or fails with the
   * {@link ImageCatalogException} (not wrapped, when observed with {@code whenComplete}/{@code exceptionally} on
   * this future). Retries wait without holding a thread. Cancelling the future cancels the request in flight
   * (the JDK's client aborts the exchange) and drops a retry that waits.
   *
   * @throws NullPointerException if an argument is null (at once, not through the future)
   */
  public CompletableFuture<Page<Image>> listAsync(ImageFilter filter, PageRequest page) {
    return executor.executeAsync(detailCall(filter, page));
  }

  /**
   * {@link #listSummaries} without blocking, as {@link #listAsync} does.
   *
   * @throws NullPointerException if an argument is null (at once, not through the future)
   */
  public CompletableFuture<Page<ImageSummary>> listSummariesAsync(ImageFilter filter, PageRequest page) {
    return executor.executeAsync(summaryCall(filter, page));
  }

  /**
   * {@link #find} without blocking, as {@link #listAsync} does.
   *
   * @throws NullPointerException if {@code id} is null (at once, not through the future)
   */
  public CompletableFuture<Optional<Image>> findAsync(ImageId id) {
    return executor.executeAsync(findCall(id));
  }

  /**
   * This catalog without blocking, backed by {@link #listAsync}, {@link #listSummariesAsync} and
   * {@link #findAsync}: no thread is held while a request is in flight or a retry waits. Cancelling a future
   * cancels the request in flight and drops a retry that waits; a failure completes the future with the
   * {@link ImageCatalogException} itself. The walks ({@code forEach}, {@code collect}) fetch their pages so.
   */
  @Override
  public AsyncImageCatalog async() {
    return new AsyncImageCatalog() {
      @Override
      public CompletableFuture<Page<Image>> list(ImageFilter filter, PageRequest page) {
        return listAsync(filter, page);
      }

      @Override
      public CompletableFuture<Page<ImageSummary>> listSummaries(ImageFilter filter, PageRequest page) {
        return listSummariesAsync(filter, page);
      }

      @Override
      public CompletableFuture<Optional<Image>> find(ImageId id) {
        return findAsync(id);
      }

      @Override
      public String toString() {
        return "async " + description;
      }
    };
  }

  /**
   * {@inheritDoc}
   *
   * <p>Pages have the configuration's {@link HttpCatalogConfig#pageSize()} ({@value PageRequest#MAX_LIMIT} unless set).
   *
   * @throws NullPointerException if {@code filter} is null
   */
  @Override
  public Stream<Image> stream(ImageFilter filter) {
    return stream(filter, PageRequest.first(pageSize));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Pages have the configuration's {@link HttpCatalogConfig#pageSize()} ({@value PageRequest#MAX_LIMIT} unless set).
   *
   * @throws NullPointerException if {@code filter} is null
   */
  @Override
  public Stream<ImageSummary> streamSummaries(ImageFilter filter) {
    return streamSummaries(filter, PageRequest.first(pageSize));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Unless {@link HttpCatalogConfig#prefetch()} is off, the walk asks for the next page (with {@link #listAsync})
   * as soon as a page arrives, so that it is on its way while this one is read: two pages held at most, the first
   * request still at the terminal operation, failures in their place (thrown when the walk reaches that page, with
   * its resume marker). Closing the stream, or a terminal operation that ends early ({@code findFirst}, after
   * {@code limit}), cancels the request ahead; after {@code iterator()}, {@code spliterator()} or a primitive
   * stream only closing does. The same holds for {@link #streamSummaries}, {@link #pages} and {@link #summaryPages}.
   *
   * @throws NullPointerException if an argument is null
   */
  @Override
  public Stream<Image> stream(ImageFilter filter, PageRequest start) {
    return prefetch ? ahead.images(filter, start) : ImageCatalog.super.stream(filter, start);
  }

  /** {@inheritDoc} One page ahead unless {@link HttpCatalogConfig#prefetch()} is off, as {@link #stream} says. */
  @Override
  public Stream<ImageSummary> streamSummaries(ImageFilter filter, PageRequest start) {
    return prefetch ? ahead.summaries(filter, start) : ImageCatalog.super.streamSummaries(filter, start);
  }

  /** {@inheritDoc} One page ahead unless {@link HttpCatalogConfig#prefetch()} is off, as {@link #stream} says. */
  @Override
  public Stream<Page<Image>> pages(ImageFilter filter, PageRequest start) {
    return prefetch ? ahead.pages(filter, start) : ImageCatalog.super.pages(filter, start);
  }

  /** {@inheritDoc} One page ahead unless {@link HttpCatalogConfig#prefetch()} is off, as {@link #stream} says. */
  @Override
  public Stream<Page<ImageSummary>> summaryPages(ImageFilter filter, PageRequest start) {
    return prefetch ? ahead.summaryPages(filter, start) : ImageCatalog.super.summaryPages(filter, start);
  }

  private Call<Page<Image>> detailCall(ImageFilter filter, PageRequest page) {
    return detailCall(filter, page, null);
  }

  /** The call for a detailed page; {@code next}, when not null, hears of the next link before the page is read. */
  private Call<Page<Image>> detailCall(ImageFilter filter, PageRequest page, Consumer<PageRequest> next) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(page, "page");
    return Call.list(
        "/images/detail",
        QueryString.of(filter, page),
        (body, collection) -> {
          WireList<Image> list =
              json.readDetailList(body, next == null ? null : NextMarkers.hint(page, collection, next));
          return NextMarkers.page(list.items(), page.limit(), Image::id);
        });
  }

  private Call<Page<ImageSummary>> summaryCall(ImageFilter filter, PageRequest page) {
    return summaryCall(filter, page, null);
  }

  /** The call for a summary page; {@code next}, when not null, hears of the next link before the page is read. */
  private Call<Page<ImageSummary>> summaryCall(ImageFilter filter, PageRequest page, Consumer<PageRequest> next) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(page, "page");
    return Call.list(
        "/images",
        QueryString.of(filter, page),
        (body, collection) -> {
          WireList<ImageSummary> list =
              json.readSummaryList(body, next == null ? null : NextMarkers.hint(page, collection, next));
          return NextMarkers.page(list.items(), page.limit(), ImageSummary::id);
        });
  }

  private Call<Optional<Image>> findCall(ImageId id) {
    Objects.requireNonNull(id, "id");
    String segment;
    try {
      segment = Percent.encodePathSegment(id.value());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the image id: " + e.getMessage(), e);
    }
    return Call.one(
        "/images/" + segment,
        (body, collection) -> Optional.of(json.readImage(body)),
        Optional::empty);
  }

  /** The authenticator, endpoint and retry policy; never a token. */
  @Override
  public String toString() {
    return description;
  }
}
