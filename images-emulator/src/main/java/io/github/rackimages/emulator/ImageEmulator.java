package io.github.rackimages.emulator;

import com.sun.net.httpserver.HttpServer;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import io.github.rackimages.nova.json.NovaJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

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
 * <p><b>What it answers.</b>
 *
 * <ul>
 *   <li>{@code POST /v2.0/tokens} with {@code RAX-KSKEY:apiKeyCredentials} or {@code passwordCredentials}: a random
 *       token valid for the token lifetime, and a service catalog whose {@code cloudServersOpenStack} endpoints
 *       (DFW, ORD, IAD, LON, SYD, HKG) all point at {@link #computeEndpoint()}; it also lists a legacy
 *       {@code cloudServers} v1.0 compute service (first) and a {@code cloudFiles} service, so that a client must
 *       choose by name. Both credential kinds at once, or a malformed body: 400; wrong credentials: 401.
 *   <li>Under {@code /v2/}: a request without a valid, unexpired {@code X-Auth-Token}, or for another tenant, gets
 *       401 {@code unauthorized} with {@code WWW-Authenticate: Keystone uri=<identity URL>}. Then the fault
 *       switches apply. Then {@code GET images}, {@code images/detail} and {@code images/{id}} (each also with a
 *       {@code .json} suffix) are served from the catalog; an unknown path gets 404 {@code itemNotFound}, another
 *       method 405 {@code badMethod}.
 *   <li>Queries are read as Nova reads them: form-decoded ({@code +} is a space, {@code %2B} a plus), the last of
 *       repeated parameters wins, unknown ones are ignored (but kept in the {@code next} link). Filters
 *       {@code name}, {@code status}, {@code type} (both in any case), {@code server}, {@code changes-since},
 *       {@code minDisk}, {@code minRam}; paging {@code limit} and {@code marker}. Invalid values get Nova's 400
 *       messages ({@code limit param must be an integer}, {@code limit param must be positive},
 *       {@code Invalid changes-since value}, ...).
 *   <li>Pages: {@code limit} absent or 0 means the largest page ({@link Builder#maxLimit(int)}, 1000 by default),
 *       a larger limit is capped to it, and {@code images_links} has a {@code next} link exactly when the page is
 *       full (Nova's Juno+ rule), so that a walk without {@code limit} still pages. The link is absolute, points at
 *       the same collection ({@code /images/detail} for the detail list) and carries every original parameter plus
 *       {@code marker} (the last id), sorted by name and percent-encoded.
 *   <li>A failure of the catalog becomes the fault the service would send: {@code ImageCatalogBadRequestException}
 *       400, throttling 413 (or 429) with {@code Retry-After}, unavailable 503, and so on; an unexpected exception
 *       500 {@code computeFault} with Nova's generic message, never a stack trace.
 *   <li>Every answer has {@code Content-Type: application/json} ({@code application/json; charset=UTF-8} for
 *       faults), {@code Content-Length} and {@code X-Compute-Request-Id: req-<uuid>}.
 * </ul>
 *
 * <p><b>Fault switches</b> can be set on the builder and changed at any time on the running emulator, from any
 * thread: {@link #throttleEvery(int)}, {@link #unavailableEvery(int)}, {@link #latency(Duration)} and
 * {@link #retryAfter(Duration)}. Faults of the catalog itself (such as those injected with
 * {@link InMemoryImageCatalog#failNext}) pass through as described above.
 *
 * <p><b>Threads.</b> Requests are served by a bounded pool ({@link Builder#threads(int)}, 16 by default; when all
 * are busy and the queue of 1024 is full, the accepting thread serves the request itself, slowing new
 * connections down). All methods of a running emulator are thread-safe. {@link #stop()} lets requests in progress
 * finish for up to a second, then closes every connection and ends every thread.
 *
 * <p>Requests are logged at {@code DEBUG} (method, path and query, status, request id; never a header, so never a
 * token) on the {@link System.Logger} {@value #LOGGER_NAME}; unexpected failures at {@code WARNING}.
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

  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._~-]+");
  private static final int QUEUE = 1024;
  private static final int BACKLOG = 128;
  private static final Duration STOP_GRACE = Duration.ofSeconds(1);
  private static final AtomicInteger INSTANCES = new AtomicInteger();
  private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

  static {
    // The JDK server writes an answer's headers and body as two TCP segments; with Nagle's algorithm on, the body
    // waits for the client's delayed ACK, and every answer on a kept-alive connection takes about 40 ms. The JDK
    // reads this property once, when its first server starts; an explicit setting by the application is kept.
    try {
      if (System.getProperty(NODELAY_PROPERTY) == null) {
        System.setProperty(NODELAY_PROPERTY, "true");
      }
    } catch (SecurityException e) {
      // Only slower without it.
    }
  }

  private final HttpServer server;
  private final ThreadPoolExecutor executor;
  private final NovaJson json;
  private final ImageCatalog catalog;
  private final EmulatorHandler handler;
  private final FaultSwitches switches;
  private final TokenStore tokens;
  private final Urls urls;
  private final String tenantId;
  private final Clock clock;
  private final Duration tokenLifetime;
  private final String tokenUser;
  private final int port;
  private final AtomicBoolean running = new AtomicBoolean(true);

  private ImageEmulator(Builder b) {
    this.tenantId = b.tenantId;
    this.clock = b.clock;
    this.tokenLifetime = b.tokenLifetime;
    this.catalog =
        b.catalog != null
            ? b.catalog
            : InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).clock(b.clock).build();
    this.switches = new FaultSwitches(b.throttleEvery, b.unavailableEvery, b.latency, b.retryAfter);
    this.tokens = new TokenStore();
    List<EmulatorUser> users = b.users();
    this.tokenUser = users.get(0).username();

    InetAddress host = b.host;
    try {
      this.server = HttpServer.create(new InetSocketAddress(host, b.port), BACKLOG);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not listen on " + host.getHostAddress() + ":" + b.port + ": " + e.getMessage(), e);
    }
    try {
      this.port = server.getAddress().getPort();
      this.urls = Urls.of("http://" + advertised(host) + ":" + port, tenantId);
      this.json = new NovaJson();
      NovaFaults faults = new NovaFaults(json, urls.identity());
      Identity identity = new Identity(json, faults, tokens, users, tenantId, urls, clock, () -> tokenLifetime);
      this.handler =
          new EmulatorHandler(catalog, json, faults, identity, tokens, urls, b.maxLimit, clock, switches);

      int instance = INSTANCES.incrementAndGet();
      ThreadFactory threads = new NamedDaemonThreads("images-emulator-" + instance + "-");
      this.executor =
          new ThreadPoolExecutor(
              b.threads,
              b.threads,
              30,
              TimeUnit.SECONDS,
              new ArrayBlockingQueue<>(QUEUE),
              threads,
              new ThreadPoolExecutor.CallerRunsPolicy());
      executor.allowCoreThreadTimeOut(true);
      server.setExecutor(executor);
      server.createContext("/", handler);
      server.start();
    } catch (RuntimeException | Error e) {
      // The socket is bound already: release it rather than leave it to the garbage collector.
      server.stop(0);
      throw e;
    }
  }

  /** A builder with every default: the sample catalog, loopback, a free port, tenant 123456, user demo. */
  public static Builder builder() {
    return new Builder();
  }

  /** The base URL, {@code http://127.0.0.1:<port>}. */
  public URI uri() {
    return URI.create(urls.base());
  }

  /** The identity service's URL, {@code http://127.0.0.1:<port>/v2.0}, to which a client posts {@code /tokens}. */
  public URI identityUrl() {
    return URI.create(urls.identity());
  }

  /** The compute endpoint, {@code http://127.0.0.1:<port>/v2/<tenant>}, as the service catalog lists it. */
  public URI computeEndpoint() {
    return URI.create(urls.compute());
  }

  /** The port the emulator listens on (the one chosen by the system when the builder asked for 0). */
  public int port() {
    return port;
  }

  /** The tenant served. */
  public String tenantId() {
    return tenantId;
  }

  /** The catalog served; tests may change it (an {@link InMemoryImageCatalog}'s mutations show at once). */
  public ImageCatalog catalog() {
    return catalog;
  }

  /** How many requests the emulator received since it started or {@link #resetRequestCounts()}, of any kind. */
  public long requestCount() {
    return handler.requests();
  }

  /**
   * How many requests under {@code /v2/} (the compute API) the emulator received, whatever their answer
   * (401, throttled, 404 and 400 included): what a client's calls to the images API cost.
   */
  public long imagesRequestCount() {
    return handler.imagesRequests();
  }

  /** How many requests under {@code /v2.0} (the identity service) the emulator received. */
  public long identityRequestCount() {
    return handler.identityRequests();
  }

  /** Sets every request count back to zero. */
  public void resetRequestCounts() {
    handler.resetCounts();
  }

  /**
   * Issues a token for the tenant, as a successful authentication would (for the first user, valid for the token
   * lifetime from the clock's current instant), without an identity request. Treat it as a credential.
   *
   * @return the token id, to send as {@code X-Auth-Token}
   */
  public String issueToken() {
    return tokens.issue(tenantId, tokenUser, clock.instant(), tokenLifetime).id();
  }

  /** Revokes every token issued so far: the next request with one of them gets 401, as after a revocation. */
  public void revokeTokens() {
    tokens.revokeAll();
  }

  /**
   * From now on, answers every {@code n}th compute request (counted after the token check, from this call on) with
   * 413 {@code overLimit}, a {@code Retry-After} of {@link #retryAfter()} in seconds and a body with the instant to
   * retry at. 0 turns throttling off.
   *
   * @return this emulator
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public ImageEmulator throttleEvery(int n) {
    switches.throttleEvery(n);
    return this;
  }

  /** Every how many compute requests one is throttled; 0 when throttling is off. */
  public int throttleEvery() {
    return switches.throttleEvery();
  }

  /**
   * From now on, answers every {@code n}th compute request (counted after the token check, from this call on) with
   * 503 {@code serviceUnavailable} and a {@code Retry-After} of {@link #retryAfter()}. 0 turns it off. When a
   * request is due for both, throttling wins.
   *
   * @return this emulator
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public ImageEmulator unavailableEvery(int n) {
    switches.unavailableEvery(n);
    return this;
  }

  /** Every how many compute requests one is answered 503; 0 when off. */
  public int unavailableEvery() {
    return switches.unavailableEvery();
  }

  /**
   * From now on, waits this long before answering any request (identity included), to simulate a distant service.
   *
   * @return this emulator
   * @throws NullPointerException if {@code latency} is null
   * @throws IllegalArgumentException if {@code latency} is negative
   */
  public ImageEmulator latency(Duration latency) {
    switches.latency(latency);
    return this;
  }

  /** The current simulated latency. */
  public Duration latency() {
    return switches.latency();
  }

  /**
   * The wait that throttled and unavailable answers ask for (rounded up to whole seconds on the wire).
   *
   * @return this emulator
   * @throws NullPointerException if {@code retryAfter} is null
   * @throws IllegalArgumentException if {@code retryAfter} is negative
   */
  public ImageEmulator retryAfter(Duration retryAfter) {
    switches.retryAfter(retryAfter);
    return this;
  }

  /** The wait throttled and unavailable answers ask for. */
  public Duration retryAfter() {
    return switches.retryAfter();
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
    long deadline = System.nanoTime() + STOP_GRACE.toNanos();
    boolean interrupted = false;
    while (handler.inFlight() > 0 && System.nanoTime() < deadline && !interrupted) {
      try {
        TimeUnit.MILLISECONDS.sleep(5);
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    server.stop(0);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        // A request stuck in the latency pause or in a slow catalog: interrupt it.
        executor.shutdownNow();
        executor.awaitTermination(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      interrupted = true;
    }
    json.close();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The same as {@link #stop()}. */
  @Override
  public void close() {
    stop();
  }

  /** One line saying where the emulator listens (or listened), for logs and the command line. */
  @Override
  public String toString() {
    return "ImageEmulator["
        + (isRunning() ? "listening on " : "stopped, was on ")
        + urls.base()
        + ", identity "
        + urls.identity()
        + ", compute "
        + urls.compute()
        + "]";
  }

  /** The host as written in URLs: a wildcard address is advertised as loopback, an IPv6 one in brackets. */
  private static String advertised(InetAddress host) {
    if (host.isAnyLocalAddress()) {
      return "127.0.0.1";
    }
    String address = host.getHostAddress();
    if (host instanceof Inet6Address) {
      int scope = address.indexOf('%');
      return "[" + (scope < 0 ? address : address.substring(0, scope)) + "]";
    }
    return address;
  }

  /** Daemon threads with a recognisable name, so that a forgotten emulator never keeps a JVM alive by them. */
  private static final class NamedDaemonThreads implements ThreadFactory {
    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();

    NamedDaemonThreads(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, prefix + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }

  /**
   * Builds and starts an {@link ImageEmulator}; not thread-safe. Every setter validates its argument at once.
   * Defaults: the sample catalog ({@code SampleCatalogs.rackspace()} in an {@link InMemoryImageCatalog}), host
   * 127.0.0.1, a free port, tenant {@value ImageEmulator#DEFAULT_TENANT_ID}, one user {@value
   * ImageEmulator#DEFAULT_USERNAME} (API key {@value ImageEmulator#DEFAULT_API_KEY}, password {@value
   * ImageEmulator#DEFAULT_PASSWORD}, region {@value ImageEmulator#DEFAULT_REGION}), tokens valid 24 hours, the
   * system UTC clock, no faults, no latency, a retry-after of one second, pages of at most 1000, 16 threads.
   *
   * @since 1.0
   */
  public static final class Builder {
    private ImageCatalog catalog;
    private InetAddress host = InetAddress.getLoopbackAddress();
    private int port;
    private String tenantId = DEFAULT_TENANT_ID;
    private final List<EmulatorUser> users = new ArrayList<>();
    private Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;
    private Clock clock = Clock.systemUTC();
    private int throttleEvery;
    private int unavailableEvery;
    private Duration latency = Duration.ZERO;
    private Duration retryAfter = DEFAULT_RETRY_AFTER;
    private int maxLimit = PageRequest.MAX_LIMIT;
    private int threads = DEFAULT_THREADS;

    private Builder() {}

    /**
     * The catalog to serve (any adapter: the fake, a database, even an HTTP catalog of another service).
     *
     * @throws NullPointerException if {@code catalog} is null
     */
    public Builder catalog(ImageCatalog catalog) {
      this.catalog = Objects.requireNonNull(catalog, "catalog");
      return this;
    }

    /**
     * The address to listen on; loopback by default. A wildcard address ({@code 0.0.0.0}) listens on every
     * interface, and the URLs the emulator hands out then name 127.0.0.1.
     *
     * @throws NullPointerException if {@code host} is null
     */
    public Builder host(InetAddress host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /**
     * The port to listen on; 0 (the default) lets the system choose a free one, which {@link ImageEmulator#port()}
     * then reports.
     *
     * @throws IllegalArgumentException if {@code port} is not within 0..65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535: " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * The tenant (account number) served and scoped into every token.
     *
     * @throws NullPointerException if {@code tenantId} is null
     * @throws IllegalArgumentException unless it is made of {@code A-Z a-z 0-9 . _ ~ -} only
     */
    public Builder tenantId(String tenantId) {
      Objects.requireNonNull(tenantId, "tenantId");
      if (!TENANT.matcher(tenantId).matches()) {
        throw new IllegalArgumentException(
            "tenantId must be made of letters, digits and . _ ~ - only: '" + tenantId + "'");
      }
      this.tenantId = tenantId;
      return this;
    }

    /**
     * Adds a user with default region {@value ImageEmulator#DEFAULT_REGION}. The first user added replaces the
     * default user; {@link ImageEmulator#issueToken()} issues tokens to the first user.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an argument is blank or a user of that name was already added
     */
    public Builder user(String username, String apiKey, String password) {
      return user(username, apiKey, password, DEFAULT_REGION);
    }

    /**
     * Adds a user with this default region ({@code RAX-AUTH:defaultRegion} in the token response). Any region
     * may be named, even one the service catalog lacks, to test how a client copes.
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an argument is blank or a user of that name was already added
     */
    public Builder user(String username, String apiKey, String password, String defaultRegion) {
      Objects.requireNonNull(username, "username");
      for (EmulatorUser u : users) {
        if (u.username().equals(username)) {
          throw new IllegalArgumentException("a user named '" + username + "' was already added");
        }
      }
      users.add(
          new EmulatorUser(
              Integer.toString(10_000_001 + users.size()), username, apiKey, password, defaultRegion));
      return this;
    }

    /**
     * How long a token is valid after it is issued; 24 hours by default.
     *
     * @throws NullPointerException if {@code lifetime} is null
     * @throws IllegalArgumentException if {@code lifetime} is zero or negative
     */
    public Builder tokenLifetime(Duration lifetime) {
      Objects.requireNonNull(lifetime, "tokenLifetime");
      if (lifetime.isNegative() || lifetime.isZero()) {
        throw new IllegalArgumentException("tokenLifetime must be positive: " + lifetime);
      }
      this.tokenLifetime = lifetime;
      return this;
    }

    /**
     * The clock that times tokens and the instants of throttled answers (and the default catalog's deletions); a
     * mutable clock lets a test expire tokens without waiting.
     *
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Throttles every {@code n}th compute request from the start (see {@link ImageEmulator#throttleEvery(int)}).
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Builder throttleEvery(int n) {
      this.throttleEvery = FaultSwitches.requireEvery(n, "throttleEvery");
      return this;
    }

    /**
     * Makes every {@code n}th compute request unavailable from the start (see
     * {@link ImageEmulator#unavailableEvery(int)}).
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public Builder unavailableEvery(int n) {
      this.unavailableEvery = FaultSwitches.requireEvery(n, "unavailableEvery");
      return this;
    }

    /**
     * Delays every answer by this much from the start (see {@link ImageEmulator#latency(Duration)}).
     *
     * @throws NullPointerException if {@code latency} is null
     * @throws IllegalArgumentException if {@code latency} is negative
     */
    public Builder latency(Duration latency) {
      this.latency = FaultSwitches.requireNotNegative(latency, "latency");
      return this;
    }

    /**
     * The wait throttled and unavailable answers ask for; one second by default.
     *
     * @throws NullPointerException if {@code retryAfter} is null
     * @throws IllegalArgumentException if {@code retryAfter} is negative
     */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = FaultSwitches.requireNotNegative(retryAfter, "retryAfter");
      return this;
    }

    /**
     * The largest page ({@code osapi_max_limit}): the page size when {@code limit} is absent or 0, and the cap of
     * a larger one. 1000 by default, as on Rackspace.
     *
     * @throws IllegalArgumentException if {@code maxLimit} is not within 1..1000 (the port's largest page)
     */
    public Builder maxLimit(int maxLimit) {
      if (maxLimit < 1 || maxLimit > PageRequest.MAX_LIMIT) {
        throw new IllegalArgumentException("maxLimit must be 1.." + PageRequest.MAX_LIMIT + ": " + maxLimit);
      }
      this.maxLimit = maxLimit;
      return this;
    }

    /**
     * How many threads serve requests at most; {@value ImageEmulator#DEFAULT_THREADS} by default.
     *
     * @throws IllegalArgumentException if {@code threads} is not within 1..256
     */
    public Builder threads(int threads) {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("threads must be 1..256: " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * Starts an emulator with this configuration; the builder can start more.
     *
     * @return the running emulator; stop it with {@link ImageEmulator#stop()} or try-with-resources
     * @throws UncheckedIOException if the address cannot be listened on (the port is taken, the host is not local)
     */
    public ImageEmulator start() {
      return new ImageEmulator(this);
    }

    private List<EmulatorUser> users() {
      if (users.isEmpty()) {
        return List.of(
            new EmulatorUser("10000001", DEFAULT_USERNAME, DEFAULT_API_KEY, DEFAULT_PASSWORD, DEFAULT_REGION));
      }
      return List.copyOf(users);
    }
  }
}
