package io.github.rackimages.http.internal;

import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a list response into a {@link Page} under the port's rule (a next marker exactly when the page is full),
 * taking the marker from the service's {@code next} link only when that link can be trusted.
 *
 * <p>The link is never followed: the next request is always built from the configured endpoint, our own path
 * and our own filter, so the link can at most choose the marker. Even that is refused, in favour of the id of
 * the page's last item (which is what the service puts there anyway), when the link is relative, malformed or
 * unencoded (Nova before Liberty wrote raw values), points at another origin or at plain {@code http} (a TLS
 * proxy in front of the service), or at another collection (Nova before Kilo pointed the detail list's link at
 * the summary list {@code /images}).
 */
public final class NextMarkers {

  private NextMarkers() {}

  /**
   * The page for these items.
   *
   * @param items the items, in the service's order
   * @param limit the limit the request sent
   * @param nextHref the {@code next} link's href as sent, or {@code null}
   * @param expected the URL of the collection we asked for (endpoint plus our path), without query
   * @param id the id of an item
   */
  public static <T> Page<T> page(
      List<T> items, int limit, String nextHref, URI expected, Function<T, ImageId> id) {
    if (items.isEmpty() || items.size() < limit) {
      // A short page is the last one, whatever link came with it.
      return Page.last(items);
    }
    PageMarker lastId = PageMarker.after(id.apply(items.get(items.size() - 1)));
    return Page.of(items, trustedMarker(nextHref, expected).orElse(lastId));
  }

  /** The {@code marker} of a link that points exactly at the collection we asked for; empty otherwise. */
  static Optional<PageMarker> trustedMarker(String href, URI expected) {
    if (href == null) {
      return Optional.empty();
    }
    URI link;
    try {
      link = new URI(href);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    if (!link.isAbsolute()
        || link.isOpaque()
        || link.getRawUserInfo() != null
        || link.getRawFragment() != null
        || !Endpoints.sameOrigin(link, expected)
        || !expected.getRawPath().equals(link.getRawPath())) {
      return Optional.empty();
    }
    String query = link.getRawQuery();
    if (query == null) {
      return Optional.empty();
    }
    String marker = null;
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (!name.equals("marker")) {
        continue;
      }
      if (marker != null || eq < 0) {
        // Two markers, or a marker without a value: the link is not what Nova writes.
        return Optional.empty();
      }
      try {
        marker = Percent.decode(pair.substring(eq + 1));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    if (marker == null || marker.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(PageMarker.of(marker));
  }
}
