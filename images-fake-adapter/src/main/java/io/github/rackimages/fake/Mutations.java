package io.github.rackimages.fake;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageStatus;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The changes tests make to an {@link InMemoryImageCatalog} and their rules (ids are unique, a delete is the
 * service's soft delete stamped by the clock), each checked and applied in one write of the {@link ImageIndex}.
 * The contracts are documented on the catalog's methods of the same names.
 */
final class Mutations {

  private final ImageIndex index;
  private final Clock clock;

  Mutations(ImageIndex index, Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  Clock clock() {
    return clock;
  }

  void add(Image image) {
    Objects.requireNonNull(image, "image");
    index.write(
        edit -> {
          if (edit.get(image.id()) != null) {
            throw new IllegalArgumentException("the catalog already holds an image with id " + image.id());
          }
          edit.insert(image);
          return null;
        });
  }

  void addAll(Collection<? extends Image> images) {
    List<Image> copy = List.copyOf(Objects.requireNonNull(images, "images"));
    index.write(
        edit -> {
          edit.insertAll(copy);
          return null;
        });
  }

  Optional<Image> put(Image image) {
    Objects.requireNonNull(image, "image");
    return index.write(
        edit -> {
          Image previous = edit.get(image.id());
          if (previous != null) {
            edit.unlink(previous);
          }
          edit.insert(image);
          return Optional.ofNullable(previous);
        });
  }

  Image replace(Image image) {
    Objects.requireNonNull(image, "image");
    return index.write(
        edit -> {
          Image previous = edit.get(image.id());
          if (previous == null) {
            throw new IllegalArgumentException("the catalog holds no image with id " + image.id());
          }
          edit.unlink(previous);
          edit.insert(image);
          return previous;
        });
  }

  Image delete(ImageId id) {
    Objects.requireNonNull(id, "id");
    return index.write(
        edit -> {
          Image previous = edit.get(id);
          if (previous == null) {
            throw new IllegalArgumentException("the catalog holds no image with id " + id);
          }
          if (previous.status() == ImageStatus.DELETED) {
            throw new IllegalArgumentException("the image " + id + " is already deleted");
          }
          // The service's updated_at has whole seconds.
          Image deleted = FakeImages.deleted(previous, clock.instant().truncatedTo(ChronoUnit.SECONDS));
          edit.unlink(previous);
          edit.insert(deleted);
          return deleted;
        });
  }

  Optional<Image> remove(ImageId id) {
    Objects.requireNonNull(id, "id");
    return index.write(
        edit -> {
          Image previous = edit.get(id);
          if (previous != null) {
            edit.unlink(previous);
          }
          return Optional.ofNullable(previous);
        });
  }

  void clear() {
    index.write(
        edit -> {
          edit.clear();
          return null;
        });
  }
}
