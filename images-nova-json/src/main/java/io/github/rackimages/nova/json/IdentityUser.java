package io.github.rackimages.nova.json;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@code user} of an identity document: id, name, default region, domain and roles. */
public final class IdentityUser {

  /** A role of the user ({@code {"id": "6", "name": "compute:default", "tenantId": "..."}}). */
  public static final class Role {
    private final String id;
    private final String name;
    private final String tenantId;

    private Role(String id, String name, String tenantId) {
      this.id = Objects.requireNonNull(id, "role id");
      this.name = Objects.requireNonNull(name, "role name");
      this.tenantId = tenantId;
    }

    /**
     * A global role.
     *
     * @throws NullPointerException if an argument is null
     */
    public static Role of(String id, String name) {
      return new Role(id, name, null);
    }

    /**
     * A role in a tenant.
     *
     * @throws NullPointerException if an argument is null
     */
    public static Role of(String id, String name, String tenantId) {
      return new Role(id, name, Objects.requireNonNull(tenantId, "role tenantId"));
    }

    public String id() {
      return id;
    }

    public String name() {
      return name;
    }

    /** The tenant, for a role held in one. */
    public Optional<String> tenantId() {
      return Optional.ofNullable(tenantId);
    }
  }

  private final String id;
  private final String name;
  private final String defaultRegion;
  private final String domainId;
  private final List<Role> roles;

  private IdentityUser(String id, String name, String defaultRegion, String domainId, List<Role> roles) {
    this.id = id;
    this.name = name;
    this.defaultRegion = defaultRegion;
    this.domainId = domainId;
    this.roles = List.copyOf(roles);
  }

  /**
   * A user with an id and a name, no default region, domain or roles.
   *
   * @throws NullPointerException if an argument is null
   */
  public static IdentityUser of(String id, String name) {
    return new IdentityUser(Objects.requireNonNull(id, "id"), Objects.requireNonNull(name, "name"), null, null, List.of());
  }

  /** A user as read: every part may be absent. */
  static IdentityUser read(String id, String name, String defaultRegion, String domainId, List<Role> roles) {
    return new IdentityUser(id, name, defaultRegion, domainId, roles);
  }

  /** With {@code RAX-AUTH:defaultRegion}. */
  public IdentityUser withDefaultRegion(String region) {
    return new IdentityUser(id, name, Objects.requireNonNull(region, "region"), domainId, roles);
  }

  /** With {@code RAX-AUTH:domainId}. */
  public IdentityUser withDomainId(String domain) {
    return new IdentityUser(id, name, defaultRegion, Objects.requireNonNull(domain, "domainId"), roles);
  }

  /** With these roles, in order. */
  public IdentityUser withRoles(List<Role> newRoles) {
    return new IdentityUser(id, name, defaultRegion, domainId, newRoles);
  }

  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** {@code RAX-AUTH:defaultRegion}, when sent and not blank. */
  public Optional<String> defaultRegion() {
    return Optional.ofNullable(defaultRegion);
  }

  /** {@code RAX-AUTH:domainId}, when sent. */
  public Optional<String> domainId() {
    return Optional.ofNullable(domainId);
  }

  public List<Role> roles() {
    return roles;
  }
}
