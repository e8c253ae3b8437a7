package io.github.rackimages.emulator;

import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.fake.InMemoryImageCatalog;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A local HTTP server that answers as Rackspace Cloud Servers does: the identity service ({@code POST
 * /v2.0/tokens}) and the images API ({@code GET /v2/{tenant}/images}, {@code /images/detail},
 * {@code /images/{id}}), over any {@link ImageCatalog} (by default an in-memory catalog of a realistic sample
 * account). Clients, this library's HTTP adapter included, point at it instead of the real service.
 *
 * <pre>{@code
 * try (ImageEmulator emulator = ImageEmulator.builder().catalog(myCatalog).start()) {
 *   URI identity = emulator.identityUrl();     // http://127.0.0.1:<port>/v2.0, user demo / demo-api-key
 *   URI compute = emulator.computeEndpoint();  // http://127.0.0.1:<port>/v2/123456
 *   String token = emulator.issueToken();      // or authenticate through the identity URL
 *   emulator.throttleEvery(5);                 // every 5th images request now gets 413 overLimit
 *   ...
 * }
 * }</pre>
 *
 * <p>What it answers and logs is described in the {@linkplain io.github.rackimages.emulator package documentation}.
 *
 * <p><b>Fault switches</b> can be set on the builder and changed at any time on the running emulator, from any
 * thread: {@link #throttleEvery(int)}, {@link #unavailableEvery(int)}, {@link #latency(Duration)},
 * {@link #retryAfter(Duration)}, {@link #nonAuthoritative(boolean)} and {@link #retryAfterAsHttpDate(boolean)};
 * faults of the catalog itself (such as {@link InMemoryImageCatalog#failNext}) pass through as described above.
 *
 * <p><b>Server.</b> Jetty 12: {@link Builder#threads(int)} threads (16 by default) answer requests, while clients
 * that never finish theirs hold no thread; a connection silent for 30 s, or whose request head takes over 10 s, is
 * closed. All methods of a running emulator are thread-safe. {@link #stop()} lets requests in progress finish for
 * up to a second, then closes every connection and ends every thread.
 *
 * <p>Over 300 lines as the whole public API, nested {@link Builder} included, with its Javadoc; the work is done by
 * {@code EmulatorSettings}, {@code EmulatorServer}, {@code EmulatorParts}, {@code FaultSwitches} and others. The
 * Javadoc is kept compact (no blank line before block tags) to stay within the house limit of 450 lines.
 *
 * @since 1.0
 */
public final class ImageEmulator implements AutoCloseable {

  /** The logger requests are logged on. */
  public static final String LOGGER_NAME = "io.github.rackimages.emulator";

  /** The tenant (account number) served unless {@link Builder#tenantId(String)} says otherwise. */
  public static final String DEFAULT_TENANT_ID = "123456";

  /** The user name of the default user. */
  public static final String DEFAULT_USERNAME = "demo";

  /** The API key of the default user; a fixed, public value for local use only. */
  public static final String DEFAULT_API_KEY = "demo-api-key";

  /** The password of the default user; a fixed, public value for local use only. */
  public static final String DEFAULT_PASSWORD = "demo-password";

  /** The default region of users added without one. */
  public static final String DEFAULT_REGION = "DFW";

  /** The regions whose {@code cloudServersOpenStack} endpoints the service catalog lists. */
  public static final List<String> REGIONS = Identity.REGIONS;

  /** How long a token is valid unless {@link Builder#tokenLifetime(Duration)} says otherwise: 24 hours. */
  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(24);

  /** The wait a throttled or unavailable answer asks for, unless set otherwise: one second. */
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);

  /** The number of threads serving requests, unless set otherwise. */
  public static final int DEFAULT_THREADS = 16;

  private final EmulatorServer server;
  private final EmulatorParts parts;
  private final AtomicBoolean running = new AtomicBoolean(true);

  private ImageEmulator(EmulatorSettings settings) {
    this.server = EmulatorServer.listen(settings.host, settings.port);
    try {
      this.parts = new EmulatorParts(settings, Urls.of(settings.host, server.port(), settings.tenantId));
      server.start(parts, settings);
    } catch (RuntimeException | Error e) {
      server.stop(() -> 0); // The socket is bound already: release it rather than leave it to the GC.
      throw e;
    }
  }

  /** A builder with every default: the sample catalog, loopback, a free port, tenant 123456, user demo. */
  public static Builder builder() {
    return new Builder();
  }

  /** The base URL, {@code http://127.0.0.1:<port>}. */
  public URI uri() {
    return URI.create(parts.urls().base());
  }

  /** The identity service's URL, {@code http://127.0.0.1:<port>/v2.0}, to which a client posts {@code /tokens}. */
  public URI identityUrl() {
    return URI.create(parts.urls().identity());
  }

  /** The compute endpoint, {@code http://127.0.0.1:<port>/v2/<tenant>}, as the service catalog lists it. */
  public URI computeEndpoint() {
    return URI.create(parts.urls().compute());
  }

  /** The port the emulator listens on (the one chosen by the system when the builder asked for 0). */
  public int port() {
    return server.port();
  }

  /** The tenant served. */
  public String tenantId() {
    return parts.tenantId();
  }

  /** The catalog served; tests may change it (an {@link InMemoryImageCatalog}'s mutations show at once). */
  public ImageCatalog catalog() {
    return parts.catalog();
  }

  /** How many requests the emulator received since it started or {@link #resetRequestCounts()}, of any kind. */
  public long requestCount() {
    return parts.counts().all();
  }

  /** How many compute ({@code /v2/}) requests the emulator received, whatever their answer: what a client's cost. */
  public long imagesRequestCount() {
    return parts.counts().images();
  }

  /** How many requests under {@code /v2.0} (the identity service) the emulator received. */
  public long identityRequestCount() {
    return parts.counts().identity();
  }

  /** Sets every request count back to zero. */
  public void resetRequestCounts() {
    parts.counts().reset();
  }

  /** A token for the first user, valid for the token lifetime from now, without an identity request (a secret). */
  public String issueToken() {
    return parts.issueToken();
  }

  /** Revokes every token issued so far: the next request with one of them gets 401, as after a revocation. */
  public void revokeTokens() {
    parts.tokens().revokeAll();
  }

  /**
   * From now on, answers every {@code n}th compute request (counted after the token check, from this call on) with 413
   * {@code overLimit}, a {@code Retry-After} of {@link #retryAfter()} and the instant to retry at; 0 turns it off.
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public ImageEmulator throttleEvery(int n) {
    parts.switches().throttleEvery(n);
    return this;
  }

  /** Every how many compute requests one is throttled; 0 when throttling is off. */
  public int throttleEvery() {
    return parts.switches().throttleEvery();
  }

  /**
   * From now on, answers every {@code n}th compute request (counted after the token check, from this call on) with 503
   * {@code serviceUnavailable} and a {@code Retry-After} of {@link #retryAfter()}; 0 turns it off; throttling wins.
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public ImageEmulator unavailableEvery(int n) {
    parts.switches().unavailableEvery(n);
    return this;
  }

  /** Every how many compute requests one is answered 503; 0 when off. */
  public int unavailableEvery() {
    return parts.switches().unavailableEvery();
  }

  /**
   * From now on, waits this long before answering any request (identity included), as a distant service would.
   * @throws NullPointerException if {@code latency} is null
   * @throws IllegalArgumentException if {@code latency} is negative
   */
  public ImageEmulator latency(Duration latency) {
    parts.switches().latency(latency);
    return this;
  }

  /** The current simulated latency. */
  public Duration latency() {
    return parts.switches().latency();
  }

  /**
   * The wait that throttled and unavailable answers ask for (rounded up to whole seconds on the wire).
   * @throws NullPointerException if {@code retryAfter} is null
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   */
  public ImageEmulator retryAfter(Duration retryAfter) {
    parts.switches().retryAfter(retryAfter);
    return this;
  }

  /** The wait throttled and unavailable answers ask for. */
  public Duration retryAfter() {
    return parts.switches().retryAfter();
  }

  /** From now on, answers successful compute requests 203 (same body), as a caching proxy would; returns this. */
  public ImageEmulator nonAuthoritative(boolean on) {
    parts.switches().nonAuthoritative(on);
    return this;
  }

  /** Whether successful compute answers are 203. */
  public boolean nonAuthoritative() {
    return parts.switches().nonAuthoritative();
  }

  /** From now on, writes {@code Retry-After} as Repose's HTTP date (clock + wait), not seconds; returns this. */
  public ImageEmulator retryAfterAsHttpDate(boolean on) {
    parts.switches().retryAfterAsHttpDate(on);
    return this;
  }

  /** Whether {@code Retry-After} is written as an HTTP date. */
  public boolean retryAfterAsHttpDate() {
    return parts.switches().retryAfterAsHttpDate();
  }

  /** Whether the emulator still listens ({@link #stop()} not yet called). */
  public boolean isRunning() {
    return running.get();
  }

  /**
   * Stops listening: requests in progress get up to a second to finish, then every connection is closed and every
   * thread ends. Calling it again does nothing. The catalog is not closed (it belongs to the caller).
   */
  public void stop() {
    if (!running.compareAndSet(true, false)) {
      return;
    }
    server.stop(parts.counts()::inFlight);
    parts.close();
  }

  /** The same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** One line saying where the emulator listens (or listened), for logs and the command line. */
  @Override
  public String toString() {
    return "ImageEmulator[" + (isRunning() ? "listening on " : "stopped, was on ") + parts.where() + "]";
  }

  /**
   * Builds and starts an {@link ImageEmulator}; not thread-safe. Every setter validates its argument at once.
   * Defaults: the sample catalog ({@code SampleCatalogs.rackspace()} in an {@link InMemoryImageCatalog}), 127.0.0.1,
   * a free port, tenant 123456, one user demo (API key demo-api-key, password demo-password, region DFW; see the
   * constants), tokens valid 24 hours, the UTC clock, no faults, no latency, a retry-after of 1 s, pages of at most
   * 1000, 16 threads.
   *
   * @since 1.0
   */
  public static final class Builder {
    private final EmulatorSettings settings = new EmulatorSettings();

    private Builder() {}

    /**
     * The catalog to serve (any adapter: the fake, a database, even an HTTP catalog of another service).
     * @throws NullPointerException if {@code catalog} is null
     */
    public Builder catalog(ImageCatalog catalog) {
      settings.catalog(catalog);
      return this;
    }

    /**
     * The address to listen on; loopback by default. A wildcard address ({@code 0.0.0.0}) listens on every
     * interface, and the URLs the emulator hands out then name 127.0.0.1.
     * @throws NullPointerException if {@code host} is null
     */
    public Builder host(InetAddress host) {
      settings.host(host);
      return this;
    }

    /**
     * The port to listen on; 0 (the default) lets the system choose a free one, which {@link ImageEmulator#port()}
     * then reports.
     * @throws IllegalArgumentException if {@code port} is not within 0..65535
     */
    public Builder port(int port) {
      settings.port(port);
      return this;
    }

    /**
     * The tenant (account number) served and scoped into every token.
     * @throws NullPointerException if {@code tenantId} is null
     * @throws IllegalArgumentException unless it is made of {@code A-Z a-z 0-9 . _ ~ -} only
     */
    public Builder tenantId(String tenantId) {
      settings.tenantId(tenantId);
      return this;
    }

    /**
     * Adds a user with default region {@value ImageEmulator#DEFAULT_REGION} (see the next method).
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an argument is blank or a user of that name was already added
     */
    public Builder user(String username, String apiKey, String password) {
      return user(username, apiKey, password, DEFAULT_REGION);
    }

    /**
     * Adds a user with this default region ({@code RAX-AUTH:defaultRegion} in the token response). Any region
     * may be named, even one the service catalog lacks, to test how a client copes. The first user added replaces
     * the default user; {@link ImageEmulator#issueToken()} issues tokens to the first user.
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an argument is blank or a user of that name was already added
     */
    public Builder user(String username, String apiKey, String password, String defaultRegion) {
      settings.user(username, apiKey, password, defaultRegion);
      return this;
    }

    /**
     * How long a token is valid after it is issued; 24 hours by default.
     * @throws NullPointerException if {@code lifetime} is null
     * @throws IllegalArgumentException if {@code lifetime} is zero or negative
     */
    public Builder tokenLifetime(Duration lifetime) {
      settings.tokenLifetime(lifetime);
      return this;
    }

    /**
     * The clock that times tokens and the instants of throttled answers (and the default catalog's deletions); a
     * mutable clock lets a test expire tokens without waiting.
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      settings.clock(clock);
      return this;
    }

    /**
     * Throttles every {@code n}th compute request from the start (see {@link ImageEmulator#throttleEvery(int)}).
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Builder throttleEvery(int n) {
      settings.throttleEvery(n);
      return this;
    }

    /**
     * Makes every {@code n}th compute request unavailable from the start (see
     * {@link ImageEmulator#unavailableEvery(int)}).
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Builder unavailableEvery(int n) {
      settings.unavailableEvery(n);
      return this;
    }

    /**
     * Delays every answer by this much from the start (see {@link ImageEmulator#latency(Duration)}).
     * @throws NullPointerException if {@code latency} is null
     * @throws IllegalArgumentException if {@code latency} is negative
     */
    public Builder latency(Duration latency) {
      settings.latency(latency);
      return this;
    }

    /**
     * The wait throttled and unavailable answers ask for; one second by default.
     * @throws NullPointerException if {@code retryAfter} is null
     * @throws IllegalArgumentException if {@code retryAfter} is negative
     */
    public Builder retryAfter(Duration retryAfter) {
      settings.retryAfter(retryAfter);
      return this;
    }

    /**
     * The largest page ({@code osapi_max_limit}): the page size when {@code limit} is absent or 0, and the cap of
     * a larger one. 1000 by default, as on Rackspace.
     * @throws IllegalArgumentException if {@code maxLimit} is not within 1..1000 (the port's largest page)
     */
    public Builder maxLimit(int maxLimit) {
      settings.maxLimit(maxLimit);
      return this;
    }

    /** Answers successful compute requests 203 from the start (see {@link ImageEmulator#nonAuthoritative(boolean)}). */
    public Builder nonAuthoritative(boolean on) {
      settings.nonAuthoritative = on;
      return this;
    }

    /** Writes {@code Retry-After} as an HTTP date from the start (see {@link ImageEmulator#retryAfterAsHttpDate}). */
    public Builder retryAfterAsHttpDate(boolean on) {
      settings.retryAfterAsHttpDate = on;
      return this;
    }

    /**
     * How many threads answer requests at most (Jetty's pool gets two more, to accept and watch connections);
     * {@value ImageEmulator#DEFAULT_THREADS} by default.
     * @throws IllegalArgumentException if {@code threads} is not within 1..256
     */
    public Builder threads(int threads) {
      settings.threads(threads);
      return this;
    }

    /** For tests: how long a connection may stay silent, and a request head take to arrive (30 s and 10 s). */
    Builder timeouts(Duration idle, Duration header) {
      settings.timeouts(idle, header);
      return this;
    }

    /**
     * Starts an emulator with this configuration; the builder can start more.
     * @return the running emulator; stop it with {@link ImageEmulator#stop()} or try-with-resources
     * @throws UncheckedIOException if the address cannot be listened on (the port is taken, the host is not local)
     */
    public ImageEmulator start() {
      return new ImageEmulator(settings);
    }
  }
}
