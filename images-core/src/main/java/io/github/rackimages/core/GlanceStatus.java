package io.github.rackimages.core;

import java.util.Objects;
import java.util.Optional;

/**
 * The status glance (the image store behind Nova) keeps for an image, which is what the {@code status} filter is
 * compared with. Nova shows it as an API status and a progress ({@link #apiStatus()}, {@link #progress()}), so an
 * image in the API's shape gives its glance status back ({@link #of(Image)}), except that {@link #PENDING_DELETE}
 * reads as {@link #DELETED}.
 *
 * <p>Sources: glance 2014.1 {@code glance/db/sqlalchemy/api.py} {@code STATUSES}; Nova 2014.1
 * {@code nova/api/openstack/compute/views/images.py} {@code ViewBuilder._get_status} and {@code _get_progress}.
 *
 * @since 1.0
 */
public enum GlanceStatus {
  /** Registered, no data yet: shown SAVING at 25%. */
  QUEUED("queued", ImageStatus.SAVING, 25),
  /** Data being uploaded: shown SAVING at 50%. */
  SAVING("saving", ImageStatus.SAVING, 50),
  /** Ready: shown ACTIVE at 100%. */
  ACTIVE("active", ImageStatus.ACTIVE, 100),
  /** The upload failed: shown ERROR at 0%. */
  KILLED("killed", ImageStatus.ERROR, 0),
  /** Deleted: shown DELETED at 0%. */
  DELETED("deleted", ImageStatus.DELETED, 0),
  /** Deleted, its data to be scrubbed later: shown DELETED at 0%, like {@link #DELETED}. */
  PENDING_DELETE("pending_delete", ImageStatus.DELETED, 0);

  private static final GlanceStatus[] VALUES = values();

  private final String value;
  private final ImageStatus apiStatus;
  private final int progress;

  GlanceStatus(String value, ImageStatus apiStatus, int progress) {
    this.value = value;
    this.apiStatus = apiStatus;
    this.progress = progress;
  }

  /** Glance's text, lower case: what the {@code status} filter must equal. */
  public String value() {
    return value;
  }

  /** The status Nova shows for it. */
  public ImageStatus apiStatus() {
    return apiStatus;
  }

  /** The progress Nova shows for it. */
  public int progress() {
    return progress;
  }

  /**
   * The glance status with exactly this text (glance compares with {@code ==}: no trimming, no case change).
   *
   * @return empty for any other text
   * @throws NullPointerException if {@code value} is null
   */
  public static Optional<GlanceStatus> fromValue(String value) {
    Objects.requireNonNull(value, "glance status");
    for (GlanceStatus status : VALUES) {
      if (status.value.equals(value)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }

  /**
   * The glance status behind an image as Nova shows it: ACTIVE is {@code active}; SAVING is {@code queued} at 25%
   * and {@code saving} at any other progress; ERROR is {@code killed}; DELETED is {@code deleted}.
   *
   * @return empty for UNKNOWN and unrecognized statuses, which no glance status Nova knows produces
   * @throws NullPointerException if {@code image} is null
   */
  public static Optional<GlanceStatus> of(Image image) {
    Objects.requireNonNull(image, "image");
    return switch (image.status()) {
      case ACTIVE -> Optional.of(ACTIVE);
      case SAVING -> Optional.of(image.progress() == QUEUED.progress ? QUEUED : SAVING);
      case ERROR -> Optional.of(KILLED);
      case DELETED -> Optional.of(DELETED);
      case UNKNOWN, UNRECOGNIZED -> Optional.empty();
    };
  }
}
