package io.github.rackimages.core;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An image with every field the detail list ({@code GET /images/detail}) and {@code GET /images/{id}} report.
 * Nothing the service sends is lost: optional fields are {@link Optional}s, an unknown status keeps its raw
 * text, metadata values that are not strings are kept ({@link AttributeValue}), and top-level fields this class
 * does not model are kept in {@link #otherFields()}.
 *
 * <pre>{@code
 * Image image = Image.builder(ImageId.of("6455fff1-..."), Instant.parse("2015-03-06T19:12:34Z"))
 *     .name("CentOS 7 (PVHVM)")
 *     .minDisk(20).minRam(512)
 *     .metadata(ImageMetadata.ofStrings(Map.of("image_type", "base")))
 *     .build();
 * }</pre>
 *
 * @since 1.0
 */
public final class Image {

  private static final Comparator<Image> SERVICE_ORDER =
      Comparator.comparing(Image::created).thenComparing(Image::id).reversed();

  private final ImageId id;
  private final String name;
  private final ImageStatus status;
  private final String rawStatus;
  private final int progress;
  private final Instant created;
  private final Instant updated;
  private final int minDisk;
  private final int minRam;
  private final Long size;
  private final DiskConfig diskConfig;
  private final ServerReference server;
  private final List<Link> links;
  private final ImageMetadata metadata;
  private final Map<String, AttributeValue> otherFields;

  private Image(Builder b) {
    this.id = Objects.requireNonNull(b.id, "image id");
    this.created = Objects.requireNonNull(b.created, "created");
    this.name = b.name;
    this.rawStatus = Objects.requireNonNull(b.rawStatus, "status");
    this.status = ImageStatus.fromValue(b.rawStatus);
    if (b.progress < 0 || b.progress > 100) {
      throw new IllegalArgumentException("progress must be 0..100: " + b.progress);
    }
    this.progress = b.progress;
    this.updated = b.updated;
    if (b.minDisk < 0) {
      throw new IllegalArgumentException("minDisk must be >= 0: " + b.minDisk);
    }
    if (b.minRam < 0) {
      throw new IllegalArgumentException("minRam must be >= 0: " + b.minRam);
    }
    this.minDisk = b.minDisk;
    this.minRam = b.minRam;
    if (b.size != null && b.size < 0) {
      throw new IllegalArgumentException("size must be >= 0: " + b.size);
    }
    this.size = b.size;
    this.diskConfig = b.diskConfig;
    this.server = b.server;
    this.links = List.copyOf(b.links);
    this.metadata = Objects.requireNonNull(b.metadata, "metadata");
    this.otherFields = ImageMetadata.of(b.otherFields).values();
  }

  /**
   * A builder for an image with this id and creation time. Defaults: status {@code ACTIVE}, progress 100,
   * minDisk and minRam 0, no name, no update time, no size, no disk config, no server, no links, no metadata.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Builder builder(ImageId id, Instant created) {
    return new Builder(Objects.requireNonNull(id, "image id"), Objects.requireNonNull(created, "created"));
  }

  /** A builder holding every field of this image, to make a modified copy. */
  public Builder toBuilder() {
    Builder b = new Builder(id, created);
    b.name = name;
    b.rawStatus = rawStatus;
    b.progress = progress;
    b.updated = updated;
    b.minDisk = minDisk;
    b.minRam = minRam;
    b.size = size;
    b.diskConfig = diskConfig;
    b.server = server;
    b.links = links;
    b.metadata = metadata;
    b.otherFields = otherFields;
    return b;
  }

  /**
   * The order in which the service lists images: {@code created} descending, then {@code id} descending. It is
   * total and stable, so a marker walk never skips or repeats an image.
   */
  public static Comparator<Image> serviceOrder() {
    return SERVICE_ORDER;
  }

  /** The image's id. */
  public ImageId id() {
    return id;
  }

  /** The name; empty when the service sent {@code null}. */
  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  /** The status; {@link ImageStatus#UNRECOGNIZED} for a value this library does not know. */
  public ImageStatus status() {
    return status;
  }

  /** The status exactly as the service sent it. */
  public String rawStatus() {
    return rawStatus;
  }

  /** Percent complete, 0..100 (100 when ACTIVE, 25 or 50 while SAVING on Nova). */
  public int progress() {
    return progress;
  }

  /** When the image was created. */
  public Instant created() {
    return created;
  }

  /** When the image last changed; empty when the service sent {@code null}. */
  public Optional<Instant> updated() {
    return Optional.ofNullable(updated);
  }

  /** The last change, or the creation time when the service reports none; what {@code changes-since} compares. */
  public Instant lastChanged() {
    return updated == null ? created : updated;
  }

  /** The minimum disk, in GB, a server needs to boot from this image. */
  public int minDisk() {
    return minDisk;
  }

  /** The minimum RAM, in MB, a server needs to boot from this image. */
  public int minRam() {
    return minRam;
  }

  /** The size in bytes ({@code OS-EXT-IMG-SIZE:size}); empty when unknown (an image still queued). */
  public OptionalLong size() {
    return size == null ? OptionalLong.empty() : OptionalLong.of(size);
  }

  /** {@code OS-DCF:diskConfig}; empty when the service did not send it. */
  public Optional<DiskConfig> diskConfig() {
    return Optional.ofNullable(diskConfig);
  }

  /** The server a snapshot was made from; empty for base images. */
  public Optional<ServerReference> server() {
    return Optional.ofNullable(server);
  }

  /** Base or snapshot, from the metadata key {@code image_type} (any case); empty when it is absent or odd. */
  public Optional<ImageType> type() {
    return metadata.getString("image_type").flatMap(ImageType::fromValue);
  }

  /** The image's {@code self}, {@code bookmark} and {@code alternate} links as sent; unmodifiable, possibly empty. */
  public List<Link> links() {
    return links;
  }

  /** The image's metadata, in the order the service sent it; possibly empty. */
  public ImageMetadata metadata() {
    return metadata;
  }

  /**
   * Top-level fields the service sent that this class does not model (extensions of other clouds), by name, in
   * the order sent. Adapters that write JSON write them back unchanged.
   */
  public Map<String, AttributeValue> otherFields() {
    return otherFields;
  }

  /** This image as the summary list reports it. */
  public ImageSummary toSummary() {
    return ImageSummary.of(id, name, links);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Image other
        && id.equals(other.id)
        && Objects.equals(name, other.name)
        && rawStatus.equals(other.rawStatus)
        && progress == other.progress
        && created.equals(other.created)
        && Objects.equals(updated, other.updated)
        && minDisk == other.minDisk
        && minRam == other.minRam
        && Objects.equals(size, other.size)
        && diskConfig == other.diskConfig
        && Objects.equals(server, other.server)
        && links.equals(other.links)
        && metadata.equals(other.metadata)
        && otherFields.equals(other.otherFields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, name, rawStatus, created, updated);
  }

  @Override
  public String toString() {
    return "Image[id="
        + id
        + ", name="
        + name
        + ", status="
        + rawStatus
        + ", created="
        + created
        + ", updated="
        + updated
        + ", type="
        + type().map(ImageType::value).orElse("-")
        + "]";
  }

  /**
   * Builds an {@link Image}; not thread-safe. Validation happens in {@link #build()}.
   *
   * @since 1.0
   */
  public static final class Builder {
    private final ImageId id;
    private final Instant created;
    private String name;
    private String rawStatus = ImageStatus.ACTIVE.name();
    private int progress = 100;
    private Instant updated;
    private int minDisk;
    private int minRam;
    private Long size;
    private DiskConfig diskConfig;
    private ServerReference server;
    private List<Link> links = List.of();
    private ImageMetadata metadata = ImageMetadata.empty();
    private Map<String, AttributeValue> otherFields = Map.of();

    private Builder(ImageId id, Instant created) {
      this.id = id;
      this.created = created;
    }

    /** The name, or {@code null} for none. */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * A known status; the raw text becomes its name.
     *
     * @throws NullPointerException if {@code status} is null
     * @throws IllegalArgumentException for {@link ImageStatus#UNRECOGNIZED}: give its raw text to
     *     {@link #rawStatus(String)} instead
     */
    public Builder status(ImageStatus status) {
      Objects.requireNonNull(status, "status");
      if (status == ImageStatus.UNRECOGNIZED) {
        throw new IllegalArgumentException("give the raw text of an unrecognized status, not " + status);
      }
      this.rawStatus = status.name();
      return this;
    }

    /**
     * The status as the service sent it, known or not.
     *
     * @throws NullPointerException if {@code rawStatus} is null
     */
    public Builder rawStatus(String rawStatus) {
      this.rawStatus = Objects.requireNonNull(rawStatus, "status");
      return this;
    }

    /** Percent complete; checked by {@link #build()} to be 0..100. */
    public Builder progress(int progress) {
      this.progress = progress;
      return this;
    }

    /** The update time, or {@code null} for none. */
    public Builder updated(Instant updated) {
      this.updated = updated;
      return this;
    }

    /** The minimum disk in GB; checked by {@link #build()} to be {@code >= 0}. */
    public Builder minDisk(int minDisk) {
      this.minDisk = minDisk;
      return this;
    }

    /** The minimum RAM in MB; checked by {@link #build()} to be {@code >= 0}. */
    public Builder minRam(int minRam) {
      this.minRam = minRam;
      return this;
    }

    /** The size in bytes, or {@code null} when unknown. */
    public Builder size(Long size) {
      this.size = size;
      return this;
    }

    /** The disk config, or {@code null} for none. */
    public Builder diskConfig(DiskConfig diskConfig) {
      this.diskConfig = diskConfig;
      return this;
    }

    /** The server of a snapshot, or {@code null} for none. */
    public Builder server(ServerReference server) {
      this.server = server;
      return this;
    }

    /**
     * The image's links, copied by {@link #build()}.
     *
     * @throws NullPointerException if {@code links} is null
     */
    public Builder links(List<Link> links) {
      this.links = Objects.requireNonNull(links, "links");
      return this;
    }

    /**
     * The image's metadata.
     *
     * @throws NullPointerException if {@code metadata} is null
     */
    public Builder metadata(ImageMetadata metadata) {
      this.metadata = Objects.requireNonNull(metadata, "metadata");
      return this;
    }

    /**
     * Top-level fields this class does not model, by name, copied in order by {@link #build()}.
     *
     * @throws NullPointerException if {@code otherFields} is null
     */
    public Builder otherFields(Map<String, AttributeValue> otherFields) {
      this.otherFields = Objects.requireNonNull(otherFields, "otherFields");
      return this;
    }

    /**
     * @throws IllegalArgumentException if progress is outside 0..100, or minDisk, minRam or size is negative
     * @throws NullPointerException if a link, metadata key or value is null
     */
    public Image build() {
      return new Image(this);
    }
  }
}
