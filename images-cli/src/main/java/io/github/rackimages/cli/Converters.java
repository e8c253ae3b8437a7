package io.github.rackimages.cli;

import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Option value converters; a bad value is a usage error (exit 2) naming the value and what is accepted. */
final class Converters {

  private Converters() {}

  /** What shell completion offers for {@code --status}: the statuses {@link Status} accepts. */
  static final class StatusNames extends java.util.ArrayList<String> {
    StatusNames() {
      super(List.of("ACTIVE", "SAVING", "DELETED", "ERROR", "UNKNOWN"));
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
        throw new TypeConversionException(
            "'" + value + "' is not an ISO-8601 date-time; use e.g. 2025-06-01T12:00:00Z, 2025-06-01T14:00+02:00 "
                + "or 2025-06-01");
      }
    }
  }

  /** A status the service can filter on, any case. */
  static final class Status implements ITypeConverter<ImageStatus> {
    @Override
    public ImageStatus convert(String value) {
      ImageStatus status = ImageStatus.fromValue(value);
      if (status == ImageStatus.UNRECOGNIZED) {
        throw new TypeConversionException(
            "'" + value + "' is not an image status; use ACTIVE, SAVING, DELETED, ERROR or UNKNOWN");
      }
      return status;
    }
  }

  /** {@code base} or {@code snapshot}, any case. */
  static final class Type implements ITypeConverter<ImageType> {
    @Override
    public ImageType convert(String value) {
      return ImageType.fromValue(value)
          .orElseThrow(
              () -> new TypeConversionException("'" + value + "' is not an image type; use base or snapshot"));
    }
  }

  /** The output formats, any case. */
  static final class Format implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      try {
        return OutputFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("'" + value + "' is not a format; use table, json or ids");
      }
    }
  }
}
