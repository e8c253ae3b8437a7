package io.github.rackimages.emulator;

import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.nova.json.NovaJson;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Wires one emulator's parts together from its settings and the URLs it is reached at: the catalog, the tokens, the
 * fault switches, the request counts, and the {@link EmulatorService} that answers over them. Independent of the
 * HTTP server that carries the requests; nothing is shared between emulators.
 */
final class EmulatorParts {

  private final ImageCatalog catalog;
  private final Urls urls;
  private final String tenantId;
  private final Clock clock;
  private final Duration tokenLifetime;
  private final String tokenUser;
  private final TokenStore tokens = new TokenStore();
  private final RequestCounts counts = new RequestCounts();
  private final FaultSwitches switches;
  private final NovaJson json = new NovaJson();
  private final EmulatorService service;

  EmulatorParts(EmulatorSettings s, Urls urls) {
    this.catalog = s.catalogOrSample();
    this.urls = urls;
    this.tenantId = s.tenantId;
    this.clock = s.clock;
    this.tokenLifetime = s.tokenLifetime;
    this.switches = new FaultSwitches(s.throttleEvery, s.unavailableEvery, s.latency, s.retryAfter);
    switches.nonAuthoritative(s.nonAuthoritative);
    switches.retryAfterAsHttpDate(s.retryAfterAsHttpDate);
    List<EmulatorUser> users = s.users();
    this.tokenUser = users.get(0).username();
    NovaFaults faults = new NovaFaults(json, urls.identity(), switches::retryAfterAsHttpDate, clock);
    Identity identity = new Identity(json, faults, tokens, users, tenantId, urls, clock, () -> tokenLifetime);
    ComputeApi compute = new ComputeApi(catalog, json, faults, tokens, s.maxLimit, clock, switches);
    this.service = new EmulatorService(identity, compute, faults, switches, counts, clock);
  }

  /** Issues a token to the first user, valid for the token lifetime from the clock's current instant. */
  String issueToken() {
    return tokens.issue(tenantId, tokenUser, clock.instant(), tokenLifetime).id();
  }

  ImageCatalog catalog() {
    return catalog;
  }

  Urls urls() {
    return urls;
  }

  String tenantId() {
    return tenantId;
  }

  TokenStore tokens() {
    return tokens;
  }

  RequestCounts counts() {
    return counts;
  }

  FaultSwitches switches() {
    return switches;
  }

  EmulatorService service() {
    return service;
  }

  /** Releases what the parts hold (the JSON providers); the catalog belongs to the caller and stays open. */
  void close() {
    json.close();
  }

  /** Where the emulator is reached, for {@link ImageEmulator#toString()}. */
  String where() {
    return urls.base() + ", identity " + urls.identity() + ", compute " + urls.compute();
  }

  @Override
  public String toString() {
    return "EmulatorParts[" + urls.base() + ", tenant " + tenantId + "]";
  }
}
