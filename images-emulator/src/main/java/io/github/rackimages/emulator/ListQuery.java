package io.github.rackimages.emulator;

import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The query of {@code GET /images} or {@code /images/detail}, validated as Nova and Glance validate it and turned
 * into the port's {@link ImageFilter} and {@link PageRequest}.
 *
 * <p>Validation order and messages follow Nova: {@code limit} and {@code page_size} first ({@code "<param> param
 * must be an integer"}, {@code "<param> param must be positive"}), then the filters Glance checks
 * ({@code changes-since}, {@code minDisk}, {@code minRam}); the marker is checked by the catalog itself.
 *
 * <p>Filters map as Nova maps them ({@code docs/SERVICE-RULES.md}): {@code status} becomes the glance status
 * (lower-cased, not trimmed, so {@code ERROR} and {@code UNKNOWN} match nothing); {@code type} the typed type when it
 * is {@code base} or {@code snapshot} in any case, else the property {@code image_type} as sent; every
 * {@code property-<key>} a property filter. A filter value that can match no image and that the port's filter
 * cannot express ({@code name=} or {@code status=} empty, a bare {@code property-}, an empty {@code server}) makes
 * {@link #matchesNothing()} true: Glance compares such values with {@code ==} and finds nothing. The catalog is
 * still asked, with the other filters, so that marker errors and injected faults show exactly as they would.
 *
 * @param filter what the catalog is asked for
 * @param matchesNothing whether a filter value excludes every image
 * @param page the page size ({@code min(limit, maxLimit)}, {@code maxLimit} when absent or 0) and marker
 */
record ListQuery(ImageFilter filter, boolean matchesNothing, PageRequest page) {

  private static final Pattern INTEGER = Pattern.compile("\\s*[+-]?[0-9]+\\s*");
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final int MAX_ECHO = 100;
  private static final String PROPERTY = "property-";

  /**
   * Reads and validates a list query.
   *
   * @param maxLimit the largest page (1..1000)
   * @throws ImageCatalogBadRequestException with Nova's message if a value is invalid
   */
  static ListQuery from(FormQuery query, int maxLimit) {
    Integer limit = intParam(query, "limit");
    // page_size only sized Nova's internal calls to Glance, but it is validated as limit is.
    intParam(query, "page_size");

    ImageFilter.Builder filter = ImageFilter.builder();
    boolean nothing = false;

    Optional<String> changesSince = query.get("changes-since");
    if (changesSince.isPresent()) {
      filter.changesSince(
          parseInstant(changesSince.get())
              .orElseThrow(() -> new ImageCatalogBadRequestException("Unrecognized changes-since value")));
    }
    Optional<String> minDisk = query.get("minDisk");
    if (minDisk.isPresent()) {
      filter.minDisk(glanceInt("min_disk", minDisk.get()));
    }
    Optional<String> minRam = query.get("minRam");
    if (minRam.isPresent()) {
      filter.minRam(glanceInt("min_ram", minRam.get()));
    }

    Optional<String> name = query.get("name");
    if (name.isPresent()) {
      if (name.get().isEmpty()) {
        nothing = true;
      } else {
        filter.name(name.get());
      }
    }
    Optional<String> status = query.get("status");
    if (status.isPresent()) {
      // Nova lower-cases it and glance compares it with its own statuses: any text is a filter, none is trimmed.
      if (status.get().isEmpty()) {
        nothing = true;
      } else {
        filter.glanceStatus(status.get());
      }
    }
    Optional<String> type = query.get("type");
    if (type.isPresent()) {
      // Nova sends type as property-image_type, untrimmed; base and snapshot (any case) are the typed filter.
      Optional<ImageType> t =
          Arrays.stream(ImageType.values()).filter(v -> v.value().equalsIgnoreCase(type.get())).findFirst();
      if (t.isPresent()) {
        filter.type(t.get());
      } else {
        filter.property("image_type", type.get());
      }
    }
    for (Map.Entry<String, String> param : query.values().entrySet()) {
      // Glance's registry strips "property-" and matches the rest as a property name; "property-" alone names none.
      if (param.getKey().startsWith(PROPERTY)) {
        String key = param.getKey().substring(PROPERTY.length());
        if (key.isEmpty()) {
          nothing = true;
        } else {
          filter.property(key, param.getValue());
        }
      }
    }
    Optional<String> server = query.get("server");
    if (server.isPresent()) {
      if (server.get().isBlank()) {
        nothing = true;
      } else {
        filter.server(server.get());
      }
    }

    int size = limit == null || limit == 0 ? maxLimit : Math.min(limit, maxLimit);
    Optional<String> marker = query.get("marker").filter(m -> !m.isEmpty());
    PageRequest page;
    if (marker.isEmpty()) {
      page = PageRequest.first(size);
    } else if (marker.get().isBlank()) {
      // No image has a blank id; PageMarker cannot hold one, so refuse it here as the catalog would.
      throw new ImageCatalogBadRequestException("marker [" + echo(marker.get()) + "] not found");
    } else {
      page = PageRequest.after(PageMarker.of(marker.get()), size);
    }
    return new ListQuery(filter.build(), nothing, page);
  }

  /**
   * Nova's {@code _get_int_param}: absent is null; otherwise an integer (Python {@code int()}: surrounding blanks and
   * a sign allowed, any size) that is not negative. Values beyond {@code int} read as {@link Integer#MAX_VALUE}:
   * they are capped to the largest page anyway.
   */
  private static Integer intParam(FormQuery query, String name) {
    Optional<String> raw = query.get(name);
    if (raw.isEmpty()) {
      return null;
    }
    String text = raw.get();
    if (!INTEGER.matcher(text).matches()) {
      throw new ImageCatalogBadRequestException(name + " param must be an integer");
    }
    BigInteger value = new BigInteger(text.strip());
    if (value.signum() < 0) {
      throw new ImageCatalogBadRequestException(name + " param must be positive");
    }
    return value.compareTo(INT_MAX) > 0 ? Integer.MAX_VALUE : value.intValue();
  }

  /** Glance v1's check of {@code min_ram}/{@code min_disk}: a non-negative integer. */
  private static int glanceInt(String glanceName, String text) {
    if (INTEGER.matcher(text).matches()) {
      BigInteger value = new BigInteger(text.strip());
      if (value.signum() >= 0 && value.compareTo(INT_MAX) <= 0) {
        return value.intValue();
      }
    }
    throw new ImageCatalogBadRequestException(
        "Bad value passed to filter " + glanceName + " got " + echo(text));
  }

  /** {@code changes-since} as Glance reads it: see {@link Iso8601}. */
  static Optional<Instant> parseInstant(String text) {
    return Iso8601.parse(text);
  }

  /** A user's value as quoted back in a message: cut short, so that a huge parameter cannot bloat the fault. */
  private static String echo(String value) {
    return value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "..." : value;
  }
}
