package io.github.rackimages.core;

import java.util.Objects;

/**
 * One value of an image's metadata or of a field this library does not model. Rackspace sends metadata values
 * as strings, but other OpenStack clouds send numbers, booleans, arrays and objects (for example
 * {@code block_device_mapping} on volume-backed snapshots). Such a value is kept, not dropped: it is held as
 * the exact JSON text the service sent, so that it can be shown, compared and written back unchanged.
 *
 * @since 1.0
 */
public final class AttributeValue {

  private final String text;
  private final boolean structured;

  private AttributeValue(String text, boolean structured) {
    this.text = Objects.requireNonNull(text, "attribute value");
    this.structured = structured;
  }

  /** A plain string value (the usual case on Rackspace). */
  public static AttributeValue text(String value) {
    return new AttributeValue(value, false);
  }

  /**
   * A value that was not a string: a number, boolean, null, array or object, kept as its JSON text (for example
   * {@code 42}, {@code true}, {@code null} or {@code [{"device_name":"vda"}]}).
   *
   * @throws IllegalArgumentException if {@code json} is blank
   */
  public static AttributeValue structured(String json) {
    Objects.requireNonNull(json, "attribute json");
    if (json.isBlank()) {
      throw new IllegalArgumentException("structured attribute value must not be blank: '" + json + "'");
    }
    return new AttributeValue(json, true);
  }

  /** Whether the service sent a JSON string ({@code true}) or some other JSON value ({@code false}). */
  public boolean isText() {
    return !structured;
  }

  /**
   * The string view: the string itself for text values, the JSON text for the others. Never null, so an
   * application that only wants strings (like most Rackspace users) can treat all metadata alike.
   */
  public String asString() {
    return text;
  }

  /**
   * The value as JSON text: a quoted, escaped string for text values, the original JSON for structured ones.
   * Adapters that write JSON use it to write the value back exactly as it came.
   */
  public String toJson() {
    return structured ? text : quote(text);
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AttributeValue other && structured == other.structured && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode() * 31 + (structured ? 1 : 0);
  }

  @Override
  public String toString() {
    return toJson();
  }
}
