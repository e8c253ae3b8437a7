package io.github.rackimages.http.auth;

import io.github.rackimages.nova.json.CatalogEndpoint;
import io.github.rackimages.nova.json.CatalogService;
import io.github.rackimages.nova.json.IdentityDocument;
import io.github.rackimages.nova.json.WireFormatException;
import jakarta.json.JsonException;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a Rackspace Identity v2.0 {@code access} body this library uses: the token, its expiry, the
 * tenant, the user's default region and the regional endpoints of the {@code cloudServersOpenStack} service.
 * Everything else (other services, roles, extensions) is ignored. The document is read by images-nova-json's
 * {@link IdentityDocument}; this class chooses the endpoint.
 */
final class IdentityResponse {

  /** The Cloud Servers v2 service. The legacy v1.0 {@code cloudServers} is also of type {@code compute}. */
  static final String COMPUTE_SERVICE = "cloudServersOpenStack";

  /** The response cannot be used; the message is safe to show (it never quotes the token). */
  static final class UnusableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnusableException(String message) {
      super(message);
    }

    UnusableException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A regional endpoint of the compute service. */
  record Endpoint(String region, String publicUrl) {}

  private final String tokenId;
  private final Instant expires;
  private final String tenantId;
  private final String defaultRegion;
  private final boolean hasCatalog;
  private final boolean hasComputeService;
  private final List<Endpoint> endpoints;

  private IdentityResponse(
      String tokenId,
      Instant expires,
      String tenantId,
      String defaultRegion,
      boolean hasCatalog,
      boolean hasComputeService,
      List<Endpoint> endpoints) {
    this.tokenId = tokenId;
    this.expires = expires;
    this.tenantId = tenantId;
    this.defaultRegion = defaultRegion;
    this.hasCatalog = hasCatalog;
    this.hasComputeService = hasComputeService;
    this.endpoints = List.copyOf(endpoints);
  }

  /**
   * Reads a {@code 200} body.
   *
   * @throws UnusableException if it is not JSON, or lacks the token or its expiry, or has them in a wrong type
   */
  static IdentityResponse parse(JsonParserFactory parsers, byte[] body) {
    if (body.length == 0) {
      throw new UnusableException("the identity service answered with an empty body");
    }
    JsonValue root;
    try (JsonParser parser = parsers.createParser(new ByteArrayInputStream(body))) {
      parser.next();
      root = parser.getValue();
      // A reader stops after the first value; what follows it makes the body malformed too.
      if (parser.hasNext()) {
        throw new UnusableException("the identity response has content after its JSON value");
      }
    } catch (JsonParsingException e) {
      // The location only: a parser message may quote the body, and the body holds the token.
      var at = e.getLocation();
      throw new UnusableException(
          "the identity service answered with malformed JSON"
              + (at == null ? "" : " at line " + at.getLineNumber() + ", column " + at.getColumnNumber()),
          e);
    } catch (JsonException | java.util.NoSuchElementException | IllegalStateException e) {
      throw new UnusableException("the identity service answered with malformed JSON", e);
    } catch (RuntimeException e) {
      // Parsson refuses nesting deeper than 1000 levels with a plain RuntimeException.
      throw new UnusableException("the identity service answered with JSON it cannot read (nested too deeply?)", e);
    }
    IdentityDocument access;
    try {
      access = IdentityDocument.read(root);
    } catch (WireFormatException e) {
      // The reader's messages name places and kinds, never values: safe to show.
      throw new UnusableException(e.getMessage(), e);
    }
    List<CatalogService> catalog = access.serviceCatalog().orElse(null);
    boolean hasCompute = false;
    List<Endpoint> endpoints = new ArrayList<>();
    if (catalog != null) {
      for (CatalogService service : catalog) {
        // Other services are none of this library's business: whatever shape they have, skip them.
        if (!service.name().filter(COMPUTE_SERVICE::equals).isPresent()) {
          continue;
        }
        hasCompute = true;
        List<CatalogEndpoint> offered;
        try {
          offered = service.endpoints();
        } catch (WireFormatException e) {
          throw new UnusableException(e.getMessage(), e);
        }
        for (CatalogEndpoint endpoint : offered) {
          // A compute endpoint without a region or a URL is of no use for a regional image list.
          if (endpoint.region().isPresent() && endpoint.publicUrl().isPresent()) {
            endpoints.add(new Endpoint(endpoint.region().get(), endpoint.publicUrl().get()));
          }
        }
      }
    }
    return new IdentityResponse(
        access.tokenId(),
        access.expires(),
        access.tenantId().orElse(null),
        access.defaultRegion().orElse(null),
        catalog != null,
        hasCompute,
        endpoints);
  }

  /** The token text (a secret). */
  String tokenId() {
    return tokenId;
  }

  Instant expires() {
    return expires;
  }

  /** {@code access.token.tenant.id}, when sent. */
  Optional<String> tenantId() {
    return Optional.ofNullable(tenantId);
  }

  /** {@code access.user["RAX-AUTH:defaultRegion"]}, when sent. */
  Optional<String> defaultRegion() {
    return Optional.ofNullable(defaultRegion);
  }

  /** The regions that offer {@code cloudServersOpenStack}, in catalog order. */
  List<String> offeredRegions() {
    Set<String> regions = new LinkedHashSet<>();
    endpoints.forEach(e -> regions.add(e.region()));
    return List.copyOf(regions);
  }

  /**
   * The {@code publicURL} of {@code cloudServersOpenStack} in {@code region} (any case), or in the user's default
   * region when {@code region} is null, or in the only region offered when neither is known.
   *
   * @param region the region the user chose, or {@code null}
   * @param username for messages
   * @throws UnusableException if the catalog or the service is missing, or the URL is not an absolute http(s) URL
   * @throws ImageCatalogRegionException if the region is not offered, or none was chosen among several
   */
  Endpoint endpoint(String region, String username) {
    if (!hasCatalog) {
      throw new UnusableException("the identity response has no access.serviceCatalog");
    }
    if (!hasComputeService) {
      throw new UnusableException(
          "the service catalog of user " + username + " has no " + COMPUTE_SERVICE
              + " service (Cloud Servers v2); the account may not have Cloud Servers");
    }
    List<String> offered = offeredRegions();
    if (offered.isEmpty()) {
      throw new UnusableException(
          "the " + COMPUTE_SERVICE + " service of user " + username + " lists no regional endpoint");
    }
    String wanted = region != null ? region : defaultRegion;
    Endpoint chosen;
    // A region the catalog does not offer is the caller's configuration, not a broken answer: no status, no retry.
    if (wanted == null) {
      if (offered.size() > 1) {
        throw new ImageCatalogRegionException(
            "no region was chosen and identity gave user " + username
                + " no RAX-AUTH:defaultRegion; choose one of the regions offered: " + String.join(", ", offered),
            null, offered);
      }
      chosen = endpoints.get(0);
    } else {
      chosen = endpoints.stream()
          .filter(e -> e.region().equalsIgnoreCase(wanted))
          .findFirst()
          .orElseThrow(() -> new ImageCatalogRegionException(
              "region '" + wanted + "'" + (region == null ? " (the default region of user " + username + ")" : "")
                  + " is not offered by " + COMPUTE_SERVICE + "; regions offered: " + String.join(", ", offered),
              wanted, offered));
    }
    URI uri;
    try {
      uri = new URI(chosen.publicUrl());
    } catch (java.net.URISyntaxException e) {
      throw new UnusableException(
          "the " + COMPUTE_SERVICE + " publicURL of region " + chosen.region() + " is not a URL: '"
              + shorten(chosen.publicUrl()) + "'", e);
    }
    if (!Hosts.isHttpUrl(uri)) {
      throw new UnusableException(
          "the " + COMPUTE_SERVICE + " publicURL of region " + chosen.region()
              + " is not an absolute http(s) URL: '" + shorten(chosen.publicUrl()) + "'");
    }
    return chosen;
  }

  private static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }
}
