package io.github.rackimages.nova.json;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One service of an identity document's service catalog ({@code {"name": "cloudServersOpenStack", "type":
 * "compute", "endpoints": [...]}}). A service read from a document whose endpoints are malformed reports it when
 * {@link #endpoints()} is called, so that a reader interested in one service is not failed by another's shape.
 */
public final class CatalogService {

  private final String name;
  private final String type;
  private final List<CatalogEndpoint> endpoints;
  private final String problem;

  private CatalogService(String name, String type, List<CatalogEndpoint> endpoints, String problem) {
    this.name = name;
    this.type = type;
    this.endpoints = List.copyOf(endpoints);
    this.problem = problem;
  }

  /**
   * A service with a name, a type and endpoints.
   *
   * @throws NullPointerException if an argument is null
   */
  public static CatalogService of(String name, String type, List<CatalogEndpoint> endpoints) {
    return new CatalogService(
        Objects.requireNonNull(name, "name"), Objects.requireNonNull(type, "type"), endpoints, null);
  }

  /** A service as read: name and type null when not strings, {@code problem} the first malformed endpoint. */
  static CatalogService read(String name, String type, List<CatalogEndpoint> endpoints, String problem) {
    return new CatalogService(name, type, endpoints, problem);
  }

  /** {@code name}: {@code cloudServersOpenStack}, {@code cloudFiles}, ...; empty when not sent as a string. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** {@code type}: {@code compute}, {@code object-store}, ...; empty when not sent as a string. */
  public Optional<String> type() {
    return Optional.ofNullable(type);
  }

  /**
   * The endpoints, in the document's order; none when {@code endpoints} is absent or not an array, null entries
   * skipped.
   *
   * @throws WireFormatException if an endpoint is not an object, or its region or publicURL is not a string
   */
  public List<CatalogEndpoint> endpoints() {
    if (problem != null) {
      throw new WireFormatException(problem);
    }
    return endpoints;
  }

  @Override
  public String toString() {
    return "CatalogService[" + name + ", " + type + ", " + (problem == null ? endpoints : problem) + "]";
  }
}
