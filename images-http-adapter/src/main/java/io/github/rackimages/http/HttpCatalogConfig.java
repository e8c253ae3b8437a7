package io.github.rackimages.http;

import io.github.rackimages.core.Durations;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.auth.Authenticator;
import io.github.rackimages.http.auth.Credentials;
import io.github.rackimages.http.auth.RackspaceIdentityAuthenticator;
import io.github.rackimages.http.internal.Endpoints;
import io.github.rackimages.http.internal.Sleeper;
import io.github.rackimages.nova.json.ReadLimits;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The one configuration of the HTTP adapter, as an immutable value with one builder and one set of names: how to
 * authenticate (Rackspace Identity {@code credentials} with a {@code region}, a {@code token} with its
 * {@code endpoint}, or an {@code authenticator} of your own), the {@code endpoint} requests go to, timeouts,
 * retries, the page size, plain-http permission, the body cap, the read limits and the listeners. {@link HttpImageCatalog#create} and
 * {@code HttpImageCatalogModule} take it; {@link HttpImageCatalog#builder()} is the same builder, ending in the
 * catalog. {@link #toString()} never shows the API key, password or token. The value is plain data: endpoints
 * are checked for plain http when the catalog is created.
 *
 * <pre>{@code
 * HttpCatalogConfig config = HttpCatalogConfig.builder()
 *     .credentials(Credentials.apiKey("jdoe", System.getenv("RAX_API_KEY"))).region("DFW").build();
 * ImageCatalog catalog = HttpImageCatalog.create(config);
 * }</pre>
 *
 * <p>Longer than 300 lines: every setting's accessor and builder method live here, which keeps one name each.
 *
 * @since 1.0
 */
public final class HttpCatalogConfig {

  // The builder's settings, copied when the value is built and never changed: one list of fields, not two.
  private final Builder<?> s;

  private HttpCatalogConfig(Builder<?> b) {
    if (b.credentials == null && b.token == null && b.authenticator == null) {
      throw new IllegalStateException("no authentication: give credentials(...), token(...) or authenticator(...)");
    }
    if (b.credentials != null && b.token != null) {
      throw new IllegalStateException("give credentials(...) or token(...), not both");
    }
    if (b.token != null && b.region != null) {
      throw new IllegalStateException("a region chooses an endpoint from identity; with a token, give the endpoint");
    }
    this.s = new Builder<>(b, Function.identity());
  }

  /** A builder of the value; one of {@code credentials}, {@code token} or {@code authenticator} is required. */
  public static Builder<HttpCatalogConfig> builder() {
    return new Builder<>(Function.identity());
  }

  /** A builder that starts from every setting of this value. */
  public Builder<HttpCatalogConfig> toBuilder() {
    return new Builder<>(s, Function.identity());
  }

  /** The identity endpoint ({@link RackspaceIdentityAuthenticator#DEFAULT_IDENTITY_URL} unless set). */
  public URI identityUrl() { return s.identityUrl; }

  /** The Rackspace Identity credentials; empty when a token or an authenticator is configured. */
  public Optional<Credentials> credentials() { return Optional.ofNullable(s.credentials); }

  /** The region whose endpoint identity chooses; empty for the user's default region or a token. */
  public Optional<String> region() { return Optional.ofNullable(s.region); }

  /** The token, for the catalog only (never readable by users of the value). */
  String token() { return s.token; }

  /** The authenticator of your own, when one replaces credentials and token. */
  public Optional<Authenticator> authenticator() { return Optional.ofNullable(s.authenticator); }

  /**
   * The compute endpoint every request goes to: the one the token is for, or, with credentials or an
   * authenticator, the one to use instead of the one they name; empty when they choose.
   */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(s.endpoint != null ? s.endpoint : s.tokenEndpoint);
  }

  /** The client to send requests with; empty for one the catalog builds. */
  public Optional<HttpClient> httpClient() { return Optional.ofNullable(s.httpClient); }

  /** How long to wait for a connection (10 s unless set). */
  public Duration connectTimeout() { return s.connectTimeout; }

  /** How long one attempt waits for a response's headers, and again for its body (30 s unless set). */
  public Duration requestTimeout() { return s.requestTimeout; }

  /** The most a whole call may take, every attempt, wait and renewal included; empty (unless set) for no limit. */
  public Optional<Duration> apiCallTimeout() { return Optional.ofNullable(s.apiCallTimeout); }

  /** When to retry ({@link RetryPolicy#defaults()} unless set). */
  public RetryPolicy retryPolicy() { return s.retryPolicy; }

  /** The page size of {@code stream(filter)} walks ({@value PageRequest#MAX_LIMIT} unless set). */
  public int pageSize() { return s.pageSize; }

  /** Whether {@code stream} walks request the next page while the current one is read (true unless set). */
  public boolean prefetch() { return s.prefetch; }

  /** Whether tokens and credentials may travel over plain http to a host that is not loopback (false unless set). */
  public boolean allowInsecureHttp() { return s.allowInsecureHttp; }

  /** The hosts plain http may carry tokens and credentials to besides loopback (none unless set); lower case. */
  public Set<String> insecureHttpHosts() { return s.insecureHttpHosts; }

  /** The largest response body read (16 MiB unless set). */
  public long maxBodyBytes() { return s.maxBodyBytes; }

  /** The most one body may make the reader hold ({@link ReadLimits#defaults()} unless set). */
  public ReadLimits readLimits() { return s.readLimits; }

  /** The clock for token freshness, the retry budget and {@code Retry-After} dates (the system clock unless set). */
  public Clock clock() { return s.clock; }

  /** Where the asynchronous methods read bodies and wait; empty for {@link java.util.concurrent.CompletableFuture}'s. */
  public Optional<Executor> executor() { return Optional.ofNullable(s.executor); }

  /** Who hears of every attempt, in the order they are told (none unless set). */
  public List<HttpCatalogListener> listeners() { return s.listeners; }

  Sleeper sleeper() { return s.sleeper; }
  System.Logger logger() { return s.logger; }

  /** Every setting, with the API key, password and token shown as {@code ****}. */
  @Override
  public String toString() {
    return "HttpCatalogConfig["
        + (s.credentials != null
            ? "identityUrl=" + s.identityUrl + ", credentials=" + s.credentials
                + (s.region == null ? "" : ", region=" + s.region)
            : s.token != null ? "token=****" : "authenticator=" + s.authenticator)
        + endpoint().map(e -> ", endpoint=" + e).orElse("")
        + ", connectTimeout=" + Durations.human(s.connectTimeout)
        + ", requestTimeout=" + Durations.human(s.requestTimeout)
        + (s.apiCallTimeout == null ? "" : ", apiCallTimeout=" + Durations.human(s.apiCallTimeout))
        + ", " + s.retryPolicy + ", pageSize=" + s.pageSize + (s.prefetch ? "" : ", prefetch=false")
        + ", allowInsecureHttp=" + s.allowInsecureHttp
        + (s.insecureHttpHosts.isEmpty() ? "" : ", insecureHttpHosts=" + s.insecureHttpHosts)
        + ", maxBodyBytes=" + s.maxBodyBytes + ", " + s.readLimits
        + (s.listeners.isEmpty() ? "" : ", listeners=" + s.listeners.size()) + "]";
  }

  /**
   * Builds the configuration and, through {@link HttpImageCatalog#builder()}, the catalog; not thread-safe. Each
   * setter validates its argument at once; {@link #build()} checks that they fit together. Of
   * {@link #credentials}, {@link #token} and {@link #authenticator}, an authenticator replaces the other two and
   * they replace it; credentials and a token together are refused.
   *
   * @param <R> what {@link #build()} returns: the configuration, or the catalog made from it
   * @since 1.0
   */
  public static final class Builder<R> {
    private final Function<HttpCatalogConfig, R> finish;
    private URI identityUrl = RackspaceIdentityAuthenticator.DEFAULT_IDENTITY_URL;
    private Credentials credentials;
    private String region;
    private String token;
    private URI tokenEndpoint;
    private Authenticator authenticator;
    private URI endpoint;
    private HttpClient httpClient;
    private Duration connectTimeout = HttpImageCatalog.DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = HttpImageCatalog.DEFAULT_REQUEST_TIMEOUT;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private int pageSize = PageRequest.MAX_LIMIT;
    private boolean prefetch = true;
    private boolean allowInsecureHttp;
    private Set<String> insecureHttpHosts = Set.of();
    private Duration apiCallTimeout;
    private long maxBodyBytes = HttpImageCatalog.DEFAULT_MAX_BODY_BYTES;
    private ReadLimits readLimits = ReadLimits.defaults();
    private Clock clock = Clock.systemUTC();
    private Executor executor;
    private List<HttpCatalogListener> listeners = List.of();
    private Sleeper sleeper = Sleeper.SYSTEM;
    private System.Logger logger = System.getLogger(HttpImageCatalog.LOGGER_NAME);

    Builder(Function<HttpCatalogConfig, R> finish) {
      this.finish = finish;
    }

    private Builder(Builder<?> c, Function<HttpCatalogConfig, R> finish) {
      this(finish);
      identityUrl = c.identityUrl; credentials = c.credentials; region = c.region; token = c.token;
      tokenEndpoint = c.tokenEndpoint; authenticator = c.authenticator; endpoint = c.endpoint;
      httpClient = c.httpClient; connectTimeout = c.connectTimeout; requestTimeout = c.requestTimeout;
      retryPolicy = c.retryPolicy; pageSize = c.pageSize; allowInsecureHttp = c.allowInsecureHttp;
      insecureHttpHosts = c.insecureHttpHosts; apiCallTimeout = c.apiCallTimeout; maxBodyBytes = c.maxBodyBytes;
      readLimits = c.readLimits; prefetch = c.prefetch;
      clock = c.clock; executor = c.executor; listeners = c.listeners; sleeper = c.sleeper; logger = c.logger;
    }

    /**
     * The identity endpoint (default {@code https://identity.api.rackspacecloud.com/v2.0}).
     *
     * @throws IllegalArgumentException if it is not an absolute http(s) URL without user info, query or fragment
     */
    public Builder<R> identityUrl(URI identityUrl) {
      this.identityUrl = Endpoints.normalize(identityUrl);
      return this;
    }

    /** Authenticate with Rackspace Identity (an API key or a password); replaces an {@link #authenticator}. */
    public Builder<R> credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      this.authenticator = null;
      return this;
    }

    /**
     * The region whose {@code cloudServersOpenStack} endpoint to use ({@code DFW}, {@code IAD}, ...); default the
     * user's own default region.
     *
     * @throws IllegalArgumentException if it is blank
     */
    public Builder<R> region(String region) {
      Objects.requireNonNull(region, "region");
      if (region.isBlank()) {
        throw new IllegalArgumentException("region must not be blank: '" + region + "'");
      }
      this.region = region.strip();
      return this;
    }

    /**
     * A token you already have and the compute endpoint it is for; a 401 cannot be cured by renewal then.
     * Replaces an {@link #authenticator}.
     *
     * @throws IllegalArgumentException if the token is blank or not printable ASCII (never echoed), or the
     *     endpoint is not an absolute http(s) URL
     */
    public Builder<R> token(String token, URI endpoint) {
      Objects.requireNonNull(token, "token");
      if (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        throw new IllegalArgumentException("token must be printable ASCII without spaces");
      }
      this.tokenEndpoint = Endpoints.normalize(endpoint);
      this.token = token;
      this.authenticator = null;
      return this;
    }

    /**
     * Where tokens and the endpoint come from, instead of {@link #credentials} or {@link #token} (which it
     * replaces): an implementation of your own, or a {@link RackspaceIdentityAuthenticator} built yourself.
     */
    public Builder<R> authenticator(Authenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
      this.credentials = null;
      this.token = null;
      this.tokenEndpoint = null;
      return this;
    }

    /**
     * The compute endpoint every request goes to: with credentials or an authenticator, instead of the one they
     * name (a proxy, an emulator); with a token, instead of the one given with it. The token is sent there.
     *
     * @throws IllegalArgumentException if it is not an absolute http(s) URL without user info, query or fragment
     */
    public Builder<R> endpoint(URI endpoint) {
      this.endpoint = Endpoints.normalize(endpoint);
      return this;
    }

    /**
     * The client to send requests with (identity's too), for your proxy, TLS or executor. Its own connect timeout
     * applies, and it must not follow redirects: it would send the token wherever the service points. Without
     * it, the catalog builds one client with {@link #connectTimeout}, HTTP/1.1 and no redirects.
     *
     * @throws IllegalArgumentException if the client follows redirects
     */
    public Builder<R> httpClient(HttpClient client) {
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
     * How long to wait for a connection (default 10 s); not used with an {@link #httpClient} of your own.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder<R> connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long one attempt waits for the response's headers, and then again for its body (default 30 s), so an
     * attempt may take twice this; identity calls too. A timeout is a network failure, retried as the policy
     * allows: with the default policy's 4 attempts a call may take 4 x 2 x this plus its waits, unless
     * {@link #apiCallTimeout} or the policy's {@code maxTotalTime} (which stops waits, not attempts) ends it.
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder<R> requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /**
     * The most one call ({@code list}, {@code find}, one page of a walk; blocking or async) may take in all: every
     * attempt, wait and token renewal (default none). Each attempt's timeouts are cut to what is left; when it is
     * spent the call fails with an {@link ImageCatalogCallTimeoutException} naming it, which is not retryable.
     * Waiting for a sign-in another caller is making is not cut short (its own requests are bounded by
     * {@link #requestTimeout} and its retries by the policy).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder<R> apiCallTimeout(Duration timeout) {
      this.apiCallTimeout = positive(timeout, "apiCallTimeout");
      return this;
    }

    /** When to retry (default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} never retries). */
    public Builder<R> retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * The page size of {@code stream(filter)} walks (default {@value PageRequest#MAX_LIMIT}).
     *
     * @throws IllegalArgumentException if not within 1..{@value PageRequest#MAX_LIMIT}
     */
    public Builder<R> pageSize(int pageSize) {
      PageRequest.first(pageSize);
      this.pageSize = pageSize;
      return this;
    }

    /** Whether {@code stream} walks request page N+1 while page N is read, one page ahead (default true). */
    public Builder<R> prefetch(boolean prefetch) {
      this.prefetch = prefetch;
      return this;
    }

    /**
     * Whether plain http may carry tokens and credentials to any host (default false: only to a literal loopback
     * address, {@code localhost} when every address it resolves to is loopback, and {@link #insecureHttpHosts}).
     */
    public Builder<R> allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * Hosts plain http may carry tokens and credentials to, besides loopback (default none): exactly these names
     * or address literals, compared ignoring case, whatever DNS says they are; prefer this to
     * {@link #allowInsecureHttp}, which allows every host. Replaces the hosts given before.
     *
     * @throws IllegalArgumentException if a host is blank or not a host name or address literal
     */
    public Builder<R> insecureHttpHosts(Set<String> hosts) {
      this.insecureHttpHosts = Endpoints.hostSet(hosts);
      return this;
    }

    /**
     * The largest response body read (default 16 MiB, about ten pages of 1000 detailed images); a larger one is
     * an {@link io.github.rackimages.core.ImageCatalogProtocolException}.
     *
     * @throws IllegalArgumentException if below 1024
     */
    public Builder<R> maxBodyBytes(long maxBodyBytes) {
      if (maxBodyBytes < 1024) {
        throw new IllegalArgumentException("maxBodyBytes must be >= 1024: " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** The read limits (default {@link ReadLimits#defaults()}); a body past one is a protocol error naming it. */
    public Builder<R> readLimits(ReadLimits readLimits) {
      this.readLimits = Objects.requireNonNull(readLimits, "readLimits");
      return this;
    }

    /** The clock for token freshness, the retry budget and {@code Retry-After} dates (default the system's). */
    public Builder<R> clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where the asynchronous methods read bodies and schedule retries (default: the executor of
     * {@link java.util.concurrent.CompletableFuture}'s async methods). Give one whose threads may block.
     */
    public Builder<R> executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Adds a listener told of every HTTP attempt (method, path and query, status or failure, request id, duration,
     * what the call does next); several may be added and are told in this order. One that throws never breaks
     * a call (see {@link HttpCatalogListener}).
     */
    public Builder<R> listener(HttpCatalogListener listener) {
      Objects.requireNonNull(listener, "listener");
      this.listeners = Stream.concat(listeners.stream(), Stream.of(listener)).toList();
      return this;
    }

    // How waits are made and where requests are logged: tests record both.
    Builder<R> sleeper(Sleeper s) { this.sleeper = Objects.requireNonNull(s, "sleeper"); return this; }
    Builder<R> logger(System.Logger l) { this.logger = Objects.requireNonNull(l, "logger"); return this; }

    /**
     * The configuration, or (from {@link HttpImageCatalog#builder()}) the catalog made from it, which makes no
     * request: the first call to the authenticator and the service happens on first use.
     *
     * @throws IllegalStateException if no way to authenticate was given, credentials and a token both were, or
     *     a region was given with a token
     * @throws IllegalArgumentException when building the catalog, if an endpoint or the identity URL is plain
     *     {@code http} to a host that is not loopback and {@link #allowInsecureHttp} is not set
     */
    public R build() {
      return finish.apply(new HttpCatalogConfig(this));
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + Durations.human(d));
      }
      return d;
    }
  }
}
