package io.github.rackimages.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.core.ImageStatus;
import io.github.rackimages.core.ImageType;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.core.ServerId;
import io.github.rackimages.core.ServerReference;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages cut from the field indexes are the pages a scan of every image through {@link ImageFilter#matches} cuts:
 * random catalogs, filters and markers, before and after random mutations. The value pools are small and skewed so
 * that groups of one image, array groups and skip-list groups all occur, and cross from one to the other.
 */
class FilteredPagesTest {

  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(T0.plusSeconds(86_400), ZoneOffset.UTC);
  private static final String[] STATUSES = {"ACTIVE", "ACTIVE", "ACTIVE", "SAVING", "DELETED", "ERROR", "QUEUED",
      "KILLED", "weird"};
  private static final String[] TYPES = {"base", "snapshot", "snapshot", "SNAPSHOT", "Base", " base", "other", null};
  /** Status filters as sent: glance statuses, API statuses glance does not use, and an untrimmed one. */
  private static final String[] GLANCE_STATUSES = {"active", "ACTIVE", "saving", "queued", "killed", "deleted", "error",
      "unknown", " active"};
  private static final String[] OS_TYPES = {"linux", "linux", "windows", "Linux", "", null};
  private static final String[] SERVERS = {"srv-a", "srv-a", "srv-a", "srv-b", "srv-b", "srv-c", "srv-rare"};
  private static final String[] NAMES = {"Ubuntu", "Ubuntu", "Ubuntu", "Debian", "Debian", "Windows", "solo"};

  private static String pick(Random random, String[] pool) {
    // Skewed: the first entries of each pool are the common values.
    return pool[Math.min(random.nextInt(pool.length), random.nextInt(pool.length))];
  }

  private static Image randomImage(Random random, String id) {
    // Few distinct creation times, so that ties broken by id are common.
    Image.Builder b =
        Image.builder(ImageId.of(id), T0.plusSeconds(60L * random.nextInt(200)))
            .rawStatus(pick(random, STATUSES))
            // SAVING at 25% is glance's queued, at 50% its saving.
            .progress(random.nextBoolean() ? 25 : 50)
            .updated(T0.plusSeconds(60L * random.nextInt(400)))
            .minDisk(random.nextInt(3) * 10)
            .minRam(random.nextInt(3) * 512);
    int naming = random.nextInt(10);
    if (naming < 7) {
      b.name(pick(random, NAMES));
    } else if (naming < 9) {
      b.name("unique " + id);
    }
    Map<String, String> metadata = new HashMap<>();
    String type = pick(random, TYPES);
    if (type != null) {
      metadata.put("image_type", type);
    }
    String osType = pick(random, OS_TYPES);
    if (osType != null) {
      metadata.put("os_type", osType);
    }
    int serverKind = random.nextInt(6);
    String server = pick(random, SERVERS);
    if (serverKind < 3) {
      b.server(ServerReference.of(ServerId.of(server)));
    } else if (serverKind == 3) {
      metadata.put("instance_uuid", server);
    } else if (serverKind == 4) {
      metadata.put("instance_uuid", "");
    }
    return b.metadata(ImageMetadata.ofStrings(metadata)).build();
  }

  private static ImageFilter randomFilter(Random random) {
    ImageFilter.Builder f = ImageFilter.builder();
    if (random.nextInt(3) == 0) {
      ImageStatus status = ImageStatus.fromValue(pick(random, STATUSES));
      switch (status) {
        case ACTIVE, SAVING, DELETED -> f.status(status);
        default -> f.glanceStatus(pick(random, GLANCE_STATUSES));
      }
    }
    if (random.nextInt(4) == 0) {
      String osType = pick(random, OS_TYPES);
      f.property("os_type", osType == null ? "linux" : osType);
    }
    if (random.nextInt(8) == 0) {
      f.property("image_type", pick(random, TYPES) == null ? "base" : " base");
    }
    if (random.nextInt(3) == 0) {
      String server = pick(random, SERVERS);
      switch (random.nextInt(4)) {
        case 0 -> f.server("https://example.com/v2/123/servers/" + server);
        case 1 -> f.server("https://example.com/v2/123/servers/");
        default -> f.server(server);
      }
    }
    if (random.nextInt(3) == 0) {
      f.type(random.nextBoolean() ? ImageType.BASE : ImageType.SNAPSHOT);
    }
    if (random.nextInt(3) == 0) {
      f.name(random.nextInt(5) == 0 ? "unique img-" + random.nextInt(300) : pick(random, NAMES));
    }
    if (random.nextInt(4) == 0) {
      f.changesSince(T0.plusSeconds(60L * random.nextInt(400)));
    }
    if (random.nextInt(6) == 0) {
      f.minDisk(random.nextInt(3) * 10);
    }
    if (random.nextInt(6) == 0) {
      f.minRam(random.nextInt(3) * 512);
    }
    return f.build();
  }

  /** The page a scan of every image cuts, or the exception's class if the marker is refused. */
  private static Object scanned(Map<ImageId, Image> images, ImageFilter filter, PageRequest request) {
    List<Image> ordered = new ArrayList<>(images.values());
    ordered.sort(Image.serviceOrder());
    int start = 0;
    if (request.marker().isPresent()) {
      Image at = images.get(ImageId.of(request.marker().get().value()));
      if (at == null || (at.status() == ImageStatus.DELETED && filter.changesSince().isEmpty())) {
        return ImageCatalogBadRequestException.class;
      }
      start = ordered.indexOf(at) + 1;
    }
    List<Image> items = new ArrayList<>();
    for (Image image : ordered.subList(start, ordered.size())) {
      if (filter.matches(image) && items.size() < request.limit()) {
        items.add(image);
      }
    }
    return Page.byServiceRule(items, request, image -> PageMarker.after(image.id()));
  }

  private static Object indexed(InMemoryImageCatalog catalog, ImageFilter filter, PageRequest request) {
    Object[] page = new Object[1];
    Throwable thrown = catchThrowable(() -> page[0] = catalog.list(filter, request));
    return thrown == null ? page[0] : thrown.getClass();
  }

  /** Compares many filters, each with random markers and with a full walk by the pages' own markers. */
  private static void assertPagesMatchAScan(Random random, InMemoryImageCatalog catalog, Map<ImageId, Image> model) {
    List<ImageId> ids = new ArrayList<>(model.keySet());
    for (int f = 0; f < 60; f++) {
      ImageFilter filter = randomFilter(random);
      int limit = 1 + random.nextInt(7);
      for (int m = 0; m < 8; m++) {
        PageRequest request = PageRequest.first(limit);
        if (m > 0 && !ids.isEmpty()) {
          String marker = random.nextInt(10) == 0 ? "img-missing" : ids.get(random.nextInt(ids.size())).value();
          request = PageRequest.after(PageMarker.of(marker), limit);
        }
        assertThat(indexed(catalog, filter, request))
            .as("%s, %s", filter, request)
            .isEqualTo(scanned(model, filter, request));
      }
      Optional<PageRequest> next = Optional.of(PageRequest.first(limit));
      while (next.isPresent()) {
        PageRequest request = next.get();
        Page<Image> page = catalog.list(filter, request);
        assertThat(page).as("%s, %s", filter, request).isEqualTo(scanned(model, filter, request));
        next = page.nextMarker().map(request::next);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void filteredPagesEqualAScanOfEveryImageForManyFiltersAndMarkers(long seed) {
    Random random = new Random(seed);
    Map<ImageId, Image> model = new LinkedHashMap<>();
    for (int i = 0; i < 300; i++) {
      Image image = randomImage(random, "img-" + i);
      model.put(image.id(), image);
    }
    InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().images(model.values()).clock(CLOCK).build();

    assertPagesMatchAScan(random, catalog, model);
  }

  @ParameterizedTest
  @ValueSource(longs = {11, 12, 13})
  void filteredPagesStayEqualToAScanAfterAddsReplacesDeletesAndRemoves(long seed) {
    Random random = new Random(seed);
    Map<ImageId, Image> model = new LinkedHashMap<>();
    InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().clock(CLOCK).build();
    for (int round = 0; round < 12; round++) {
      for (int change = 0; change < 40; change++) {
        ImageId id = ImageId.of("img-" + random.nextInt(300));
        Image held = model.get(id);
        switch (random.nextInt(5)) {
          case 0 -> {
            if (held == null) {
              Image image = randomImage(random, id.value());
              catalog.add(image);
              model.put(id, image);
            }
          }
          case 1 -> {
            if (held != null) {
              // Same id, other values: the image moves between groups.
              Image image = randomImage(random, id.value());
              catalog.replace(image);
              model.put(id, image);
            }
          }
          case 2 -> {
            if (held != null && held.status() != ImageStatus.DELETED) {
              model.put(id, catalog.delete(id));
            }
          }
          case 3 -> {
            catalog.remove(id);
            model.remove(id);
          }
          default -> {
            Image image = randomImage(random, id.value());
            catalog.put(image);
            model.put(id, image);
          }
        }
      }
      assertPagesMatchAScan(random, catalog, model);
    }
  }

  @Test
  void aGroupThatGrowsPastAnArrayAndShrinksToNothingListsWhatItHolds() {
    InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().clock(CLOCK).build();
    ImageFilter ofServer = ImageFilter.builder().server("srv").build();
    List<Image> added = new ArrayList<>();
    for (int i = 0; i < 3 * FieldIndex.SMALL; i++) {
      Image image = FakeImages.snapshot(ServerId.of("srv"), "snap " + i, T0.plusSeconds(i)).build();
      catalog.add(image);
      added.add(0, image);
      assertThat(catalog.list(ofServer, PageRequest.first(1000)).items()).isEqualTo(added);
    }
    while (!added.isEmpty()) {
      Image image = added.remove(added.size() / 2);
      catalog.remove(image.id());
      assertThat(catalog.list(ofServer, PageRequest.first(1000)).items()).isEqualTo(added);
    }
    assertThat(catalog.list(ofServer, PageRequest.first(1000)).items()).isEmpty();
  }

  @Test
  void aSoftDeleteMovesTheImageOutOfTheDefaultListingButNotOutOfChangesSince() {
    Image snapshot = FakeImages.snapshot(ServerId.of("srv"), "nightly", T0).build();
    InMemoryImageCatalog catalog = InMemoryImageCatalog.builder().image(snapshot).clock(CLOCK).build();
    ImageFilter byName = ImageFilter.builder().name("nightly").build();

    Image deleted = catalog.delete(snapshot.id());

    assertThat(catalog.list(byName, PageRequest.first()).items()).isEmpty();
    assertThat(catalog.list(byName.toBuilder().changesSince(T0).build(), PageRequest.first()).items())
        .containsExactly(deleted);
    assertThat(catalog.list(ImageFilter.builder().status(ImageStatus.DELETED).changesSince(T0).build(),
            PageRequest.first()).items())
        .containsExactly(deleted);
  }
}
