package io.github.rackimages.http.internal;

import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.nova.json.NovaJson;

/**
 * The query of a list call, built from the filter and the page only: every value percent-encoded, the
 * parameters in one fixed order (so that logs and tests can compare them).
 */
public final class QueryString {

  private QueryString() {}

  /**
   * {@code server, name, status, changes-since, type, minDisk, minRam, property-<key>..., limit, marker}, each only
   * when set:
   * {@code status} as the upper-case API status, {@code changes-since} as an ISO-8601 UTC time with a fraction
   * only when it has one, {@code type} in lower case ({@code base}/{@code snapshot}, as Rackspace stores it).
   */
  public static String of(ImageFilter filter, PageRequest page) {
    StringBuilder q = new StringBuilder();
    filter.server().ifPresent(v -> add(q, "server", v));
    filter.name().ifPresent(v -> add(q, "name", v));
    // The typed status as its API name, any other glance status as given (Nova lower-cases both).
    filter.status().map(Enum::name).or(filter::glanceStatus).ifPresent(v -> add(q, "status", v));
    filter.changesSince().ifPresent(v -> add(q, "changes-since", NovaJson.formatInstant(v)));
    filter.type().ifPresent(v -> add(q, "type", v.value()));
    filter.minDisk().ifPresent(v -> add(q, "minDisk", Integer.toString(v)));
    filter.minRam().ifPresent(v -> add(q, "minRam", Integer.toString(v)));
    filter.properties().forEach((k, v) -> add(q, "property-" + Percent.encodeQueryValue(k), v));
    add(q, "limit", Integer.toString(page.limit()));
    page.marker().ifPresent(m -> add(q, "marker", m.value()));
    return q.toString();
  }

  private static void add(StringBuilder q, String name, String value) {
    if (q.length() > 0) {
      q.append('&');
    }
    String encoded;
    try {
      encoded = Percent.encodeQueryValue(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the " + name + " filter: " + e.getMessage(), e);
    }
    q.append(name).append('=').append(encoded);
  }
}
