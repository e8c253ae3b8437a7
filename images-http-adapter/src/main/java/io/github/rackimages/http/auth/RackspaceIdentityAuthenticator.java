package io.github.rackimages.http.auth;

import io.github.rackimages.core.Durations;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.RetryPolicy;
import io.github.rackimages.http.internal.Endpoints;
import io.github.rackimages.http.internal.Sleeper;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Authenticates with Rackspace Identity v2.0 ({@code POST {identityUrl}/tokens}) using an API key or a password,
 * and chooses the {@code cloudServersOpenStack} endpoint of a region from the service catalog.
 *
 * <pre>{@code
 * Authenticator auth = RackspaceIdentityAuthenticator.builder()
 *     .apiKey("jdoe", System.getenv("RAX_API_KEY")).region("IAD").build();   // region: optional
 * }</pre>
 *
 * <p><b>Tokens are cached</b> (by a {@link SessionCache}) until {@code refreshSkew} (5 minutes by default) before
 * their {@code expires}, or half-way through a life shorter than twice the skew. When the cached token is stale,
 * exactly one caller authenticates, retrying failures that may pass as its {@link Builder#retryPolicy} says, while
 * the others wait and share its result (a failure reaches each as an exception of its own; failures are never
 * cached). {@link #renew} after a 401 authenticates again only if no other caller renewed the refused token.
 *
 * <p><b>Secrets.</b> Credentials are sent only to the identity URL, never over plain {@code http} to another
 * machine unless {@link Builder#allowInsecureHttp(boolean)} says so, and never through a redirect: the
 * {@link HttpClient} must not follow redirects. The API key, password and token never appear in an exception
 * message, a log line or {@link #toString()}. One DEBUG line per identity call goes to the
 * {@link System.Logger} named {@code io.github.rackimages.http.auth} (method, path, status, duration).
 *
 * <p>Thread-safe. Building one does no I/O; the first {@link #session()} authenticates. Over 300 lines because
 * its builder, one validated setter per setting, is nested here; the token cache is {@link SessionCache}.
 *
 * @since 1.0
 */
public final class RackspaceIdentityAuthenticator implements Authenticator {

  /** Rackspace's global identity endpoint. */
  public static final URI DEFAULT_IDENTITY_URL = URI.create("https://identity.api.rackspacecloud.com/v2.0");

  /** How long before {@code expires} a cached token is refreshed by default: 5 minutes. */
  public static final Duration DEFAULT_REFRESH_SKEW = Duration.ofMinutes(5);

  /** The largest identity body accepted by default: 1 MiB (a full Rackspace catalog is about 10 KiB). */
  public static final long DEFAULT_MAX_BODY_BYTES = 1L << 20;

  /** How long one identity call may take by default, body included: 30 seconds. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

  /** The connect timeout of the {@link HttpClient} made when none is given: 10 seconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private static final long MAX_BODY_LIMIT = Integer.MAX_VALUE - 8;

  private final URI identityUrl;
  private final Credentials credentials;
  private final String region;
  private final URI endpointOverride;
  private final Clock clock;
  private final Duration refreshSkew;
  private final IdentityClient identity;

  private final SessionCache sessions;

  private RackspaceIdentityAuthenticator(Builder b, HttpClient http) {
    this.identityUrl = b.identityUrl;
    this.credentials = b.credentials;
    this.region = b.region;
    this.endpointOverride = b.endpointOverride;
    this.clock = b.clock;
    this.refreshSkew = b.refreshSkew;
    this.identity = new IdentityClient(
        URI.create(identityUrl + "/tokens"), credentials, b.tenantId, region, endpointOverride,
        b.allowInsecureHttp, b.insecureHttpHosts, http, b.requestTimeout, b.maxBodyBytes, clock);
    this.sessions = new SessionCache(
        new RetryingSignIn(identity::authenticate, b.retryPolicy, clock, Sleeper.SYSTEM), clock, refreshSkew);
  }

  /** A builder; {@link Builder#apiKey} or {@link Builder#password} is required, the rest has defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The cached session while it is fresh; otherwise authenticates (one caller at a time, the others wait for
   * its result).
   *
   * @throws io.github.rackimages.core.ImageCatalogAuthenticationException if identity refuses the credentials
   * @throws io.github.rackimages.core.ImageCatalogProtocolException if its answer cannot be used (no token, no
   *     {@code cloudServersOpenStack} service, a token already expired, malformed JSON)
   * @throws ImageCatalogRegionException if the region (or the user's default) is not offered, or none was
   *     chosen among several: a configuration error, listing the regions offered
   * @throws ImageCatalogException for other identity errors (throttling, 5xx) and network failures
   */
  @Override
  public AuthSession session() {
    return sessions.session(null);
  }

  /** {@link #session()}, waiting at most {@code maxWait} for a sign-in under way (this caller's or another's). */
  @Override
  public AuthSession session(Duration maxWait) {
    return sessions.session(Objects.requireNonNull(maxWait, "maxWait"));
  }

  /**
   * Returns the cached session if its token differs from the refused one (another caller renewed it already)
   * and is fresh; otherwise authenticates again, one caller at a time.
   *
   * @throws NullPointerException if {@code refused} is null
   * @throws io.github.rackimages.core.ImageCatalogAuthenticationException if identity refuses the credentials
   * @throws ImageCatalogException for other identity errors and network failures
   */
  @Override
  public AuthSession renew(AuthSession refused) {
    Objects.requireNonNull(refused, "refused");
    return sessions.renew(refused, null);
  }

  /** {@link #renew(AuthSession)}, waiting at most {@code maxWait} for the sign-in. */
  @Override
  public AuthSession renew(AuthSession refused, Duration maxWait) {
    Objects.requireNonNull(refused, "refused");
    return sessions.renew(refused, Objects.requireNonNull(maxWait, "maxWait"));
  }

  /** The identity endpoint ({@code .../v2.0}, without {@code /tokens}). */
  public URI identityUrl() {
    return identityUrl;
  }

  /** The user name the credentials belong to. */
  public String username() {
    return credentials.username();
  }

  /** The region chosen by the builder; empty means the user's default region. */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  /** The compute endpoint used instead of the catalog's, when one was given. */
  public Optional<URI> endpointOverride() {
    return Optional.ofNullable(endpointOverride);
  }

  @Override
  public String toString() {
    return "RackspaceIdentityAuthenticator[identityUrl=" + identityUrl
        + ", credentials=" + credentials
        + ", region=" + (region == null ? "(user default)" : region)
        + (endpointOverride == null ? "" : ", endpointOverride=" + endpointOverride)
        + "]";
  }

  /**
   * Configures a {@link RackspaceIdentityAuthenticator}. Not thread-safe; each setter validates its argument at
   * once, {@link #build()} checks that they fit together.
   *
   * @since 1.0
   */
  public static final class Builder {

    private URI identityUrl = DEFAULT_IDENTITY_URL;
    private Credentials credentials;
    private boolean conflictingCredentials;
    private String region;
    private URI endpointOverride;
    private String tenantId;
    private HttpClient httpClient;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Clock clock = Clock.systemUTC();
    private Duration refreshSkew = DEFAULT_REFRESH_SKEW;
    private boolean allowInsecureHttp;
    private Set<String> insecureHttpHosts = Set.of();
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();

    private Builder() {}

    /**
     * The identity endpoint; the request goes to {@code {identityUrl}/tokens}. Default
     * {@link RackspaceIdentityAuthenticator#DEFAULT_IDENTITY_URL}, {@code https://identity.api.rackspacecloud.com/v2.0}.
     *
     * @throws NullPointerException if {@code identityUrl} is null
     * @throws IllegalArgumentException if it is not an absolute http(s) URL with a host, or has user info, a
     *     query or a fragment
     */
    public Builder identityUrl(URI identityUrl) {
      Objects.requireNonNull(identityUrl, "identityUrl");
      if (identityUrl.getRawUserInfo() != null) {
        // Checked first, and the URL not echoed: user info may hold a password.
        throw new IllegalArgumentException("identityUrl must not contain user info (user:password@)");
      }
      if (!Hosts.isHttpUrl(identityUrl)) {
        throw new IllegalArgumentException("identityUrl must be an absolute http(s) URL with a host: " + identityUrl);
      }
      if (identityUrl.getRawQuery() != null || identityUrl.getRawFragment() != null) {
        throw new IllegalArgumentException("identityUrl must not have a query or a fragment: " + identityUrl);
      }
      String text = identityUrl.toString();
      while (text.endsWith("/")) {
        text = text.substring(0, text.length() - 1);
      }
      this.identityUrl = URI.create(text);
      return this;
    }

    /**
     * Authenticate with a user name and an API key ({@code RAX-KSKEY:apiKeyCredentials}).
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if either is blank (the message never shows the key)
     */
    public Builder apiKey(String username, String apiKey) {
      return credentials(Credentials.apiKey(username, apiKey));
    }

    /**
     * Authenticate with a user name and a password ({@code passwordCredentials}); it fails once the account has
     * multi-factor authentication, so prefer {@link #apiKey}.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if either is blank (the message never shows the password)
     */
    public Builder password(String username, String password) {
      return credentials(Credentials.password(username, password));
    }

    /**
     * Authenticate with these credentials (an API key or a password). Giving credentials of the other kind as
     * well makes {@link #build()} fail: identity refuses both in one request.
     *
     * @throws NullPointerException if {@code credentials} is null
     */
    public Builder credentials(Credentials credentials) {
      Objects.requireNonNull(credentials, "credentials");
      if (this.credentials != null && this.credentials.kind() != credentials.kind()) {
        conflictingCredentials = true;
      }
      this.credentials = credentials;
      return this;
    }

    /**
     * The region whose {@code cloudServersOpenStack} endpoint to use ({@code DFW}, {@code ORD}, {@code IAD},
     * {@code LON}, {@code SYD}, {@code HKG}, ...; any case). Default: the user's {@code RAX-AUTH:defaultRegion}.
     *
     * @throws NullPointerException if {@code region} is null
     * @throws IllegalArgumentException if it is blank
     */
    public Builder region(String region) {
      Objects.requireNonNull(region, "region");
      if (region.isBlank()) {
        throw new IllegalArgumentException("region must not be blank: '" + region + "'");
      }
      this.region = region.strip();
      return this;
    }

    /**
     * Use this compute endpoint instead of the catalog's (a proxy, or a test service); the token still comes
     * from identity, and the catalog is then not consulted.
     *
     * @throws NullPointerException if {@code endpoint} is null
     * @throws IllegalArgumentException if it is not an absolute http(s) URL with a host
     */
    public Builder endpointOverride(URI endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      if (endpoint.getRawUserInfo() != null) {
        // Checked first, and the URL not echoed: user info may hold a password.
        throw new IllegalArgumentException("endpointOverride must not contain user info (user:password@)");
      }
      if (!Hosts.isHttpUrl(endpoint)) {
        throw new IllegalArgumentException("endpointOverride must be an absolute http(s) URL with a host: " + endpoint);
      }
      this.endpointOverride = endpoint;
      return this;
    }

    /**
     * Scope the token to this tenant ({@code tenantId} in the request). Optional: Rackspace scopes it to the
     * user's account anyway.
     *
     * @throws NullPointerException if {@code tenantId} is null
     * @throws IllegalArgumentException if it is blank
     */
    public Builder tenantId(String tenantId) {
      Objects.requireNonNull(tenantId, "tenantId");
      if (tenantId.isBlank()) {
        throw new IllegalArgumentException("tenantId must not be blank: '" + tenantId + "'");
      }
      this.tenantId = tenantId;
      return this;
    }

    /**
     * The client to call identity with (the adapter shares its own). It must not follow redirects, so that
     * credentials cannot be forwarded to another URL. Default: a new client with a
     * 10 second connect timeout ({@link RackspaceIdentityAuthenticator#DEFAULT_CONNECT_TIMEOUT}) that never
     * follows redirects.
     *
     * @throws NullPointerException if {@code httpClient} is null
     * @throws IllegalArgumentException if it follows redirects
     */
    public Builder httpClient(HttpClient httpClient) {
      Objects.requireNonNull(httpClient, "httpClient");
      if (httpClient.followRedirects() != HttpClient.Redirect.NEVER) {
        throw new IllegalArgumentException(
            "the HttpClient must not follow redirects (it follows " + httpClient.followRedirects()
                + "): a redirect would send the credentials to another URL");
      }
      this.httpClient = httpClient;
      return this;
    }

    /**
     * How long one identity call may take, from sending the request to the end of the body. Default 30 s.
     *
     * @throws NullPointerException if {@code timeout} is null
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder requestTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("requestTimeout must be positive: " + Durations.human(timeout));
      }
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * The clock that tells whether a token is fresh and how far a {@code Retry-After} date is (default: system, UTC).
     *
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long before {@code expires} to refresh a token. Default 5 minutes.
     *
     * @throws NullPointerException if {@code skew} is null
     * @throws IllegalArgumentException if it is negative
     */
    public Builder refreshSkew(Duration skew) {
      Objects.requireNonNull(skew, "skew");
      if (skew.isNegative()) {
        throw new IllegalArgumentException("refreshSkew must not be negative: " + Durations.human(skew));
      }
      this.refreshSkew = skew;
      return this;
    }

    /**
     * Whether plain {@code http://} may carry credentials and tokens to another machine (identity URL, catalog or
     * override endpoint). Default false: only loopback ({@code 127.0.0.0/8}, {@code ::1}, and {@code localhost}
     * when it resolves to loopback only) and the {@link #insecureHttpHosts} may use {@code http}. Turn it on only
     * for a trusted test network.
     */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * Hosts plain {@code http://} may carry credentials and tokens to besides loopback (default none): exactly
     * these names or address literals, ignoring case. Replaces the hosts given before.
     *
     * @throws IllegalArgumentException if a host is blank or not a host name or address literal
     */
    public Builder insecureHttpHosts(Set<String> hosts) {
      this.insecureHttpHosts = Endpoints.hostSet(hosts);
      return this;
    }

    /**
     * When to sign in again after an identity failure that may pass (503, 413/429 with a wait, 5xx, a timeout or
     * a network failure): attempts, backoff, {@code Retry-After} and total time, as for compute calls. Default
     * {@link RetryPolicy#defaults()}; {@link HttpImageCatalog} passes its own. The retries happen inside the
     * single flight: callers waiting for the sign-in share them. Refusals are never retried.
     *
     * @throws NullPointerException if {@code retryPolicy} is null
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * The largest identity response body accepted; a larger one is a protocol error. Default 1 MiB.
     *
     * @throws IllegalArgumentException if it is not positive or above 2 GiB
     */
    public Builder maxBodyBytes(long max) {
      if (max < 1 || max > MAX_BODY_LIMIT) {
        throw new IllegalArgumentException("maxBodyBytes must be within 1.." + MAX_BODY_LIMIT + ": " + max);
      }
      this.maxBodyBytes = max;
      return this;
    }

    /**
     * Builds the authenticator; no I/O happens until its first {@link RackspaceIdentityAuthenticator#session()}.
     *
     * @throws IllegalStateException if no credentials were given, or both an API key and a password
     * @throws IllegalArgumentException if the identity URL or the endpoint override is plain {@code http} to
     *     another machine and {@link #allowInsecureHttp(boolean)} is off
     */
    public RackspaceIdentityAuthenticator build() {
      if (credentials == null) {
        throw new IllegalStateException(
            "no credentials: call apiKey(username, apiKey) or password(username, password)");
      }
      if (conflictingCredentials) {
        throw new IllegalStateException(
            "both an API key and a password were given for user " + credentials.username()
                + "; identity refuses both in one request: give one");
      }
      if (Hosts.isRefusedCleartext(identityUrl, insecureHttpHosts) && !allowInsecureHttp) {
        throw new IllegalArgumentException(
            "identityUrl " + identityUrl + " is plain http to another machine: the credentials would cross the "
                + "network in clear text; use https (" + Endpoints.INSECURE_HINT + ")");
      }
      if (endpointOverride != null && Hosts.isRefusedCleartext(endpointOverride, insecureHttpHosts)
          && !allowInsecureHttp) {
        throw new IllegalArgumentException(
            "endpointOverride " + endpointOverride + " is plain http to another machine: the token would cross "
                + "the network in clear text; use https (" + Endpoints.INSECURE_HINT + ")");
      }
      HttpClient http = httpClient != null
          ? httpClient
          : HttpClient.newBuilder()
              .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      return new RackspaceIdentityAuthenticator(this, http);
    }
  }
}
