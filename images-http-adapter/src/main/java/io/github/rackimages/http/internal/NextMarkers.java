package io.github.rackimages.http.internal;

import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Turns a list response into a {@link Page} under the port's rule (a next marker exactly when the page is full),
 * whose marker is always the id of the page's last item.
 *
 * <p>The service's {@code next} link is neither followed nor read: the next request is always built from the
 * configured endpoint, our own path and our own filter, and its marker is the last id, which is what Nova puts
 * in the link anyway. A link's marker used to be taken when the link pointed at the very collection asked for;
 * a server that answered the same pages again under fresh markers was then walked for ever. With the last id as
 * the marker, a page that ends with an item an earlier page of the walk ended with repeats a marker, which the
 * port's walk refuses with a protocol error.
 */
public final class NextMarkers {

  private NextMarkers() {}

  /**
   * The page for these items.
   *
   * @param items the items, in the service's order
   * @param limit the limit the request sent
   * @param id the id of an item
   */
  public static <T> Page<T> page(List<T> items, int limit, Function<T, ImageId> id) {
    if (items.isEmpty() || items.size() < limit) {
      // A short page is the last one, whatever link came with it.
      return Page.last(items);
    }
    return Page.of(items, PageMarker.after(id.apply(items.get(items.size() - 1))));
  }

  /**
   * What to do with the {@code href} of a page's {@code next} link, read before the page itself: when the link points
   * at the very collection requested ({@code collection}: same scheme, host, port and path), hand the request for
   * the page after {@code page} with the link's {@code marker} to {@code ahead}; otherwise nothing. A hint only
   * (the page's last id decides, see {@link #page}); never throws.
   */
  public static Consumer<String> hint(PageRequest page, URI collection, Consumer<PageRequest> ahead) {
    return href -> {
      try {
        URI link = URI.create(href);
        if (!sameCollection(link, collection) || link.getRawQuery() == null) {
          return;
        }
        for (String pair : link.getRawQuery().split("&")) {
          if (pair.startsWith("marker=") && pair.length() > "marker=".length()) {
            ahead.accept(page.next(PageMarker.of(Percent.decode(pair.substring("marker=".length())))));
            return;
          }
        }
      } catch (RuntimeException e) {
        // Not a link we can read: no hint, and the page's own read decides.
      }
    };
  }

  private static boolean sameCollection(URI link, URI collection) {
    return collection.getScheme().equalsIgnoreCase(String.valueOf(link.getScheme()))
        && collection.getHost().equalsIgnoreCase(String.valueOf(link.getHost()))
        && port(collection) == port(link)
        && collection.getRawPath().equals(link.getRawPath());
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }
}
