package io.github.rackimages.nova.json;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Rackspace Identity v2.0 {@code access} document, the answer to {@code POST /v2.0/tokens}: the token and its
 * expiry, the tenant, the user (with the default region) and the service catalog. The HTTP adapter reads it
 * ({@link #read(JsonValue)}); the emulator writes it ({@link NovaJson#writeIdentity}).
 *
 * <pre>{@code
 * IdentityDocument access = IdentityDocument.of(tokenId, expires)
 *     .withTenant("123456", "123456")
 *     .withUser(IdentityUser.of("10", "bob").withDefaultRegion("DFW"))
 *     .withServiceCatalog(List.of(CatalogService.of("cloudServersOpenStack", "compute", endpoints)));
 * }</pre>
 */
public final class IdentityDocument {

  private final String tokenId;
  private final Instant expires;
  private final String tenantId;
  private final String tenantName;
  private final List<String> authenticatedBy;
  private final IdentityUser user;
  private final List<CatalogService> serviceCatalog;

  private IdentityDocument(
      String tokenId,
      Instant expires,
      String tenantId,
      String tenantName,
      List<String> authenticatedBy,
      IdentityUser user,
      List<CatalogService> serviceCatalog) {
    this.tokenId = Objects.requireNonNull(tokenId, "tokenId");
    this.expires = Objects.requireNonNull(expires, "expires");
    this.tenantId = tenantId;
    this.tenantName = tenantName;
    this.authenticatedBy = List.copyOf(authenticatedBy);
    this.user = user;
    this.serviceCatalog = serviceCatalog == null ? null : List.copyOf(serviceCatalog);
  }

  /**
   * A document with a token and its expiry, and nothing else (no catalog at all).
   *
   * @throws NullPointerException if an argument is null
   */
  public static IdentityDocument of(String tokenId, Instant expires) {
    return new IdentityDocument(tokenId, expires, null, null, List.of(), null, null);
  }

  /**
   * Reads a document from its JSON value (callers parse the text, so they decide what malformed text means).
   * Strict about what a client needs (the token, its expiry, the types of the tenant, the default region and the
   * catalog), tolerant of everything else; see {@link CatalogService#endpoints()} for the catalog's entries.
   *
   * @throws WireFormatException if it is not an access document; the message never quotes the token
   */
  public static IdentityDocument read(JsonValue root) {
    return IdentityReader.read(Objects.requireNonNull(root, "root"));
  }

  static IdentityDocument read(
      String tokenId, Instant expires, String tenantId, String tenantName, List<String> authenticatedBy,
      IdentityUser user, List<CatalogService> serviceCatalog) {
    return new IdentityDocument(tokenId, expires, tenantId, tenantName, authenticatedBy, user, serviceCatalog);
  }

  /** With {@code token.tenant} ({@code id} and {@code name}). */
  public IdentityDocument withTenant(String id, String name) {
    return new IdentityDocument(
        tokenId, expires, Objects.requireNonNull(id, "tenant id"), Objects.requireNonNull(name, "tenant name"),
        authenticatedBy, user, serviceCatalog);
  }

  /** With {@code token["RAX-AUTH:authenticatedBy"]}: {@code APIKEY}, {@code PASSWORD}, ... */
  public IdentityDocument withAuthenticatedBy(List<String> methods) {
    return new IdentityDocument(tokenId, expires, tenantId, tenantName, methods, user, serviceCatalog);
  }

  /** With the {@code user}. */
  public IdentityDocument withUser(IdentityUser newUser) {
    return new IdentityDocument(
        tokenId, expires, tenantId, tenantName, authenticatedBy, Objects.requireNonNull(newUser, "user"),
        serviceCatalog);
  }

  /** With a {@code serviceCatalog}, in order. */
  public IdentityDocument withServiceCatalog(List<CatalogService> services) {
    return new IdentityDocument(
        tokenId, expires, tenantId, tenantName, authenticatedBy, user, Objects.requireNonNull(services, "services"));
  }

  /** {@code token.id}: the token itself, a secret. */
  public String tokenId() {
    return tokenId;
  }

  /** {@code token.expires}. */
  public Instant expires() {
    return expires;
  }

  /** {@code token.tenant.id}, when sent. */
  public Optional<String> tenantId() {
    return Optional.ofNullable(tenantId);
  }

  /** {@code token.tenant.name}, when sent. */
  public Optional<String> tenantName() {
    return Optional.ofNullable(tenantName);
  }

  /** {@code token["RAX-AUTH:authenticatedBy"]}; empty when not sent. */
  public List<String> authenticatedBy() {
    return authenticatedBy;
  }

  /** The {@code user}, when sent. */
  public Optional<IdentityUser> user() {
    return Optional.ofNullable(user);
  }

  /** The user's {@code RAX-AUTH:defaultRegion}, when sent and not blank. */
  public Optional<String> defaultRegion() {
    return user == null ? Optional.empty() : user.defaultRegion();
  }

  /** The {@code serviceCatalog}, when sent (an empty one is not a missing one). */
  public Optional<List<CatalogService>> serviceCatalog() {
    return Optional.ofNullable(serviceCatalog);
  }

  @Override
  public String toString() {
    // Never the token.
    return "IdentityDocument[expires=" + expires + ", tenant=" + tenantId + ", services="
        + (serviceCatalog == null ? "none" : serviceCatalog.size()) + "]";
  }
}
