package io.github.rackimages.fake;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.locks.StampedLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The images of an {@link InMemoryImageCatalog}, indexed in service order, and the lock that makes every read a
 * snapshot: pages, lookups by id and copies are read here; changes go through {@link #write(Function)}, whose
 * {@link Editor} is the only way to change the indexes.
 *
 * <p>A page costs O(log n + limit) without a filter (the marker is one lookup by id, then a skip-list tail). With
 * a filter on (glance) status, server, type or name it walks the smallest of the matching {@link FieldIndex}
 * groups from the marker on, so it costs O(log n + limit) too when that field decides the filter, and O(log n + the
 * group's images from the marker up to the page's last match) otherwise. Filters on {@code changes-since},
 * {@code minDisk}, {@code minRam} or {@code property-<key>} alone walk every image (or every listed one) from the
 * marker and test each. No read here blocks another.
 */
final class ImageIndex {

  private static final Comparator<Image> ORDER = Image.serviceOrder();
  private static final ImageFilter DEFAULT_LISTING = ImageFilter.all();

  /*
   * Writers take the write lock, so mutations are serialised and each is applied whole. Readers take an optimistic
   * stamp, read the concurrent structures without locking, and validate: only if a write overlapped do they read
   * again under the read lock. The structures are concurrent so that an optimistic read racing a write never
   * throws; the stamp is what makes the result a snapshot.
   */
  private final StampedLock lock = new StampedLock();
  private final ConcurrentHashMap<ImageId, Image> byId;
  /** Every image, in service order. */
  private final ConcurrentSkipListSet<Image> all = new ConcurrentSkipListSet<>(ORDER);
  /** The images a listing without changes-since shows (ACTIVE and SAVING), so that it skips none. */
  private final ConcurrentSkipListSet<Image> listed = new ConcurrentSkipListSet<>(ORDER);
  /** The secondary indexes, one per field the service filters on by equality that a page can be cut from. */
  private final List<FieldIndex> fields =
      List.of(FieldIndex.status(), FieldIndex.server(), FieldIndex.type(), FieldIndex.name());

  private final Editor editor = new Editor();

  /**
   * An index holding these images.
   *
   * @throws IllegalArgumentException if two images have the same id
   */
  ImageIndex(List<Image> images) {
    // Sized up front: growing a map of a million entries step by step costs more than filling it.
    this.byId = new ConcurrentHashMap<>(Math.max(16, images.size()));
    editor.insertAll(images);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Reads: snapshots, never blocking each other

  /**
   * One page in service order, as the service cuts it.
   *
   * @throws ImageCatalogBadRequestException if the marker names no image, or a DELETED one while the filter has no
   *     {@code changes-since}
   */
  Page<Image> page(ImageFilter filter, PageRequest request) {
    return read(() -> slice(filter, request)).toPage(request);
  }

  /**
   * The image with this id, as {@code GET /images/{id}} shows it to a customer: empty for a DELETED image (glance
   * hides deleted rows from non-admins, and Nova answers 404).
   */
  Optional<Image> find(ImageId id) {
    // Through read(), so that it never sees an image of an insertAll that is being rolled back.
    return Optional.ofNullable(read(() -> byId.get(id))).filter(image -> image.status() != ImageStatus.DELETED);
  }

  /** How many images the index holds, DELETED ones included. */
  int size() {
    return read(byId::size);
  }

  /** Every image, in service order. */
  List<Image> snapshot() {
    return read(() -> List.copyOf(all));
  }

  // ---------------------------------------------------------------------------------------------------------
  // Writes: serialised, each applied whole

  /**
   * Applies a change under the write lock: readers see the indexes as before it or as after it, never between. The
   * change may throw; it must then have undone what it did (the {@link Editor}'s methods are all-or-nothing).
   */
  <T> T write(Function<Editor, T> change) {
    long stamp = lock.writeLock();
    try {
      return change.apply(editor);
    } finally {
      lock.unlockWrite(stamp);
    }
  }

  /**
   * The changes the indexes allow, each keeping them consistent with each other. Handed out only under the write
   * lock by {@link #write(Function)}, so its methods need no locking of their own; do not keep it.
   */
  final class Editor {

    private Editor() {}

    /** The image with this id, or null. */
    Image get(ImageId id) {
      return byId.get(id);
    }

    /** Adds an image, replacing a held one with the same id only in the map: unlink that one first. */
    void insert(Image image) {
      byId.put(image.id(), image);
      all.add(image);
      index(image);
    }

    /**
     * Inserts images, all or none: if one has the id of a held image or of another in the list, nothing is
     * inserted.
     *
     * @throws IllegalArgumentException naming the repeated id
     */
    void insertAll(List<Image> images) {
      for (int i = 0; i < images.size(); i++) {
        Image image = images.get(i);
        if (byId.putIfAbsent(image.id(), image) != null) {
          for (int j = 0; j < i; j++) {
            byId.remove(images.get(j).id());
          }
          throw new IllegalArgumentException(
              "the image id " + image.id() + " is given twice or already in the catalog");
        }
      }
      for (Image image : images) {
        index(image);
      }
    }

    private void index(Image image) {
      all.add(image);
      if (DEFAULT_LISTING.matches(image)) {
        listed.add(image);
      }
      for (FieldIndex field : fields) {
        field.add(image);
      }
    }

    /** Removes a held image from every index. */
    void unlink(Image image) {
      Image held = byId.remove(image.id());
      // The sets compare by (created, id) only, so this removes the held image even if `image` is an equal copy.
      all.remove(image);
      listed.remove(image);
      if (held != null) {
        // The field indexes group by the image's values, so they must be given the held image, not a copy.
        for (FieldIndex field : fields) {
          field.remove(held);
        }
      }
    }

    /** Removes every image. */
    void clear() {
      byId.clear();
      all.clear();
      listed.clear();
      for (FieldIndex field : fields) {
        field.clear();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------------
  // Internals

  /**
   * The images of one page, or the news that the marker is unknown. Computed without throwing, because under an
   * optimistic read it may see a half-applied write; {@link #read} then discards it and computes it again.
   */
  private Slice slice(ImageFilter filter, PageRequest request) {
    boolean withDeleted = filter.changesSince().isPresent();
    Image after = null;
    Optional<PageMarker> marker = request.marker();
    if (marker.isPresent()) {
      after = byId.get(ImageId.of(marker.get().value()));
      if (after == null || (after.status() == ImageStatus.DELETED && !withDeleted)) {
        return new Slice(List.of(), marker.get());
      }
      // The position counts, not the image: a marker image the filter excludes is still a valid start.
    }
    // The narrowest group among the fields the filter names; every image the filter lists is in each of them.
    FieldIndex narrowest = null;
    Object value = null;
    int size = Integer.MAX_VALUE;
    for (FieldIndex field : fields) {
      Optional<?> wanted = field.wantedBy(filter);
      if (wanted.isPresent()) {
        int groupSize = field.size(wanted.get(), withDeleted);
        if (groupSize < size) {
          narrowest = field;
          value = wanted.get();
          size = groupSize;
        }
      }
    }
    Iterator<Image> walk;
    boolean everything;
    if (narrowest != null) {
      walk = narrowest.walk(value, after, withDeleted);
      // The walk yields exactly the listed images with the value: a filter on that field alone needs no test.
      everything = !withDeleted && conditions(filter) == 1;
    } else {
      NavigableSet<Image> source = withDeleted ? all : listed;
      walk = (after == null ? source : source.tailSet(after, false)).iterator();
      // `listed` holds exactly what the default filter accepts, so that listing needs no test per image.
      everything = filter.equals(DEFAULT_LISTING);
    }
    int limit = request.limit();
    List<Image> items = new ArrayList<>(Math.min(limit, 128));
    while (walk.hasNext()) {
      Image image = walk.next();
      if (everything || filter.matches(image)) {
        items.add(image);
        if (items.size() == limit) {
          break;
        }
      }
    }
    return new Slice(items, null);
  }

  /** How many of the service's filters this one sets, each {@code property-<key>} counting as one. */
  private static int conditions(ImageFilter filter) {
    int set = filter.properties().size();
    set += filter.server().isPresent() ? 1 : 0;
    set += filter.name().isPresent() ? 1 : 0;
    set += filter.glanceStatus().isPresent() ? 1 : 0;
    set += filter.changesSince().isPresent() ? 1 : 0;
    set += filter.type().isPresent() ? 1 : 0;
    set += filter.minDisk().isPresent() ? 1 : 0;
    set += filter.minRam().isPresent() ? 1 : 0;
    return set;
  }

  private <T> T read(Supplier<T> reader) {
    long stamp = lock.tryOptimisticRead();
    if (stamp != 0L) {
      T result = reader.get();
      if (lock.validate(stamp)) {
        return result;
      }
    }
    stamp = lock.readLock();
    try {
      return reader.get();
    } finally {
      lock.unlockRead(stamp);
    }
  }

  /** One page's images, or the marker that was not found. */
  private record Slice(List<Image> items, PageMarker unknownMarker) {

    Page<Image> toPage(PageRequest request) {
      if (unknownMarker != null) {
        String message = "marker [" + unknownMarker.value() + "] not found";
        throw new ImageCatalogBadRequestException(message, Faults.fault(400, "badRequest", message), null);
      }
      return Page.byServiceRule(items, request, image -> PageMarker.after(image.id()));
    }
  }
}
