package io.github.rackimages.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The metadata of an image: key/value pairs such as {@code image_type}, {@code os_type} or
 * {@code org.openstack__1__os_distro}. Keys keep the order the service sent them in. Values are
 * {@link AttributeValue}s, so that a value that is not a string is kept instead of failing the whole page;
 * {@link #asStrings()} gives the string view most applications want.
 *
 * @since 1.0
 */
public final class ImageMetadata {

  private static final ImageMetadata EMPTY = new ImageMetadata(Map.of());

  // Set once: at construction, or by the first use of deferred metadata (then decoder goes).
  private volatile Map<String, AttributeValue> values;
  private Supplier<ImageMetadata> decoder;

  private ImageMetadata(Map<String, AttributeValue> values) {
    this.values = values;
  }

  private ImageMetadata(Supplier<ImageMetadata> decoder) {
    this.decoder = decoder;
  }

  /** No metadata. */
  public static ImageMetadata empty() {
    return EMPTY;
  }

  /**
   * Metadata with these values, in the map's iteration order.
   *
   * @throws NullPointerException if a key or value is null
   */
  public static ImageMetadata of(Map<String, AttributeValue> values) {
    Objects.requireNonNull(values, "metadata");
    if (values.isEmpty()) {
      return EMPTY;
    }
    LinkedHashMap<String, AttributeValue> copy = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> copy.put(Objects.requireNonNull(k, "metadata key"), Objects.requireNonNull(v, "metadata value")));
    return new ImageMetadata(Collections.unmodifiableMap(copy));
  }

  /**
   * Metadata whose values are all strings, in the map's iteration order.
   *
   * @throws NullPointerException if a key or value is null
   */
  public static ImageMetadata ofStrings(Map<String, String> values) {
    Objects.requireNonNull(values, "metadata");
    LinkedHashMap<String, AttributeValue> copy = new LinkedHashMap<>();
    values.forEach(
        (k, v) ->
            copy.put(
                Objects.requireNonNull(k, "metadata key"),
                AttributeValue.text(Objects.requireNonNull(v, "metadata value for " + k))));
    return of(copy);
  }

  /**
   * Metadata decoded on first use: the first call that needs the values (any method but this one, {@code equals}
   * and {@code hashCode} included) runs {@code decoder} once, on whichever thread comes first, and keeps its
   * result; the decoder is then released. For adapters that read metadata they have already checked and want to
   * decode only when an application asks (a walk that prints ids never does). The decoder must not fail: a
   * failure is thrown by the method that ran it, and the next call tries again.
   *
   * @throws NullPointerException if {@code decoder} is null
   * @since 1.1
   */
  public static ImageMetadata deferred(Supplier<ImageMetadata> decoder) {
    return new ImageMetadata(Objects.requireNonNull(decoder, "decoder"));
  }

  /**
   * A builder that collects values one by one, in order, for code that reads them one at a time (as a response
   * body is read): it fills one map and hands it over without a copy.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Every value, in the service's order; unmodifiable. */
  public Map<String, AttributeValue> values() {
    Map<String, AttributeValue> v = values;
    return v != null ? v : decode();
  }

  private synchronized Map<String, AttributeValue> decode() {
    if (values == null) {
      ImageMetadata decoded = Objects.requireNonNull(decoder.get(), "the metadata decoder returned null");
      values = decoded.values();
      decoder = null;
    }
    return values;
  }

  /** The string view of every value (see {@link AttributeValue#asString()}), in the service's order. */
  public Map<String, String> asStrings() {
    LinkedHashMap<String, String> strings = new LinkedHashMap<>();
    values().forEach((k, v) -> strings.put(k, v.asString()));
    return Collections.unmodifiableMap(strings);
  }

  /**
   * The value of a key.
   *
   * @throws NullPointerException if {@code key} is null
   */
  public Optional<AttributeValue> get(String key) {
    // Checked here: the empty metadata's map rejects a null key while a copied one would answer empty.
    return Optional.ofNullable(values().get(Objects.requireNonNull(key, "metadata key")));
  }

  /**
   * The string view of a key's value.
   *
   * @throws NullPointerException if {@code key} is null
   */
  public Optional<String> getString(String key) {
    AttributeValue value = values().get(Objects.requireNonNull(key, "metadata key"));
    return value == null ? Optional.empty() : Optional.of(value.asString());
  }

  /** Whether there is no key at all. */
  public boolean isEmpty() {
    return values().isEmpty();
  }

  /** The number of keys. */
  public int size() {
    return values().size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageMetadata other && values().equals(other.values());
  }

  @Override
  public int hashCode() {
    return values().hashCode();
  }

  @Override
  public String toString() {
    return values().toString();
  }

  /**
   * Collects metadata values in order; {@link #build()} may be called once. Not thread-safe.
   *
   * @since 1.0
   */
  public static final class Builder {
    // Rackspace images carry 19 to 32 keys: room for 48 without a rehash (load factor 0.75), allocated only when a
    // first value arrives so that empty metadata costs nothing.
    private static final int CAPACITY = 64;

    private LinkedHashMap<String, AttributeValue> values;
    private boolean built;

    private Builder() {}

    /**
     * Adds a value; a key given twice keeps its first place and its last value, as a JSON object read twice would.
     *
     * @throws NullPointerException if the key or value is null
     * @throws IllegalStateException after {@link #build()}
     */
    public Builder put(String key, AttributeValue value) {
      if (built) {
        throw new IllegalStateException("metadata already built");
      }
      if (values == null) {
        values = new LinkedHashMap<>(CAPACITY);
      }
      values.put(Objects.requireNonNull(key, "metadata key"), Objects.requireNonNull(value, "metadata value"));
      return this;
    }

    /**
     * The metadata; the builder cannot be used afterwards.
     *
     * @throws IllegalStateException if called twice
     */
    public ImageMetadata build() {
      if (built) {
        throw new IllegalStateException("metadata already built");
      }
      built = true;
      Map<String, AttributeValue> collected = values;
      values = null;
      return collected == null ? EMPTY : new ImageMetadata(Collections.unmodifiableMap(collected));
    }
  }
}
