package io.github.rackimages.emulator;

import io.github.rackimages.core.Durations;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What {@link ImageEmulator.Builder} collects, each value checked when it is set, with the defaults the builder
 * documents. Not thread-safe; an emulator copies what it needs when it starts, so the settings can start more.
 */
final class EmulatorSettings {

  private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._~-]+");

  ImageCatalog catalog;
  InetAddress host = InetAddress.getLoopbackAddress();
  int port;
  String tenantId = ImageEmulator.DEFAULT_TENANT_ID;
  private final List<EmulatorUser> users = new ArrayList<>();
  Duration tokenLifetime = ImageEmulator.DEFAULT_TOKEN_LIFETIME;
  Clock clock = Clock.systemUTC();
  int throttleEvery;
  int unavailableEvery;
  Duration latency = Duration.ZERO;
  Duration retryAfter = ImageEmulator.DEFAULT_RETRY_AFTER;
  boolean nonAuthoritative;
  boolean retryAfterAsHttpDate;
  int maxLimit = PageRequest.MAX_LIMIT;
  int threads = ImageEmulator.DEFAULT_THREADS;
  /** How long a connection may stay silent: 30 s, as a load balancer in front of the service might allow. */
  Duration idleTimeout = Duration.ofSeconds(30);
  /** How long a request head may take to arrive in full. */
  Duration headerTimeout = Duration.ofSeconds(10);

  void catalog(ImageCatalog catalog) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  void host(InetAddress host) {
    this.host = Objects.requireNonNull(host, "host");
  }

  void port(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535: " + port);
    }
    this.port = port;
  }

  void tenantId(String tenantId) {
    Objects.requireNonNull(tenantId, "tenantId");
    if (!TENANT.matcher(tenantId).matches()) {
      throw new IllegalArgumentException(
          "tenantId must be made of letters, digits and . _ ~ - only: '" + tenantId + "'");
    }
    this.tenantId = tenantId;
  }

  void user(String username, String apiKey, String password, String defaultRegion) {
    Objects.requireNonNull(username, "username");
    for (EmulatorUser u : users) {
      if (u.username().equals(username)) {
        throw new IllegalArgumentException("a user named '" + username + "' was already added");
      }
    }
    users.add(
        new EmulatorUser(Integer.toString(10_000_001 + users.size()), username, apiKey, password, defaultRegion));
  }

  void tokenLifetime(Duration lifetime) {
    Objects.requireNonNull(lifetime, "tokenLifetime");
    if (lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("tokenLifetime must be positive: " + Durations.human(lifetime));
    }
    this.tokenLifetime = lifetime;
  }

  void clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  void throttleEvery(int n) {
    this.throttleEvery = FaultSwitches.requireEvery(n, "throttleEvery");
  }

  void unavailableEvery(int n) {
    this.unavailableEvery = FaultSwitches.requireEvery(n, "unavailableEvery");
  }

  void latency(Duration latency) {
    this.latency = FaultSwitches.requireNotNegative(latency, "latency");
  }

  void retryAfter(Duration retryAfter) {
    this.retryAfter = FaultSwitches.requireNotNegative(retryAfter, "retryAfter");
  }

  void maxLimit(int maxLimit) {
    if (maxLimit < 1 || maxLimit > PageRequest.MAX_LIMIT) {
      throw new IllegalArgumentException("maxLimit must be 1.." + PageRequest.MAX_LIMIT + ": " + maxLimit);
    }
    this.maxLimit = maxLimit;
  }

  void threads(int threads) {
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads must be 1..256: " + threads);
    }
    this.threads = threads;
  }

  void timeouts(Duration idle, Duration header) {
    this.idleTimeout = requirePositive(idle, "idleTimeout");
    this.headerTimeout = requirePositive(header, "headerTimeout");
  }

  private static Duration requirePositive(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive: " + Durations.human(d));
    }
    return d;
  }

  /** The catalog to serve: the one given, else a new in-memory sample account on the settings' clock. */
  ImageCatalog catalogOrSample() {
    return catalog != null
        ? catalog
        : InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).clock(clock).build();
  }

  /** The users added, or the default user when none was. */
  List<EmulatorUser> users() {
    if (users.isEmpty()) {
      return List.of(
          new EmulatorUser(
              "10000001",
              ImageEmulator.DEFAULT_USERNAME,
              ImageEmulator.DEFAULT_API_KEY,
              ImageEmulator.DEFAULT_PASSWORD,
              ImageEmulator.DEFAULT_REGION));
    }
    return List.copyOf(users);
  }

  @Override
  public String toString() {
    // Never the users: they hold credentials.
    return "EmulatorSettings[" + host.getHostAddress() + ":" + port + ", tenant " + tenantId + "]";
  }
}
