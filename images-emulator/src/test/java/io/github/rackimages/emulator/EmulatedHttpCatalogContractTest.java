package io.github.rackimages.emulator;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.auth.RackspaceIdentityAuthenticator;
import io.github.rackimages.tck.ImageCatalogContract;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract suite over the wire, both directions of the wire format at once: the HTTP adapter, authenticating
 * with an API key at the emulator's identity service, lists from an emulator that serves an in-memory catalog of
 * the suite's images.
 *
 * <p>The emulator writes every link from the request, as Nova does, not the links the suite's images carry
 * ({@link LinksTest} checks them); so that the suite's equality checks still cover every other field, the links that
 * come back are put back to the suite's own, by image id.
 */
class EmulatedHttpCatalogContractTest extends ImageCatalogContract {

  private final List<ImageEmulator> emulators = new ArrayList<>();
  private ImageEmulator latest;

  @Override
  protected ImageCatalog catalogContaining(List<Image> images) {
    ImageEmulator emulator =
        ImageEmulator.builder().catalog(InMemoryImageCatalog.builder().images(images).build()).start();
    emulators.add(emulator);
    latest = emulator;
    ImageCatalog http =
        HttpImageCatalog.builder()
            .authenticator(
                RackspaceIdentityAuthenticator.builder()
                    .identityUrl(emulator.identityUrl())
                    .apiKey(ImageEmulator.DEFAULT_USERNAME, ImageEmulator.DEFAULT_API_KEY)
                    .build())
            .build();
    return new OriginalLinks(http, images);
  }

  /** The images requests the emulator received: what the adapter's calls cost on the wire (identity apart). */
  @Override
  protected long serviceCalls() {
    return latest.imagesRequestCount();
  }

  /** A catalog whose images get back the links of the suite's images of the same id. */
  private static final class OriginalLinks implements ImageCatalog {
    private final ImageCatalog wire;
    private final Map<ImageId, Image> originals = new HashMap<>();

    OriginalLinks(ImageCatalog wire, List<Image> images) {
      this.wire = wire;
      images.forEach(i -> originals.put(i.id(), i));
    }

    @Override
    public Page<Image> list(ImageFilter filter, PageRequest page) {
      Page<Image> got = wire.list(filter, page);
      return same(got, got.items().stream().map(this::restore).toList());
    }

    @Override
    public Page<ImageSummary> listSummaries(ImageFilter filter, PageRequest page) {
      Page<ImageSummary> got = wire.listSummaries(filter, page);
      List<ImageSummary> items =
          got.items().stream()
              .map(
                  s ->
                      originals.containsKey(s.id())
                          ? ImageSummary.of(s.id(), s.name().orElse(null), originals.get(s.id()).links())
                          : s)
              .toList();
      return same(got, items);
    }

    @Override
    public Optional<Image> find(ImageId id) {
      return wire.find(id).map(this::restore);
    }

    private static <T> Page<T> same(Page<?> got, List<T> items) {
      return got.nextMarker().isPresent() ? Page.of(items, got.nextMarker().get()) : Page.last(items);
    }

    private Image restore(Image image) {
      Image original = originals.get(image.id());
      if (original == null) {
        return image;
      }
      Image.Builder b = image.toBuilder().links(original.links());
      if (image.server().isPresent() && original.server().isPresent()) {
        b.server(original.server().get());
      }
      return b.build();
    }
  }

  @AfterEach
  void stopEmulators() {
    emulators.forEach(ImageEmulator::stop);
    emulators.clear();
  }
}
