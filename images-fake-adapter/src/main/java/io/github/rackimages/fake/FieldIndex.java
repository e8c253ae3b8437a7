package io.github.rackimages.fake;

import io.github.rackimages.core.GlanceStatus;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.function.Function;

/**
 * A secondary index of an {@link ImageIndex} on one field the service filters on (glance status, server, type or
 * name):
 * the images grouped by their value of the field, each group in service order, so that a filtered page walks its
 * group from the marker on instead of scanning the catalog.
 *
 * <p>A group is held as compactly as its size allows, because most values (snapshot names) have one image: a lone
 * {@link Image}, an immutable sorted array of up to {@link #SMALL} images (replaced whole on change), or a
 * {@link Large} pair of skip lists, one for the images listed by default (ACTIVE, SAVING) and one for the rest, so
 * that a listing without {@code changes-since} never walks past images it cannot show. Each index takes 34 to 41
 * bytes per image it holds (measured on a generated catalog of 1,000,000 images, where nearly every name is unique
 * and 1000 servers share the snapshots). Not thread-safe for writes:
 * the {@link ImageIndex.Editor} changes it under the write lock; reads are safe alongside a write (they may see it
 * half done, which the index's stamp then detects).
 */
final class FieldIndex {

  /** The largest group held as an array; walking past its unlisted images costs at most this many tests. */
  static final int SMALL = 16;

  private static final Comparator<Image> ORDER = Image.serviceOrder();

  /** The image's value of the field, or null when it has none (a filter on the field never lists it). */
  private final Function<Image, Object> field;
  /** The value a filter asks for, if it filters on the field. */
  private final Function<ImageFilter, Optional<?>> wanted;
  /** Value to group: an {@link Image}, an {@code Image[]} in service order, or a {@link Large}. */
  private final ConcurrentHashMap<Object, Object> groups = new ConcurrentHashMap<>();

  private FieldIndex(Function<Image, Object> field, Function<ImageFilter, Optional<?>> wanted) {
    this.field = field;
    this.wanted = wanted;
  }

  /**
   * The index on the glance status, as {@link ImageFilter#matches} compares it ({@link GlanceStatus#of(Image)}:
   * SAVING at 25% is {@code queued}); images without one (UNKNOWN, unrecognized) are not indexed.
   */
  static FieldIndex status() {
    return new FieldIndex(
        image -> GlanceStatus.of(image).map(GlanceStatus::value).orElse(null), ImageFilter::glanceStatus);
  }

  /**
   * The index on the type as {@link ImageFilter#matches} reads it: the {@code image_type} metadata equal to
   * {@code base} or {@code snapshot} in any case, not trimmed; images with another value or none are not indexed.
   */
  static FieldIndex type() {
    return new FieldIndex(FieldIndex::typeOf, ImageFilter::type);
  }

  private static ImageType typeOf(Image image) {
    String stored = image.metadata().getString("image_type").orElse(null);
    for (ImageType type : ImageType.values()) {
      if (type.value().equalsIgnoreCase(stored)) {
        return type;
      }
    }
    return null;
  }

  /** The index on the exact name; images without one are not indexed. */
  static FieldIndex name() {
    return new FieldIndex(image -> image.name().orElse(null), ImageFilter::name);
  }

  /**
   * The index on the server id as {@link ImageFilter#matches} reads it (the {@code server} reference, else the
   * {@code instance_uuid} metadata); images without one, or with empty text, are not indexed.
   */
  static FieldIndex server() {
    return new FieldIndex(
        image ->
            image
                .server()
                .map(s -> s.id().value())
                .or(() -> image.metadata().getString("instance_uuid"))
                .filter(id -> !id.isEmpty())
                .orElse(null),
        ImageFilter::serverId);
  }

  /** The value this filter asks of the field, if it filters on it. */
  Optional<?> wantedBy(ImageFilter filter) {
    return wanted.apply(filter);
  }

  /** Adds an image that the index does not hold. */
  void add(Image image) {
    Object value = field.apply(image);
    if (value != null) {
      groups.compute(value, (v, group) -> with(group, image));
    }
  }

  /** Removes a held image (one equal to it in service order, that is with its id and creation time). */
  void remove(Image image) {
    Object value = field.apply(image);
    if (value != null) {
      groups.computeIfPresent(value, (v, group) -> without(group, image));
    }
  }

  /** Removes every image. */
  void clear() {
    groups.clear();
  }

  /**
   * How many images a walk of this value's group may visit: exact for a large group, an upper bound (at most
   * {@link #SMALL}) for a small one.
   */
  int size(Object value, boolean withUnlisted) {
    Object group = groups.get(value);
    if (group == null) {
      return 0;
    } else if (group instanceof Image) {
      return 1;
    } else if (group instanceof Image[] array) {
      return array.length;
    }
    Large large = (Large) group;
    return withUnlisted ? large.listedCount + large.unlistedCount : large.listedCount;
  }

  /**
   * The images with this value, in service order, strictly after {@code after} (from the start when null), only
   * the ones listed by default unless {@code withUnlisted}. {@code after} need not be in the group.
   */
  Iterator<Image> walk(Object value, Image after, boolean withUnlisted) {
    Object group = groups.get(value);
    if (group == null) {
      return Collections.emptyIterator();
    } else if (group instanceof Large large) {
      Iterator<Image> listed = tail(large.listed, after);
      return withUnlisted ? new Merged(listed, tail(large.unlisted, after)) : listed;
    }
    Image[] array = group instanceof Image[] a ? a : new Image[] {(Image) group};
    int start = 0;
    if (after != null) {
      int at = Arrays.binarySearch(array, after, ORDER);
      start = at >= 0 ? at + 1 : -at - 1;
    }
    List<Image> images = new ArrayList<>(array.length - start);
    for (int i = start; i < array.length; i++) {
      if (withUnlisted || listed(array[i])) {
        images.add(array[i]);
      }
    }
    return images.iterator();
  }

  private static Iterator<Image> tail(ConcurrentSkipListSet<Image> set, Image after) {
    return after == null ? set.iterator() : set.tailSet(after, false).iterator();
  }

  private static boolean listed(Image image) {
    return image.status().listedByDefault();
  }

  private static Object with(Object group, Image image) {
    if (group == null) {
      return image;
    } else if (group instanceof Large large) {
      large.add(image);
      return large;
    }
    Image[] array = group instanceof Image[] a ? a : new Image[] {(Image) group};
    if (array.length == SMALL) {
      Large large = new Large();
      for (Image held : array) {
        large.add(held);
      }
      large.add(image);
      return large;
    }
    int at = -Arrays.binarySearch(array, image, ORDER) - 1;
    Image[] grown = new Image[array.length + 1];
    System.arraycopy(array, 0, grown, 0, at);
    grown[at] = image;
    System.arraycopy(array, at, grown, at + 1, array.length - at);
    return grown;
  }

  /** The group without the image, or null if that empties it (which removes the value from the map). */
  private static Object without(Object group, Image image) {
    if (group instanceof Large large) {
      large.remove(image);
      // A shrunken large group stays large: it costs a little memory and spares flapping at the boundary.
      return large.listedCount + large.unlistedCount == 0 ? null : large;
    } else if (group instanceof Image held) {
      return ORDER.compare(held, image) == 0 ? null : held;
    }
    Image[] array = (Image[]) group;
    int at = Arrays.binarySearch(array, image, ORDER);
    if (at < 0) {
      return array;
    } else if (array.length == 2) {
      return array[1 - at];
    }
    Image[] shrunk = new Image[array.length - 1];
    System.arraycopy(array, 0, shrunk, 0, at);
    System.arraycopy(array, at + 1, shrunk, at, array.length - at - 1);
    return shrunk;
  }

  /**
   * A group too large for an array: the listed and the unlisted images in two skip lists, changed in place, with
   * their sizes (a skip list counts its elements one by one).
   */
  private static final class Large {
    final ConcurrentSkipListSet<Image> listed = new ConcurrentSkipListSet<>(ORDER);
    final ConcurrentSkipListSet<Image> unlisted = new ConcurrentSkipListSet<>(ORDER);
    int listedCount;
    int unlistedCount;

    void add(Image image) {
      if (listed(image)) {
        listed.add(image);
        listedCount++;
      } else {
        unlisted.add(image);
        unlistedCount++;
      }
    }

    void remove(Image image) {
      // Both, by position: the held image decides which set it is in, and it is equal to `image` in service order.
      if (listed.remove(image)) {
        listedCount--;
      }
      if (unlisted.remove(image)) {
        unlistedCount--;
      }
    }
  }

  /** Two iterators in service order merged into one (a listing with {@code changes-since} shows both sets). */
  private static final class Merged implements Iterator<Image> {
    private final Iterator<Image> left;
    private final Iterator<Image> right;
    private Image nextLeft;
    private Image nextRight;

    Merged(Iterator<Image> left, Iterator<Image> right) {
      this.left = left;
      this.right = right;
      this.nextLeft = left.hasNext() ? left.next() : null;
      this.nextRight = right.hasNext() ? right.next() : null;
    }

    @Override
    public boolean hasNext() {
      return nextLeft != null || nextRight != null;
    }

    @Override
    public Image next() {
      Image next;
      if (nextLeft != null && (nextRight == null || ORDER.compare(nextLeft, nextRight) < 0)) {
        next = nextLeft;
        nextLeft = left.hasNext() ? left.next() : null;
      } else if (nextRight != null) {
        next = nextRight;
        nextRight = right.hasNext() ? right.next() : null;
      } else {
        throw new NoSuchElementException();
      }
      return next;
    }
  }
}
