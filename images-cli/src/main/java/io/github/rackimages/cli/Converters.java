package io.github.rackimages.cli;

import io.github.rackimages.core.GlanceStatus;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.HttpImageCatalog;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option value converters. A bad value is a usage error (exit 2): a converter throws {@link Rejected} with the
 * rest of a sentence that starts with the option and the value ({@code is out of range; use 1 to 1000}), and
 * {@link UsageErrors} puts the sentence together.
 */
final class Converters {

  private Converters() {}

  /** A value refused, phrased to follow "{@code --option 'value'}": what is wrong, then what is accepted. */
  static final class Rejected extends TypeConversionException {
    private static final long serialVersionUID = 1L;

    Rejected(String predicate) {
      super(predicate);
    }
  }

  /** Whole numbers from {@code min} to {@code max}; the bounds of the Java type are not named as if chosen. */
  abstract static class Whole<T> implements ITypeConverter<T> {
    private final long min;
    private final long max;
    private final long typeMin;
    private final long typeMax;
    private final LongFunction<T> box;

    Whole(long min, long max, long typeMin, long typeMax, LongFunction<T> box) {
      this.min = min;
      this.max = max;
      this.typeMin = typeMin;
      this.typeMax = typeMax;
      this.box = box;
    }

    @Override
    public T convert(String value) {
      String text = value.trim();
      if (!text.matches("[+-]?\\d+")) {
        throw new Rejected("is not a whole number" + (accepted().isEmpty() ? "" : "; " + accepted()));
      }
      BigInteger n = new BigInteger(text);
      if (n.compareTo(BigInteger.valueOf(max)) > 0) {
        throw new Rejected(max == typeMax ? "is too large; use at most " + max : "is out of range; " + accepted());
      }
      if (n.compareTo(BigInteger.valueOf(min)) < 0) {
        throw new Rejected(min == typeMin ? "is too small; use at least " + min : "is out of range; " + accepted());
      }
      return box.apply(n.longValueExact());
    }

    private String accepted() {
      if (max != typeMax) {
        return "use " + min + " to " + max;
      }
      return min == typeMin ? "" : "use " + min + " or more";
    }
  }

  /** Any {@code int}: the default for whole-number options without a range of their own. */
  static final class AnyInt extends Whole<Integer> {
    AnyInt() {
      super(Integer.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, n -> (int) n);
    }
  }

  /** Any {@code long}: the default for long options without a range of their own. */
  static final class AnyLong extends Whole<Long> {
    AnyLong() {
      super(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, n -> n);
    }
  }

  /** A page size: 1 to {@link PageRequest#MAX_LIMIT}. */
  static final class Limit extends Whole<Integer> {
    Limit() {
      super(1, PageRequest.MAX_LIMIT, Integer.MIN_VALUE, Integer.MAX_VALUE, n -> (int) n);
    }
  }

  /** A count of things to take: 1 or more. */
  static final class Count extends Whole<Long> {
    Count() {
      super(1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, n -> n);
    }
  }

  /** A size, a number of images, an interval or a delay: 0 or more. */
  static final class NonNegative extends Whole<Integer> {
    NonNegative() {
      super(0, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE, n -> (int) n);
    }
  }

  /** A TCP port, 0 meaning any free one. */
  static final class Port extends Whole<Integer> {
    Port() {
      super(0, 65_535, Integer.MIN_VALUE, Integer.MAX_VALUE, n -> (int) n);
    }
  }

  /** An absolute or relative URL; whether it suits the source is decided where it is used. */
  static final class Url implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      try {
        return new URI(value.trim());
      } catch (URISyntaxException e) {
        throw new Rejected("is not a URL; use e.g. https://host/path");
      }
    }
  }

  /**
   * What shell completion offers for {@code --status}: the API statuses {@link Status} accepts, then the glance
   * statuses they do not already spell (it takes {@code active}, {@code saving} and {@code deleted} too).
   */
  static final class StatusNames extends java.util.ArrayList<String> {
    StatusNames() {
      super(List.of("ACTIVE", "SAVING", "DELETED", "queued", "killed", "pending_delete"));
    }
  }

  /** What shell completion offers for {@code --type}. */
  static final class TypeNames extends java.util.ArrayList<String> {
    TypeNames() {
      super(List.of("base", "snapshot"));
    }
  }

  /** What shell completion offers for {@code list --format}. */
  static final class FormatNames extends java.util.ArrayList<String> {
    FormatNames() {
      super(List.of("table", "json", "ids"));
    }
  }

  /** What shell completion offers for {@code show --format}. */
  static final class ShowFormatNames extends java.util.ArrayList<String> {
    ShowFormatNames() {
      super(List.of("table", "json"));
    }
  }

  /**
   * ISO-8601 date-times as the service accepts them for {@code changes-since}: {@code 2025-06-01T12:00:00Z},
   * with an offset ({@code +02:00}), with or without seconds and fraction, no zone meaning UTC, or a bare date
   * (midnight UTC).
   */
  static final class IsoInstant implements ITypeConverter<Instant> {
    @Override
    public Instant convert(String value) {
      String text = value.trim();
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        // Not with a zone; try the forms without one.
      }
      try {
        return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        // Not a local date-time either.
      }
      try {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        throw new Rejected(
            "is not an ISO-8601 date-time; use e.g. 2025-06-01T12:00:00Z, 2025-06-01T14:00+02:00 "
                + "or 2025-06-01");
      }
    }
  }

  /**
   * A status the service can match, any case: the API statuses ACTIVE, SAVING and DELETED, or a glance status
   * ({@code queued}, {@code saving}, {@code active}, {@code killed}, {@code deleted}, {@code pending_delete}). The
   * service compares the lower-cased value with glance's status (docs/SERVICE-RULES.md, rule 1), so the API
   * statuses ERROR and UNKNOWN would match no image: they are refused, naming {@code killed}, glance's word for
   * the failed images the API shows as ERROR.
   */
  static final class Status implements ITypeConverter<GlanceStatus> {
    @Override
    public GlanceStatus convert(String value) {
      String text = value.trim().toLowerCase(Locale.ROOT);
      if (text.equals("error") || text.equals("unknown")) {
        throw new Rejected(
            "matches no image: the service compares glance statuses; failed (ERROR) images are --status killed, "
                + "listed only with --changes-since");
      }
      return GlanceStatus.fromValue(text)
          .orElseThrow(
              () ->
                  new Rejected(
                      "is not an image status; use ACTIVE, SAVING, DELETED, or a glance status: queued, saving, "
                          + "active, killed, deleted, pending_delete"));
    }
  }

  /**
   * A host for {@code --insecure-http-host}: a host name or address literal as the library's
   * {@code insecureHttpHosts} takes it (its own check, so that the two never disagree), kept as typed.
   */
  static final class InsecureHttpHost implements ITypeConverter<String> {
    @Override
    public String convert(String value) {
      try {
        HttpImageCatalog.builder().insecureHttpHosts(Set.of(value));
      } catch (IllegalArgumentException e) {
        throw new Rejected(
            "is not a host name or address; use e.g. images.example.com or 192.0.2.10, without scheme, port or path");
      }
      return value;
    }
  }

  /**
   * {@code KEY=VALUE} for {@code --property}: split at the first {@code =}; neither side is trimmed, as the
   * service matches both exactly, and the value may be empty.
   */
  static final class Property implements ITypeConverter<Map.Entry<String, String>> {
    @Override
    public Map.Entry<String, String> convert(String value) {
      int eq = value.indexOf('=');
      if (eq < 0) {
        throw new Rejected("is not KEY=VALUE; use e.g. --property os_distro=ubuntu");
      }
      if (eq == 0) {
        throw new Rejected("is not KEY=VALUE: the key is empty; use e.g. --property os_distro=ubuntu");
      }
      return Map.entry(value.substring(0, eq), value.substring(eq + 1));
    }
  }

  /** {@code base} or {@code snapshot}, any case. */
  static final class Type implements ITypeConverter<ImageType> {
    @Override
    public ImageType convert(String value) {
      return ImageType.fromValue(value)
          .orElseThrow(
              () -> new Rejected("is not an image type; use base or snapshot"));
    }
  }

  /** The output formats of {@code list}, any case. */
  static final class Format implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        return OutputFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new Rejected("is not a format; use table, json or ids");
      }
    }
  }

  /** The output formats of {@code show}, any case: one image has no list of ids. */
  static final class ShowFormat implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      OutputFormat format;
      try {
        format = OutputFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new Rejected("is not a format; use table or json");
      }
      if (format == OutputFormat.IDS) {
        throw new Rejected("is for list only; use table or json");
      }
      return format;
    }
  }
}
