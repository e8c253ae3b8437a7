package io.github.rackimages.nova.json;

import io.github.rackimages.core.AttributeValue;
import io.github.rackimages.core.DiskConfig;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Link;
import io.github.rackimages.core.ServerId;
import io.github.rackimages.core.ServerReference;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the service's JSON straight from the parser's events into domain objects, with no intermediate tree:
 * tolerant where the service is loose (null name, updated and size; missing optional keys; unknown keys kept;
 * unknown status kept raw; sizes written as floating point; metadata values that are not strings kept) and
 * strict where a value cannot be trusted (a missing id or created time, a wrong type), failing with a
 * {@link WireFormatException} that names the place.
 */
final class NovaReader {

  private NovaReader() {}

  /** Reads a list body; the parser's current event is the body's START_OBJECT. */
  static <T> WireList<T> readList(JsonParser p, boolean detail) {
    List<T> items = null;
    String next = null;
    while (true) {
      Event e = p.next();
      if (e == Event.END_OBJECT) {
        break;
      }
      String key = keyName(p, e, "$");
      switch (key) {
        case "images" -> items = readItems(p, detail);
        case "images_links" -> next = readNextHref(p);
        default -> skipValue(p, p.next());
      }
    }
    if (items == null) {
      throw new WireFormatException("$.images: missing");
    }
    return new WireList<>(items, next);
  }

  /** Reads {@code {"image": {...}}}; the parser's current event is the body's START_OBJECT. */
  static Image readImageBody(JsonParser p) {
    Image image = null;
    while (true) {
      Event e = p.next();
      if (e == Event.END_OBJECT) {
        break;
      }
      String key = keyName(p, e, "$");
      if (key.equals("image")) {
        expect(p, p.next(), Event.START_OBJECT, "$.image");
        image = readImage(p, "$.image");
      } else {
        skipValue(p, p.next());
      }
    }
    if (image == null) {
      throw new WireFormatException("$.image: missing");
    }
    return image;
  }

  /** Reads a fault body; the parser's current event is the body's START_OBJECT. */
  static Fault readFault(JsonParser p) {
    Event e = p.next();
    if (e == Event.END_OBJECT) {
      throw new WireFormatException("$: empty object, not a fault");
    }
    String name = keyName(p, e, "$");
    Event value = p.next();
    if (value != Event.START_OBJECT) {
      throw new WireFormatException("$." + name + ": not an object");
    }
    Integer code = null;
    String message = null;
    String details = null;
    String retryAfter = null;
    String retryAt = null;
    while (true) {
      Event f = p.next();
      if (f == Event.END_OBJECT) {
        break;
      }
      String key = keyName(p, f, "$." + name);
      Event v = p.next();
      switch (key) {
        case "code" -> code = v == Event.VALUE_NUMBER ? safeInt(p, "$." + name, "code") : null;
        case "message" -> message = scalarText(p, v);
        case "details" -> details = scalarText(p, v);
        case "retryAfter" -> retryAfter = scalarText(p, v);
        case "retryAt" -> retryAt = scalarText(p, v);
        default -> skipValue(p, v);
      }
    }
    return Fault.read(name, code, message, details, retryAfter, retryAt);
  }

  private static <T> List<T> readItems(JsonParser p, boolean detail) {
    expect(p, p.next(), Event.START_ARRAY, "$.images");
    List<T> items = new ArrayList<>();
    int index = 0;
    while (true) {
      Event e = p.next();
      if (e == Event.END_ARRAY) {
        return items;
      }
      String path = "$.images[" + index + "]";
      expect(p, e, Event.START_OBJECT, path);
      @SuppressWarnings("unchecked")
      T item = (T) (detail ? readImage(p, path) : readSummary(p, path));
      items.add(item);
      index++;
    }
  }

  private static String readNextHref(JsonParser p) {
    Event e = p.next();
    if (e == Event.VALUE_NULL) {
      return null;
    }
    expect(p, e, Event.START_ARRAY, "$.images_links");
    String next = null;
    int index = 0;
    while (true) {
      Event l = p.next();
      if (l == Event.END_ARRAY) {
        return next;
      }
      String path = "$.images_links[" + index++ + "]";
      if (l != Event.START_OBJECT) {
        skipValue(p, l);
        continue;
      }
      String rel = null;
      String href = null;
      while (true) {
        Event f = p.next();
        if (f == Event.END_OBJECT) {
          break;
        }
        String key = keyName(p, f, path);
        Event v = p.next();
        switch (key) {
          case "rel" -> rel = scalarText(p, v);
          case "href" -> href = scalarText(p, v);
          default -> skipValue(p, v);
        }
      }
      if ("next".equals(rel) && href != null) {
        next = href;
      }
    }
  }

  private static ImageSummary readSummary(JsonParser p, String path) {
    Reference r = readReference(p, path, true);
    return ImageSummary.of(ImageId.of(r.id), r.name, r.links);
  }

  /** The {@code id}, {@code links} (and, for a summary, {@code name}) of an image summary or a server. */
  private record Reference(String id, String name, List<Link> links) {}

  /** Reads a summary or server object; the parser is past its START_OBJECT. */
  private static Reference readReference(JsonParser p, String path, boolean named) {
    String id = null;
    String name = null;
    List<Link> links = List.of();
    while (true) {
      Event e = p.next();
      if (e == Event.END_OBJECT) {
        break;
      }
      String key = keyName(p, e, path);
      Event v = p.next();
      switch (key) {
        case "id" -> id = idText(p, v, path, "id");
        case "name" -> {
          if (named) {
            name = nullableString(p, v, path, "name");
          } else {
            skipValue(p, v);
          }
        }
        case "links" -> links = readLinks(p, v, path, "links");
        default -> skipValue(p, v);
      }
    }
    if (id == null) {
      throw new WireFormatException(path + ".id: missing");
    }
    return new Reference(id, name, links);
  }

  static Image readImage(JsonParser p, String path) {
    String id = null;
    String name = null;
    String status = "UNKNOWN";
    int progress = 0;
    Instant created = null;
    Instant updated = null;
    int minDisk = 0;
    int minRam = 0;
    Long size = null;
    DiskConfig diskConfig = null;
    ServerReference server = null;
    List<Link> links = List.of();
    ImageMetadata metadata = ImageMetadata.empty();
    Map<String, AttributeValue> other = null;
    while (true) {
      Event e = p.next();
      if (e == Event.END_OBJECT) {
        break;
      }
      String key = keyName(p, e, path);
      Event v = p.next();
      switch (key) {
        case "id" -> id = idText(p, v, path, "id");
        case "name" -> name = nullableString(p, v, path, "name");
        case "status" -> {
          String s = nullableString(p, v, path, "status");
          status = s == null ? "UNKNOWN" : s;
        }
        case "progress" -> progress = Math.max(0, Math.min(100, intValue(p, v, path, "progress", 0)));
        case "created" -> created = instant(p, v, path, "created");
        case "updated" -> updated = instant(p, v, path, "updated");
        case "minDisk" -> minDisk = nonNegative(intValue(p, v, path, "minDisk", 0), path, "minDisk");
        case "minRam" -> minRam = nonNegative(intValue(p, v, path, "minRam", 0), path, "minRam");
        case "OS-EXT-IMG-SIZE:size" -> size = size(p, v, path, key);
        case "OS-DCF:diskConfig" -> {
          String text = nullableString(p, v, path, key);
          diskConfig = text == null ? null : DiskConfig.fromValue(text).orElse(null);
          if (text != null && diskConfig == null) {
            // An unknown value is kept, not dropped, so that writing the image back loses nothing.
            other = put(other, key, AttributeValue.text(text));
          }
        }
        case "server" -> server = readServer(p, v, path + ".server");
        case "links" -> links = readLinks(p, v, path, "links");
        case "metadata" -> metadata = readMetadata(p, v, path, "metadata");
        default -> other = put(other, key, attribute(p, v));
      }
    }
    if (id == null) {
      throw new WireFormatException(path + ".id: missing");
    }
    if (created == null) {
      throw new WireFormatException(path + ".created: missing");
    }
    return Image.builder(ImageId.of(id), created)
        .name(name)
        .rawStatus(status)
        .progress(progress)
        .updated(updated)
        .minDisk(minDisk)
        .minRam(minRam)
        .size(size)
        .diskConfig(diskConfig)
        .server(server)
        .links(links)
        .metadata(metadata)
        .otherFields(other == null ? Map.of() : other)
        .build();
  }

  private static Map<String, AttributeValue> put(Map<String, AttributeValue> map, String key, AttributeValue value) {
    Map<String, AttributeValue> m = map == null ? new LinkedHashMap<>() : map;
    m.put(key, value);
    return m;
  }

  private static ServerReference readServer(JsonParser p, Event v, String path) {
    if (v == Event.VALUE_NULL) {
      return null;
    }
    expect(p, v, Event.START_OBJECT, path);
    Reference r = readReference(p, path, false);
    return new ServerReference(ServerId.of(r.id), r.links);
  }

  private static List<Link> readLinks(JsonParser p, Event v, String parent, String field) {
    if (v == Event.VALUE_NULL) {
      return List.of();
    }
    if (v != Event.START_ARRAY) {
      expect(p, v, Event.START_ARRAY, at(parent, field));
    }
    List<Link> links = new ArrayList<>(3);
    int index = 0;
    while (true) {
      Event e = p.next();
      if (e == Event.END_ARRAY) {
        return links;
      }
      int at = index++;
      // The place of a link is named only when something is wrong: building it for every link costs a page dearly.
      if (e != Event.START_OBJECT) {
        expect(p, e, Event.START_OBJECT, linkPath(parent, field, at));
      }
      String rel = null;
      String href = null;
      String type = null;
      while (true) {
        Event f = p.next();
        if (f == Event.END_OBJECT) {
          break;
        }
        if (f != Event.KEY_NAME) {
          keyName(p, f, linkPath(parent, field, at));
        }
        String key = p.getString();
        Event fv = p.next();
        switch (key) {
          case "rel" -> rel = linkString(p, fv, parent, field, at, "rel");
          case "href" -> href = linkString(p, fv, parent, field, at, "href");
          case "type" -> type = linkString(p, fv, parent, field, at, "type");
          default -> skipValue(p, fv);
        }
      }
      if (rel == null || href == null) {
        throw new WireFormatException(linkPath(parent, field, at) + ": a link needs rel and href");
      }
      try {
        links.add(type == null ? Link.of(rel, href) : Link.of(rel, href, type));
      } catch (IllegalArgumentException ex) {
        throw new WireFormatException(linkPath(parent, field, at) + ".href: not a URI");
      }
    }
  }

  /** The place of a field, built only for an error message. */
  private static String at(String path, String field) {
    return path + "." + field;
  }

  private static String linkPath(String parent, String field, int index) {
    return at(parent, field) + "[" + index + "]";
  }

  private static String linkString(JsonParser p, Event v, String parent, String links, int index, String field) {
    if (v == Event.VALUE_STRING) {
      return p.getString();
    }
    return nullableString(p, v, linkPath(parent, links, index), field);
  }

  private static ImageMetadata readMetadata(JsonParser p, Event v, String parent, String field) {
    if (v == Event.VALUE_NULL) {
      return ImageMetadata.empty();
    }
    if (v != Event.START_OBJECT) {
      expect(p, v, Event.START_OBJECT, at(parent, field));
    }
    // One map, sized by the builder for Rackspace's 19 to 32 keys, handed over without a copy.
    ImageMetadata.Builder values = ImageMetadata.builder();
    while (true) {
      Event e = p.next();
      if (e == Event.END_OBJECT) {
        return values.build();
      }
      if (e != Event.KEY_NAME) {
        keyName(p, e, at(parent, field));
      }
      String key = p.getString();
      values.put(key, attribute(p, p.next()));
    }
  }


  /** Any JSON value as an attribute: strings as text, everything else as its JSON text. */
  private static AttributeValue attribute(JsonParser p, Event v) {
    return switch (v) {
      case VALUE_STRING -> AttributeValue.text(p.getString());
      case VALUE_NUMBER -> AttributeValue.structured(p.getString());
      case VALUE_TRUE -> AttributeValue.structured("true");
      case VALUE_FALSE -> AttributeValue.structured("false");
      case VALUE_NULL -> AttributeValue.structured("null");
      case START_OBJECT, START_ARRAY -> AttributeValue.structured(p.getValue().toString());
      default -> throw new WireFormatException("unexpected " + v);
    };
  }

  private static String keyName(JsonParser p, Event e, String path) {
    if (e != Event.KEY_NAME) {
      throw new WireFormatException(path + ": expected a key, found " + describe(e));
    }
    return p.getString();
  }

  private static void expect(JsonParser p, Event actual, Event expected, String path) {
    if (actual != expected) {
      throw new WireFormatException(path + ": expected " + describe(expected) + ", found " + describe(actual));
    }
  }

  private static String describe(Event e) {
    return switch (e) {
      case START_OBJECT -> "an object";
      case END_OBJECT -> "the end of an object";
      case START_ARRAY -> "an array";
      case END_ARRAY -> "the end of an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case KEY_NAME -> "a key";
    };
  }

  private static void skipValue(JsonParser p, Event v) {
    if (v == Event.START_OBJECT || v == Event.START_ARRAY) {
      // Not p.skipObject()/skipArray(): Parsson's loop for ever when the body ends inside the value they skip
      // (a body cut short hung the reader at full CPU). next() fails at the end of the input instead.
      int depth = 1;
      while (depth > 0) {
        Event e = p.next();
        if (e == Event.START_OBJECT || e == Event.START_ARRAY) {
          depth++;
        } else if (e == Event.END_OBJECT || e == Event.END_ARRAY) {
          depth--;
        }
      }
    } else if (v == Event.END_OBJECT || v == Event.END_ARRAY || v == Event.KEY_NAME) {
      throw new WireFormatException("unexpected " + describe(v));
    }
  }

  private static String scalarText(JsonParser p, Event v) {
    return switch (v) {
      case VALUE_STRING, VALUE_NUMBER -> p.getString();
      case VALUE_NULL -> null;
      default -> {
        skipValue(p, v);
        yield null;
      }
    };
  }

  private static String idText(JsonParser p, Event v, String path, String field) {
    // Ids are strings on every cloud seen; a numeric id is accepted as its text rather than failing the page.
    if (v == Event.VALUE_STRING || v == Event.VALUE_NUMBER) {
      String id = p.getString();
      if (id.isBlank()) {
        throw new WireFormatException(at(path, field) + ": blank");
      }
      return id;
    }
    throw new WireFormatException(at(path, field) + ": expected a string, found " + describe(v));
  }

  private static String nullableString(JsonParser p, Event v, String path, String field) {
    if (v == Event.VALUE_NULL) {
      return null;
    }
    if (v == Event.VALUE_STRING) {
      return p.getString();
    }
    throw new WireFormatException(at(path, field) + ": expected a string, found " + describe(v));
  }

  private static int intValue(JsonParser p, Event v, String path, String field, int absent) {
    if (v == Event.VALUE_NULL) {
      return absent;
    }
    if (v == Event.VALUE_NUMBER) {
      return safeInt(p, path, field);
    }
    if (v == Event.VALUE_STRING) {
      try {
        return new BigDecimal(p.getString().trim()).setScale(0, RoundingMode.HALF_UP).intValueExact();
      } catch (NumberFormatException | ArithmeticException ex) {
        throw new WireFormatException(at(path, field) + ": not an integer");
      }
    }
    throw new WireFormatException(at(path, field) + ": expected a number, found " + describe(v));
  }

  private static int safeInt(JsonParser p, String path, String field) {
    if (p.isIntegralNumber()) {
      long l = p.getLong();
      if (l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE && p.getString().length() < 12) {
        return (int) l;
      }
      throw new WireFormatException(at(path, field) + ": out of range");
    }
    try {
      return checkedDecimal(p, path, field).setScale(0, RoundingMode.HALF_UP).intValueExact();
    } catch (ArithmeticException ex) {
      throw new WireFormatException(at(path, field) + ": out of range");
    }
  }

  private static int nonNegative(int value, String path, String field) {
    if (value < 0) {
      throw new WireFormatException(at(path, field) + ": negative (" + value + ")");
    }
    return value;
  }

  private static Long size(JsonParser p, Event v, String path, String field) {
    if (v == Event.VALUE_NULL) {
      return null;
    }
    if (v != Event.VALUE_NUMBER) {
      throw new WireFormatException(at(path, field) + ": expected a number, found " + describe(v));
    }
    long value;
    if (p.isIntegralNumber() && p.getString().length() < 19) {
      value = p.getLong();
    } else {
      try {
        // Sizes written as 1.017415075e+09 (seen in an SDK fixture) are whole numbers in disguise.
        value = checkedDecimal(p, path, field).setScale(0, RoundingMode.HALF_UP).longValueExact();
      } catch (ArithmeticException ex) {
        throw new WireFormatException(at(path, field) + ": out of range");
      }
    }
    if (value < 0) {
      throw new WireFormatException(at(path, field) + ": negative (" + value + ")");
    }
    return value;
  }

  private static BigDecimal checkedDecimal(JsonParser p, String path, String field) {
    String text = p.getString();
    // Refuse exponents that would make BigDecimal work for ages (1e999999999).
    if (text.length() > 40) {
      throw new WireFormatException(at(path, field) + ": number too long");
    }
    BigDecimal d = new BigDecimal(text);
    if (Math.abs(d.scale()) > 30 || d.precision() - d.scale() > 30) {
      throw new WireFormatException(at(path, field) + ": out of range");
    }
    return d;
  }

  private static Instant instant(JsonParser p, Event v, String path, String field) {
    String text = nullableString(p, v, path, field);
    if (text == null) {
      return null;
    }
    return parseInstant(text, at(path, field));
  }

  /**
   * Parses the service's times: {@code 2015-03-10T18:35:18Z}, with fractions, with an offset
   * ({@code 2012-09-14T15:11:57.585-05:00}), or without a zone (UTC, as the service documents).
   */
  static Instant parseInstant(String text, String path) {
    Instant fast = serviceForm(text);
    if (fast != null) {
      return fast;
    }
    String t = text.trim();
    try {
      TemporalAccessor parsed =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(t, OffsetDateTime::from, java.time.LocalDateTime::from);
      if (parsed instanceof OffsetDateTime odt) {
        return odt.toInstant();
      }
      java.time.LocalDateTime local = (java.time.LocalDateTime) parsed;
      return local.toInstant(java.time.ZoneOffset.UTC);
    } catch (DateTimeParseException ex) {
      throw new WireFormatException(path + ": not a date-time: '" + shorten(t) + "'");
    }
  }

  /**
   * The service's own form, {@code yyyy-MM-ddTHH:mm:ssZ}, read digit by digit: the general parser costs about
   * 30 times as much and a page holds 2000 such times. Returns null for any other form (or an invalid date),
   * which then goes through the general parser and its error message.
   */
  private static Instant serviceForm(String t) {
    if (t.length() != 20
        || t.charAt(4) != '-'
        || t.charAt(7) != '-'
        || t.charAt(10) != 'T'
        || t.charAt(13) != ':'
        || t.charAt(16) != ':'
        || t.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(t, 0, 4);
    int month = digits(t, 5, 2);
    int day = digits(t, 8, 2);
    int hour = digits(t, 11, 2);
    int minute = digits(t, 14, 2);
    int second = digits(t, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
        || second < 0 || second > 59 || day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
      return null;
    }
    long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second);
  }

  /** The number written with {@code count} ASCII digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
