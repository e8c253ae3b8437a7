package io.github.rackimages.http;

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
import io.github.rackimages.http.internal.Call;
import io.github.rackimages.http.internal.Endpoints;
import io.github.rackimages.http.internal.NextMarkers;
import io.github.rackimages.http.internal.Percent;
import io.github.rackimages.http.internal.QueryString;
import io.github.rackimages.http.internal.RequestExecutor;
import io.github.rackimages.http.internal.Sleeper;
import io.github.rackimages.nova.json.NovaJson;
import io.github.rackimages.nova.json.WireList;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
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
 *       {@code http} endpoint is refused unless its host is loopback or {@link Builder#allowInsecureHttp} is set.
 *   <li>A page's next marker is present exactly when the page is full; it is the {@code marker} of the service's
 *       {@code next} link when that link points at the very collection asked for, else the id of the page's last
 *       image. {@link #stream} walks pages lazily and stops with an exception if the service repeats a marker.
 *   <li>A 401 renews the token once ({@link Authenticator#renew}) and repeats the request once. Other failures
 *       are retried as the {@link RetryPolicy} says. Bodies are read as streams, capped at {@link
 *       Builder#maxBodyBytes}.
 *   <li>Every failure is an {@link ImageCatalogException} carrying the status, the Nova fault name and message,
 *       the request id ({@code X-Compute-Request-Id}, else {@code X-Openstack-Request-Id}) and a short redacted
 *       excerpt of the body: 400 {@code BadRequest}, 401 {@code Authentication} (after one renewal), 403
 *       {@code Forbidden}, 404 {@code NotFound} (on a list: the endpoint may not offer the images API, which Nova
 *       removed at microversion 2.36; {@link #find} returns empty instead), 413/429 {@code Throttled} with
 *       {@code retryAfter}, 503 {@code Unavailable} with {@code retryAfter}, other 5xx {@code ServiceFault},
 *       other 4xx {@code ServiceException}; a redirect, another 2xx, a wrong {@code Content-Type}, a malformed
 *       or oversized body {@code Protocol}; network failures, timeouts and bodies cut off {@code Transport}.
 *   <li>Each HTTP request is logged at {@code DEBUG} on the {@link System.Logger} {@code io.github.rackimages.http}:
 *       method, path and query, status, duration, request id and attempt number; never the token.
 * </ul>
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
  private final int defaultPageSize;
  private final String description;

  private HttpImageCatalog(Builder b, Authenticator authenticator, HttpClient client) {
    this.json = new NovaJson();
    this.defaultPageSize = b.defaultPageSize;
    this.executor =
        new RequestExecutor(
            client,
            authenticator,
            b.endpointOverride,
            b.allowInsecureHttp,
            b.requestTimeout,
            b.retryPolicy,
            b.maxBodyBytes,
            b.clock,
            b.sleeper,
            b.logger,
            b.executor == null ? new CompletableFuture<Void>().defaultExecutor() : b.executor,
            json);
    this.description =
        "HttpImageCatalog[authenticator="
            + authenticator
            + (b.endpointOverride == null ? "" : ", endpoint=" + b.endpointOverride)
            + ", "
            + b.retryPolicy
            + "]";
  }

  /** A builder; {@link Builder#authenticator}, {@link Builder#token} or {@link Builder#config} is required. */
  public static Builder builder() {
    return new Builder();
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
   * this future). Retries wait without holding a thread.
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
   * {@inheritDoc}
   *
   * <p>Pages have the builder's {@link Builder#defaultPageSize} ({@value PageRequest#MAX_LIMIT} unless set).
   *
   * @throws NullPointerException if {@code filter} is null
   */
  @Override
  public Stream<Image> stream(ImageFilter filter) {
    return stream(filter, PageRequest.first(defaultPageSize));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Pages have the builder's {@link Builder#defaultPageSize} ({@value PageRequest#MAX_LIMIT} unless set).
   *
   * @throws NullPointerException if {@code filter} is null
   */
  @Override
  public Stream<ImageSummary> streamSummaries(ImageFilter filter) {
    return streamSummaries(filter, PageRequest.first(defaultPageSize));
  }

  private Call<Page<Image>> detailCall(ImageFilter filter, PageRequest page) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(page, "page");
    return Call.list(
        "/images/detail",
        QueryString.of(filter, page),
        (body, collection) -> {
          WireList<Image> list = json.readDetailList(body);
          return NextMarkers.page(list.items(), page.limit(), list.nextHref().orElse(null), collection, Image::id);
        });
  }

  private Call<Page<ImageSummary>> summaryCall(ImageFilter filter, PageRequest page) {
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(page, "page");
    return Call.list(
        "/images",
        QueryString.of(filter, page),
        (body, collection) -> {
          WireList<ImageSummary> list = json.readSummaryList(body);
          return NextMarkers.page(
              list.items(), page.limit(), list.nextHref().orElse(null), collection, ImageSummary::id);
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

  /**
   * Builds an {@link HttpImageCatalog}; not thread-safe. Each setter validates its argument at once;
   * {@link #build()} checks that authentication was given. The last of {@link #authenticator}, {@link #token}
   * and {@link #config} decides how to authenticate.
   *
   * @since 1.0
   */
  public static final class Builder {
    private Authenticator authenticator;
    private HttpCatalogConfig identityConfig;
    private URI endpointOverride;
    private HttpClient httpClient;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private boolean allowInsecureHttp;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private int defaultPageSize = PageRequest.MAX_LIMIT;
    private Clock clock = Clock.systemUTC();
    private Executor executor;
    private Sleeper sleeper = Sleeper.SYSTEM;
    private System.Logger logger = System.getLogger(LOGGER_NAME);

    private Builder() {}

    /**
     * Where tokens and the endpoint come from: Rackspace Identity, a fixed token, or an implementation of your
     * own. Replaces an earlier {@link #token}.
     */
    public Builder authenticator(Authenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
      this.identityConfig = null;
      return this;
    }

    /**
     * Takes every setting of {@code config}: its authentication (a token and endpoint, or Rackspace Identity
     * credentials, region and endpoint override, authenticated through a {@link RackspaceIdentityAuthenticator}
     * that shares this catalog's {@link HttpClient}, request timeout and clock), timeouts, retry policy, page
     * size, plain-http permission and body cap. Later setter calls override single settings.
     */
    public Builder config(HttpCatalogConfig config) {
      Objects.requireNonNull(config, "config");
      connectTimeout = config.connectTimeout();
      requestTimeout = config.requestTimeout();
      retryPolicy = config.retryPolicy();
      allowInsecureHttp = config.allowInsecureHttp();
      maxBodyBytes = config.maxBodyBytes();
      defaultPageSize = config.pageSize();
      if (config.hasToken()) {
        token(config.token(), config.endpoint().orElseThrow());
      } else {
        authenticator = null;
        identityConfig = config;
      }
      return this;
    }

    /**
     * A token you already have and the compute endpoint it is for (a {@link FixedTokenAuthenticator}); a 401
     * cannot be cured by renewal then. Replaces an earlier {@link #authenticator}.
     *
     * @throws IllegalArgumentException if the token is blank or not printable ASCII, or the endpoint is not an
     *     absolute http(s) URL (the message never holds the token)
     */
    public Builder token(String token, URI endpoint) {
      Objects.requireNonNull(token, "token");
      this.authenticator = FixedTokenAuthenticator.of(token, Endpoints.normalize(endpoint));
      this.identityConfig = null;
      return this;
    }

    /**
     * Sends every request to this endpoint instead of the one the authenticator reports (a proxy, an emulator,
     * another region's URL for the same account). The token is sent there.
     *
     * @throws IllegalArgumentException if it is not an absolute http(s) URL without user info, query or fragment
     */
    public Builder endpointOverride(URI endpoint) {
      this.endpointOverride = Endpoints.normalize(endpoint);
      return this;
    }

    /**
     * The client to send requests with, for your proxy, TLS ({@code SSLContext}), executor or HTTP version. Its
     * own connect timeout applies, and it must not follow redirects ({@link HttpClient.Redirect#NEVER}, the
     * default of {@link HttpClient#newBuilder()}): a client that follows them would send the token wherever the
     * service points. Without this, the catalog builds one client with {@link #connectTimeout}, HTTP/1.1 and no
     * redirects.
     *
     * @throws IllegalArgumentException if the client follows redirects
     */
    public Builder httpClient(HttpClient client) {
      Objects.requireNonNull(client, "httpClient");
      if (client.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException(
            "the HttpClient must not follow redirects (it would send the token to wherever the service points);"
                + " build it with followRedirects(HttpClient.Redirect.NEVER), not " + client.followRedirects());
      }
      this.httpClient = client;
      return this;
    }

    /**
     * How long to wait for a connection (default 10 s); used by the client the catalog builds, not by one given
     * with {@link #httpClient}.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long to wait for each response's headers, and again for its body (default 30 s); a timeout is a
     * network failure, retried as the policy allows.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /** When to retry (default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} never retries). */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
      return this;
    }

    /**
     * Whether the token may be sent over plain {@code http} to a host that is not loopback (default false). Only
     * for networks you trust completely.
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * The largest response body read (default 16 MiB, about ten pages of 1000 detailed images); a larger one
     * is an {@link io.github.rackimages.core.ImageCatalogProtocolException}.
     *
     * @throws IllegalArgumentException if below 1024
     */
    public Builder maxBodyBytes(long maxBodyBytes) {
      if (maxBodyBytes < 1024) {
        throw new IllegalArgumentException("maxBodyBytes must be >= 1024: " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /**
     * The page size {@link HttpImageCatalog#stream(ImageFilter)} asks for (default {@value
     * PageRequest#MAX_LIMIT}).
     *
     * @throws IllegalArgumentException if not within 1..{@value PageRequest#MAX_LIMIT}
     */
    public Builder defaultPageSize(int pageSize) {
      PageRequest.first(pageSize);
      this.defaultPageSize = pageSize;
      return this;
    }

    /**
     * The clock for the retry budget and for {@code Retry-After} dates (default {@link Clock#systemUTC()}).
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where the asynchronous methods read bodies and schedule retries (default: the executor of
     * {@link CompletableFuture}'s async methods). Bodies are read with blocking I/O, so give an executor whose
     * threads may block.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /** How waits are made; tests record them instead of sleeping. */
    Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** Where requests are logged; tests capture the lines. */
    Builder logger(System.Logger logger) {
      this.logger = Objects.requireNonNull(logger, "logger");
      return this;
    }

    /**
     * The catalog. Makes no request: the first call to the authenticator and the service happens on first use.
     *
     * @throws IllegalStateException if neither {@link #authenticator}, {@link #token} nor {@link #config} was
     *     given
     * @throws IllegalArgumentException if the token's endpoint, the identity URL or an override is plain
     *     {@code http} to a host that is not loopback and {@link #allowInsecureHttp} is not set
     */
    public HttpImageCatalog build() {
      if (authenticator == null && identityConfig == null) {
        throw new IllegalStateException("no authentication: call authenticator(...), token(...) or config(...)");
      }
      if (endpointOverride != null && !Endpoints.acceptable(endpointOverride, allowInsecureHttp)) {
        throw insecure(endpointOverride);
      }
      if (endpointOverride == null && authenticator instanceof FixedTokenAuthenticator fixed) {
        URI endpoint = fixed.session().endpoint();
        if (!Endpoints.acceptable(endpoint, allowInsecureHttp)) {
          throw insecure(endpoint);
        }
      }
      HttpClient client =
          httpClient != null
              ? httpClient
              : HttpClient.newBuilder()
                  .connectTimeout(connectTimeout)
                  .followRedirects(HttpClient.Redirect.NEVER)
                  .version(HttpClient.Version.HTTP_1_1)
                  .build();
      return new HttpImageCatalog(this, authenticator != null ? authenticator : identity(client), client);
    }

    private Authenticator identity(HttpClient client) {
      HttpCatalogConfig c = identityConfig;
      RackspaceIdentityAuthenticator.Builder b =
          RackspaceIdentityAuthenticator.builder()
              .identityUrl(c.identityUrl())
              .credentials(c.credentials().orElseThrow())
              .httpClient(client)
              .requestTimeout(requestTimeout)
              .clock(clock)
              .allowInsecureHttp(allowInsecureHttp);
      c.region().ifPresent(b::region);
      c.endpoint().ifPresent(b::endpointOverride);
      return b.build();
    }

    private static IllegalArgumentException insecure(URI endpoint) {
      return new IllegalArgumentException(
          "refusing plain http to " + Endpoints.safe(endpoint)
              + ": the token would travel unencrypted; use https (plain http is allowed for loopback hosts, or"
              + " with allowInsecureHttp(true))");
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }
  }
}
