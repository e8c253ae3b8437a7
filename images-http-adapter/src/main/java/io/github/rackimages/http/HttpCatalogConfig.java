package io.github.rackimages.http;

import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.auth.Credentials;
import io.github.rackimages.http.auth.RackspaceIdentityAuthenticator;
import io.github.rackimages.http.internal.Endpoints;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to build an {@link HttpImageCatalog}, as one typed, immutable value: how to authenticate
 * (Rackspace Identity credentials with a region, or a token with its endpoint), timeouts, retries, the default
 * page size and whether plain http is allowed. It is what {@code HttpImageCatalogModule} takes, and what an
 * application can read from its own configuration file; {@link HttpImageCatalog.Builder#config} applies it
 * without Guice. {@link #toString()} never shows the API key, password or token.
 *
 * <pre>{@code
 * HttpCatalogConfig config = HttpCatalogConfig.builder()
 *     .credentials(Credentials.apiKey("jdoe", System.getenv("RAX_API_KEY")))
 *     .region("DFW")
 *     .retryPolicy(RetryPolicy.defaults())
 *     .build();
 * }</pre>
 *
 * @since 1.0
 */
public final class HttpCatalogConfig {

  private final URI identityUrl;
  private final Credentials credentials;
  private final String region;
  private final String token;
  private final URI endpoint;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final RetryPolicy retryPolicy;
  private final int pageSize;
  private final boolean allowInsecureHttp;
  private final long maxBodyBytes;

  private HttpCatalogConfig(Builder b) {
    if ((b.credentials == null) == (b.token == null)) {
      throw new IllegalStateException(
          b.credentials == null
              ? "no authentication: give credentials(...) or token(...)"
              : "give credentials(...) or token(...), not both");
    }
    if (b.token != null && b.region != null) {
      throw new IllegalStateException("a region chooses an endpoint from the identity catalog; with a token, give"
          + " the endpoint instead");
    }
    this.identityUrl = b.identityUrl;
    this.credentials = b.credentials;
    this.region = b.region;
    this.token = b.token;
    this.endpoint = b.endpoint;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.retryPolicy = b.retryPolicy;
    this.pageSize = b.pageSize;
    this.allowInsecureHttp = b.allowInsecureHttp;
    this.maxBodyBytes = b.maxBodyBytes;
  }

  /** A builder: {@link Builder#credentials} or {@link Builder#token} is required, everything else has defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The identity endpoint ({@link RackspaceIdentityAuthenticator#DEFAULT_IDENTITY_URL} unless set). */
  public URI identityUrl() {
    return identityUrl;
  }

  /** The Rackspace Identity credentials; empty when a token is configured. */
  public Optional<Credentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** The region whose endpoint identity chooses; empty for the user's default region (or with a token). */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  /** Whether a fixed token is configured (the token itself is not readable here). */
  public boolean hasToken() {
    return token != null;
  }

  /** The token, for the catalog's builder only. */
  String token() {
    return token;
  }

  /**
   * The compute endpoint: the one the token is for, or, with credentials, an override of the catalog's choice;
   * empty when identity chooses.
   */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /** How long to wait for a connection (10 s unless set). */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** How long to wait for each response's headers, and again for its body (30 s unless set). */
  public Duration requestTimeout() {
    return requestTimeout;
  }

  /** When to retry ({@link RetryPolicy#defaults()} unless set). */
  public RetryPolicy retryPolicy() {
    return retryPolicy;
  }

  /** The page size of {@code stream(filter)} walks. */
  public int pageSize() {
    return pageSize;
  }

  /** Whether tokens and credentials may travel over plain http to a host that is not loopback (false unless set). */
  public boolean allowInsecureHttp() {
    return allowInsecureHttp;
  }

  /** The largest response body read (16 MiB unless set). */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /** Every setting, with the API key, password and token shown as {@code ****}. */
  @Override
  public String toString() {
    return "HttpCatalogConfig["
        + (credentials != null
            ? "identityUrl=" + identityUrl + ", credentials=" + credentials + (region == null ? "" : ", region=" + region)
            : "token=****")
        + (endpoint == null ? "" : ", endpoint=" + endpoint)
        + ", connectTimeout="
        + connectTimeout
        + ", requestTimeout="
        + requestTimeout
        + ", "
        + retryPolicy
        + ", pageSize="
        + pageSize
        + ", allowInsecureHttp="
        + allowInsecureHttp
        + ", maxBodyBytes="
        + maxBodyBytes
        + "]";
  }

  /**
   * Builds an {@link HttpCatalogConfig}; not thread-safe. Each setter validates its argument at once.
   *
   * @since 1.0
   */
  public static final class Builder {
    private URI identityUrl = RackspaceIdentityAuthenticator.DEFAULT_IDENTITY_URL;
    private Credentials credentials;
    private String region;
    private String token;
    private URI endpoint;
    private Duration connectTimeout = HttpImageCatalog.DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = HttpImageCatalog.DEFAULT_REQUEST_TIMEOUT;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private int pageSize = PageRequest.MAX_LIMIT;
    private boolean allowInsecureHttp;
    private long maxBodyBytes = HttpImageCatalog.DEFAULT_MAX_BODY_BYTES;

    private Builder() {}

    /**
     * The identity endpoint (default {@code https://identity.api.rackspacecloud.com/v2.0}).
     *
     * @throws IllegalArgumentException if it is not an absolute http(s) URL without user info, query or fragment
     */
    public Builder identityUrl(URI identityUrl) {
      this.identityUrl = Endpoints.normalize(identityUrl);
      return this;
    }

    /** Authenticate with Rackspace Identity (an API key or a password). */
    public Builder credentials(Credentials credentials) {
      this.credentials = Objects.requireNonNull(credentials, "credentials");
      return this;
    }

    /**
     * The region whose {@code cloudServersOpenStack} endpoint to use ({@code DFW}, {@code IAD}, ...); default the
     * user's own default region.
     *
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
     * Use a token you already have, with the compute endpoint it is for.
     *
     * @throws IllegalArgumentException if the token is blank or not printable ASCII (never echoed), or the
     *     endpoint is not an absolute http(s) URL
     */
    public Builder token(String token, URI endpoint) {
      Objects.requireNonNull(token, "token");
      if (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
        throw new IllegalArgumentException("token must be printable ASCII without spaces");
      }
      this.token = token;
      this.endpoint = Endpoints.normalize(endpoint);
      return this;
    }

    /**
     * With credentials: the compute endpoint to use instead of the one identity's catalog names.
     *
     * @throws IllegalArgumentException if it is not an absolute http(s) URL without user info, query or fragment
     */
    public Builder endpoint(URI endpoint) {
      this.endpoint = Endpoints.normalize(endpoint);
      return this;
    }

    /**
     * How long to wait for a connection (default 10 s).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * How long to wait for each response's headers, and again for its body (default 30 s).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive(timeout, "requestTimeout");
      return this;
    }

    /** When to retry (default {@link RetryPolicy#defaults()}). */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * The page size of {@code stream(filter)} walks (default {@value PageRequest#MAX_LIMIT}).
     *
     * @throws IllegalArgumentException if not within 1..{@value PageRequest#MAX_LIMIT}
     */
    public Builder pageSize(int pageSize) {
      PageRequest.first(pageSize);
      this.pageSize = pageSize;
      return this;
    }

    /** Whether plain http may carry tokens and credentials to a host that is not loopback (default false). */
    public Builder allowInsecureHttp(boolean allow) {
      this.allowInsecureHttp = allow;
      return this;
    }

    /**
     * The largest response body read (default 16 MiB).
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
     * The config.
     *
     * @throws IllegalStateException if neither or both of credentials and token were given, or a region was
     *     given with a token
     */
    public HttpCatalogConfig build() {
      return new HttpCatalogConfig(this);
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
