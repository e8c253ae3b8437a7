package io.github.rackimages.core;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * An image with every field the detail list ({@code GET /images/detail}) and {@code GET /images/{id}} report.
 * Nothing the service sends is lost: optional fields are {@link Optional}s, an unknown status keeps its raw
 * text, metadata values that are not strings are kept ({@link AttributeValue}), and top-level fields this class
 * does not model are kept in {@link #otherFields()}. A number the service did not send is not a 0: the
 * {@code reported*} accessors ({@link #reportedMinDisk()}, {@link #reportedMinRam()}, {@link #reportedProgress()})
 * are empty then, and {@link #sizeReported()} tells an absent size from one sent as {@code null}; the plain
 * accessors ({@link #minDisk()}, ...) read 0 for a number not sent, as they always have.
 *
 * <pre>{@code
 * Image image = Image.builder(ImageId.of("6455fff1-..."), Instant.parse("2015-03-06T19:12:34Z"))
 *     .name("CentOS 7 (PVHVM)")
 *     .minDisk(20).minRam(512)
 *     .metadata(ImageMetadata.ofStrings(Map.of("image_type", "base")))
 *     .build();
 * }</pre>
 *
 * <p>Longer than 300 lines because the builder lives here, one setter per field, beside the accessors.
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
  // null: the service did not send the number (absent, or null on the wire).
  private final Integer progress;
  private final Instant created;
  private final Instant updated;
  private final Integer minDisk;
  private final Integer minRam;
  private final Long size;
  private final boolean sizeReported;
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
    if (b.progress != null && (b.progress < 0 || b.progress > 100)) {
      throw new IllegalArgumentException("progress must be 0..100: " + b.progress);
    }
    this.progress = b.progress;
    this.updated = b.updated;
    if (b.minDisk != null && b.minDisk < 0) {
      throw new IllegalArgumentException("minDisk must be >= 0: " + b.minDisk);
    }
    if (b.minRam != null && b.minRam < 0) {
      throw new IllegalArgumentException("minRam must be >= 0: " + b.minRam);
    }
    this.minDisk = b.minDisk;
    this.minRam = b.minRam;
    if (b.size != null && b.size < 0) {
      throw new IllegalArgumentException("size must be >= 0: " + b.size);
    }
    this.size = b.size;
    this.sizeReported = b.sizeReported;
    this.diskConfig = b.diskConfig;
    this.server = b.server;
    this.links = List.copyOf(b.links);
    this.metadata = Objects.requireNonNull(b.metadata, "metadata");
    this.otherFields = ImageMetadata.of(b.otherFields).values();
  }

  /**
   * A builder for an image with this id and creation time. Defaults: status {@code ACTIVE}, progress 100,
   * minDisk and minRam 0, no name, no update time, a size reported as unknown ({@code null}), no disk config, no
   * server, no links, no metadata.
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
    b.sizeReported = sizeReported;
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

  /** Percent complete, 0..100 (100 when ACTIVE, 25 or 50 while SAVING); 0 when not sent (see reportedProgress). */
  public int progress() {
    return progress == null ? 0 : progress;
  }

  /** Percent complete as the service sent it; empty when it sent none (or {@code null}). */
  public OptionalInt reportedProgress() {
    return progress == null ? OptionalInt.empty() : OptionalInt.of(progress);
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

  /** The minimum disk, in GB, a server needs to boot from this image; 0 when not sent ({@link #reportedMinDisk()}). */
  public int minDisk() {
    return minDisk == null ? 0 : minDisk;
  }

  /** The minimum disk in GB as the service sent it; empty when it sent none (or {@code null}). */
  public OptionalInt reportedMinDisk() {
    return minDisk == null ? OptionalInt.empty() : OptionalInt.of(minDisk);
  }

  /** The minimum RAM, in MB, a server needs to boot from this image; 0 when not sent ({@link #reportedMinRam()}). */
  public int minRam() {
    return minRam == null ? 0 : minRam;
  }

  /** The minimum RAM in MB as the service sent it; empty when it sent none (or {@code null}). */
  public OptionalInt reportedMinRam() {
    return minRam == null ? OptionalInt.empty() : OptionalInt.of(minRam);
  }

  /**
   * The size in bytes ({@code OS-EXT-IMG-SIZE:size}); empty when unknown (an image still queued, sent as
   * {@code null}) or not reported at all (see {@link #sizeReported()}).
   */
  public OptionalLong size() {
    return size == null ? OptionalLong.empty() : OptionalLong.of(size);
  }

  /**
   * Whether the service reported a size at all, as a number or as {@code null} (unknown); false when
   * {@code OS-EXT-IMG-SIZE:size} was absent (a deployment without the extension).
   */
  public boolean sizeReported() {
    return sizeReported;
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
        && Objects.equals(progress, other.progress)
        && created.equals(other.created)
        && Objects.equals(updated, other.updated)
        && Objects.equals(minDisk, other.minDisk)
        && Objects.equals(minRam, other.minRam)
        && Objects.equals(size, other.size)
        && sizeReported == other.sizeReported
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
    return "Image[id=" + id + ", name=" + name + ", status=" + rawStatus + ", created=" + created + ", updated="
        + updated + ", type=" + type().map(ImageType::value).orElse("-") + "]";
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
    private Integer progress = 100;
    private Instant updated;
    private Integer minDisk = 0;
    private Integer minRam = 0;
    private Long size;
    private boolean sizeReported = true;
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

    /**
     * Percent complete, or empty when the service sent none.
     * @throws NullPointerException if {@code progress} is null
     */
    public Builder progress(OptionalInt progress) {
      this.progress = Objects.requireNonNull(progress, "progress").isPresent() ? progress.getAsInt() : null;
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

    /**
     * The minimum disk in GB, or empty when the service sent none.
     * @throws NullPointerException if {@code minDisk} is null
     */
    public Builder minDisk(OptionalInt minDisk) {
      this.minDisk = Objects.requireNonNull(minDisk, "minDisk").isPresent() ? minDisk.getAsInt() : null;
      return this;
    }

    /** The minimum RAM in MB; checked by {@link #build()} to be {@code >= 0}. */
    public Builder minRam(int minRam) {
      this.minRam = minRam;
      return this;
    }

    /**
     * The minimum RAM in MB, or empty when the service sent none.
     * @throws NullPointerException if {@code minRam} is null
     */
    public Builder minRam(OptionalInt minRam) {
      this.minRam = Objects.requireNonNull(minRam, "minRam").isPresent() ? minRam.getAsInt() : null;
      return this;
    }

    /** The size in bytes, or {@code null} when the service reported it as unknown. */
    public Builder size(Long size) {
      this.size = size;
      this.sizeReported = true;
      return this;
    }

    /** No size reported at all: the service sent no {@code OS-EXT-IMG-SIZE:size}. */
    public Builder unreportedSize() {
      this.size = null;
      this.sizeReported = false;
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
