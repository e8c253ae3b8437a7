package io.github.rackimages.core;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which images a listing returns: the service's filters {@code server}, {@code name}, {@code status},
 * {@code changes-since}, {@code type}, {@code minDisk}, {@code minRam} and {@code property-<key>}, each optional,
 * ANDed together.
 * Immutable; build one with {@link #builder()}, or use {@link #all()}.
 *
 * <pre>{@code
 * ImageFilter snapshotsOfWeb01 = ImageFilter.builder()
 *     .type(ImageType.SNAPSHOT)
 *     .server(ServerId.of("87487601-1968-4d3c-b2fa-3034b0d9e6f3"))
 *     .build();
 * }</pre>
 *
 * <p>The semantics, as the service applies them (see {@link #matches(Image)}):
 *
 * <ul>
 *   <li>without {@code changesSince}, only ACTIVE and SAVING images are listed; with it, every image whose
 *       {@link Image#lastChanged()} is strictly after the instant, DELETED and ERROR ones included;
 *   <li>{@code name}, {@code minDisk} and {@code minRam} match exactly (glance compares with {@code ==}); no
 *       value is trimmed;
 *   <li>{@code status} is lower-cased (as Nova does) and compared with the image's <em>glance</em> status
 *       ({@link GlanceStatus#of(Image)}), not its API status: {@code saving} does not match the SAVING images glance
 *       calls {@code queued}, and nothing glance knows is called {@code error} or {@code unknown}. The typed
 *       {@link Builder#status(ImageStatus)} therefore takes only ACTIVE, SAVING and DELETED;
 *       {@link Builder#glanceStatus(String)} sends any text, as the service's query parameter does;
 *   <li>{@code type} matches the metadata key {@code image_type} in any case (the service's database collation
 *       decides; Rackspace stores lower case), not trimmed;
 *   <li>{@code property-<key>} matches the metadata key {@code <key>} exactly (glance's image properties);
 *   <li>{@code server} matches a snapshot's server id; a server URL matches by its last path segment.
 * </ul>
 *
 * <p>Sources for each rule: {@code docs/SERVICE-RULES.md}. This class is longer than 300 lines because it is one
 * immutable value with its builder, one documented setter per service filter.
 *
 * @since 1.0
 */
public final class ImageFilter {

  private static final ImageFilter ALL = new Builder().build();

  private final String server;
  private final String name;
  /** The glance status wanted, lower case, as sent. */
  private final String status;
  private final Instant changesSince;
  private final ImageType type;
  private final Integer minDisk;
  private final Integer minRam;
  private final Map<String, String> properties;

  private ImageFilter(Builder b) {
    this.server = b.server;
    this.name = b.name;
    this.status = b.status;
    this.changesSince = b.changesSince;
    this.type = b.type;
    this.minDisk = b.minDisk;
    this.minRam = b.minRam;
    this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
  }

  /** The filter that lists every image the service lists by default (ACTIVE and SAVING). */
  public static ImageFilter all() {
    return ALL;
  }

  /** A builder with no filter set. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this filter's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.server = server;
    b.name = name;
    b.status = status;
    b.changesSince = changesSince;
    b.type = type;
    b.minDisk = minDisk;
    b.minRam = minRam;
    b.properties.putAll(properties);
    return b;
  }

  /** The server reference as given: an id, or a server URL. */
  public Optional<String> server() {
    return Optional.ofNullable(server);
  }

  /**
   * The server id the service matches: the reference itself, or the text after the last {@code /} of a URL
   * (empty text for a URL ending in {@code /}, which matches nothing).
   */
  public Optional<String> serverId() {
    return server().map(s -> s.substring(s.lastIndexOf('/') + 1));
  }

  /** The exact name wanted. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /**
   * The typed status this filter sends, if its glance status is one that {@link Builder#status(ImageStatus)} sends
   * ({@code active}, {@code saving} or {@code deleted}); empty for other glance statuses, see {@link #glanceStatus()}.
   */
  public Optional<ImageStatus> status() {
    return glanceStatus()
        .flatMap(GlanceStatus::fromValue)
        .filter(g -> g == GlanceStatus.ACTIVE || g == GlanceStatus.SAVING || g == GlanceStatus.DELETED)
        .map(GlanceStatus::apiStatus);
  }

  /** The glance status wanted, lower case: the {@code status} the service receives. */
  public Optional<String> glanceStatus() {
    return Optional.ofNullable(status);
  }

  /** The instant images must have changed strictly after; see {@link #matches(Image)}. */
  public Optional<Instant> changesSince() {
    return Optional.ofNullable(changesSince);
  }

  /** Base images or snapshots. */
  public Optional<ImageType> type() {
    return Optional.ofNullable(type);
  }

  /** The exact minimum disk, in GB, wanted. */
  public OptionalInt minDisk() {
    return minDisk == null ? OptionalInt.empty() : OptionalInt.of(minDisk);
  }

  /** The exact minimum RAM, in MB, wanted. */
  public OptionalInt minRam() {
    return minRam == null ? OptionalInt.empty() : OptionalInt.of(minRam);
  }

  /** The {@code property-<key>} filters: metadata key to exact value, in the order set; possibly empty. */
  public Map<String, String> properties() {
    return properties;
  }

  /** Whether no filter is set. */
  public boolean isEmpty() {
    return equals(ALL);
  }

  /**
   * Whether the service lists this image under this filter: the reference semantics every adapter must follow
   * (the in-memory adapter uses it directly, the contract suite checks adapters against it).
   */
  public boolean matches(Image image) {
    Objects.requireNonNull(image, "image");
    if (changesSince == null) {
      if (!image.status().listedByDefault()) {
        return false;
      }
    } else if (!image.lastChanged().isAfter(changesSince)) {
      return false;
    }
    if (name != null && !name.equals(image.name().orElse(null))) {
      return false;
    }
    if (status != null && !GlanceStatus.of(image).map(g -> g.value().equals(status)).orElse(false)) {
      return false;
    }
    if (type != null && !image.metadata().getString("image_type").map(type.value()::equalsIgnoreCase).orElse(false)) {
      return false;
    }
    for (Map.Entry<String, String> p : properties.entrySet()) {
      if (!image.metadata().getString(p.getKey()).map(p.getValue()::equals).orElse(false)) {
        return false;
      }
    }
    if (minDisk != null && minDisk != image.minDisk()) {
      return false;
    }
    if (minRam != null && minRam != image.minRam()) {
      return false;
    }
    if (server != null) {
      String wanted = serverId().orElseThrow();
      if (wanted.isEmpty()) {
        // A URL ending in '/' names no server; an image whose instance_uuid is empty text must not match it.
        return false;
      }
      String actual =
          image
              .server()
              .map(s -> s.id().value())
              .or(() -> image.metadata().getString("instance_uuid"))
              .orElse(null);
      return wanted.equals(actual);
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageFilter f
        && Objects.equals(server, f.server)
        && Objects.equals(name, f.name)
        && Objects.equals(status, f.status)
        && Objects.equals(changesSince, f.changesSince)
        && type == f.type
        && Objects.equals(minDisk, f.minDisk)
        && Objects.equals(minRam, f.minRam)
        && properties.equals(f.properties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(server, name, status, changesSince, type, minDisk, minRam, properties);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("ImageFilter[");
    String sep = "";
    if (server != null) {
      s.append(sep).append("server=").append(server);
      sep = ", ";
    }
    if (name != null) {
      s.append(sep).append("name=").append(name);
      sep = ", ";
    }
    if (status != null) {
      s.append(sep).append("status=").append(status);
      sep = ", ";
    }
    if (changesSince != null) {
      s.append(sep).append("changesSince=").append(changesSince);
      sep = ", ";
    }
    if (type != null) {
      s.append(sep).append("type=").append(type.value());
      sep = ", ";
    }
    if (minDisk != null) {
      s.append(sep).append("minDisk=").append(minDisk);
      sep = ", ";
    }
    if (minRam != null) {
      s.append(sep).append("minRam=").append(minRam);
      sep = ", ";
    }
    for (Map.Entry<String, String> p : properties.entrySet()) {
      s.append(sep).append("property-").append(p.getKey()).append('=').append(p.getValue());
      sep = ", ";
    }
    return s.append(']').toString();
  }

  /**
   * Builds an {@link ImageFilter}; not thread-safe. Every setter validates its argument at once and rejects
   * {@code null}: leave a filter unset to not filter on it.
   *
   * @since 1.0
   */
  public static final class Builder {
    private String server;
    private String name;
    private String status;
    private Instant changesSince;
    private ImageType type;
    private Integer minDisk;
    private Integer minRam;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Snapshots of this server.
     *
     * @throws NullPointerException if {@code server} is null
     */
    public Builder server(ServerId server) {
      this.server = Objects.requireNonNull(server, "server").value();
      return this;
    }

    /**
     * Snapshots of the server at this URL (the service matches its last path segment).
     *
     * @throws IllegalArgumentException if the URL is empty
     */
    public Builder server(URI serverUrl) {
      String url = Objects.requireNonNull(serverUrl, "server URL").toString();
      if (url.isBlank()) {
        throw new IllegalArgumentException("server URL must not be blank: '" + url + "'");
      }
      this.server = url;
      return this;
    }

    /**
     * Snapshots of a server given by id or by full URL, as the service accepts either.
     *
     * @throws IllegalArgumentException if the text is blank
     */
    public Builder server(String idOrUrl) {
      Objects.requireNonNull(idOrUrl, "server");
      if (idOrUrl.isBlank()) {
        throw new IllegalArgumentException("server must not be blank: '" + idOrUrl + "'");
      }
      this.server = idOrUrl;
      return this;
    }

    /**
     * Images with exactly this name (any text, including {@code &}, {@code #}, spaces and non-ASCII).
     *
     * @throws IllegalArgumentException if the name is empty
     */
    public Builder name(String name) {
      Objects.requireNonNull(name, "name");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("name must not be empty: '" + name + "'");
      }
      this.name = name;
      return this;
    }

    /**
     * Images in this status, as the service matches it: ACTIVE images; SAVING images whose glance status is
     * {@code saving} (shown at 50%), <em>not</em> the ones still {@code queued} (25%); DELETED images (listed only
     * with {@link #changesSince(Instant)}; on the service, not the ones glance holds as {@code pending_delete}).
     * The same as {@code glanceStatus(status.name())}.
     *
     * @throws IllegalArgumentException for ERROR, UNKNOWN and UNRECOGNIZED, which the service matches with no image
     *     (glance calls failed images {@code killed}: use {@link #glanceStatus(String)} with {@code "killed"})
     */
    public Builder status(ImageStatus status) {
      Objects.requireNonNull(status, "status");
      if (status == ImageStatus.ERROR || status == ImageStatus.UNKNOWN || status == ImageStatus.UNRECOGNIZED) {
        throw new IllegalArgumentException(
            "the status filter "
                + status
                + " matches no image on the service, which compares glance statuses; for failed (ERROR) images"
                + " use glanceStatus(\"killed\"), to send a value verbatim use glanceStatus(String)");
      }
      this.status = status.name().toLowerCase(Locale.ROOT);
      return this;
    }

    /**
     * Images whose glance status is this text lower-cased, as Nova lower-cases it (not trimmed): {@code queued},
     * {@code saving}, {@code active}, {@code killed}, {@code deleted} or {@code pending_delete} (see
     * {@link GlanceStatus}); any other text matches no image, as on the service. Killed and deleted images are
     * listed only with {@link #changesSince(Instant)}.
     *
     * @throws IllegalArgumentException if the text is empty
     */
    public Builder glanceStatus(String glanceStatus) {
      Objects.requireNonNull(glanceStatus, "glanceStatus");
      if (glanceStatus.isEmpty()) {
        throw new IllegalArgumentException("glanceStatus must not be empty: '" + glanceStatus + "'");
      }
      this.status = glanceStatus.toLowerCase(Locale.ROOT);
      return this;
    }

    /**
     * Images changed strictly after this instant, DELETED and ERROR ones included.
     *
     * @throws NullPointerException if {@code changesSince} is null
     */
    public Builder changesSince(Instant changesSince) {
      this.changesSince = Objects.requireNonNull(changesSince, "changesSince");
      return this;
    }

    /**
     * Base images or snapshots.
     *
     * @throws NullPointerException if {@code type} is null
     */
    public Builder type(ImageType type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * Images whose minimum disk is exactly this many GB.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder minDisk(int minDisk) {
      if (minDisk < 0) {
        throw new IllegalArgumentException("minDisk must be >= 0: " + minDisk);
      }
      this.minDisk = minDisk;
      return this;
    }

    /**
     * Images whose minimum RAM is exactly this many MB.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder minRam(int minRam) {
      if (minRam < 0) {
        throw new IllegalArgumentException("minRam must be >= 0: " + minRam);
      }
      this.minRam = minRam;
      return this;
    }

    /**
     * Images whose metadata (glance's image properties) has this key with exactly this value: the service's
     * {@code property-<key>=<value>}. Several keys are ANDed; the same key again replaces its value, as the
     * service keeps the last of a repeated parameter.
     *
     * @throws IllegalArgumentException if the key is empty
     */
    public Builder property(String key, String value) {
      Objects.requireNonNull(key, "property key");
      Objects.requireNonNull(value, "property value");
      if (key.isEmpty()) {
        throw new IllegalArgumentException("property key must not be empty: '" + key + "'");
      }
      properties.put(key, value);
      return this;
    }

    /** The filter with the values set so far; the builder can go on to build others. */
    public ImageFilter build() {
      return new ImageFilter(this);
    }
  }
}
