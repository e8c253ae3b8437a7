package io.github.rackimages.nova.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One endpoint of a service in an identity document's service catalog: its string members in order
 * ({@code region}, {@code tenantId}, {@code publicURL}, {@code internalURL}, {@code versionId}, ...). Members that
 * are not strings are not kept.
 */
public final class CatalogEndpoint {

  private final Map<String, String> members;

  private CatalogEndpoint(Map<String, String> members) {
    this.members = members;
  }

  /**
   * An endpoint with these members, in the map's order.
   *
   * @throws NullPointerException if a name or value is null
   */
  public static CatalogEndpoint of(Map<String, String> members) {
    LinkedHashMap<String, String> copy = new LinkedHashMap<>();
    Objects.requireNonNull(members, "members").forEach(
        (k, v) -> copy.put(Objects.requireNonNull(k, "member name"), Objects.requireNonNull(v, "member " + k)));
    return new CatalogEndpoint(Collections.unmodifiableMap(copy));
  }

  /** {@code region}, when sent (the legacy v1.0 compute endpoint has none). */
  public Optional<String> region() {
    return Optional.ofNullable(members.get("region"));
  }

  /** {@code publicURL}, when sent, as text. */
  public Optional<String> publicUrl() {
    return Optional.ofNullable(members.get("publicURL"));
  }

  /** Every string member, in the document's order; unmodifiable. */
  public Map<String, String> members() {
    return members;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CatalogEndpoint other && members.equals(other.members);
  }

  @Override
  public int hashCode() {
    return members.hashCode();
  }

  @Override
  public String toString() {
    return "CatalogEndpoint" + members;
  }
}
