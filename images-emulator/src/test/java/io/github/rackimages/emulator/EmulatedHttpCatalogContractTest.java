package io.github.rackimages.emulator;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.auth.RackspaceIdentityAuthenticator;
import io.github.rackimages.tck.ImageCatalogContract;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The contract suite over the wire, both directions of the wire format at once: the HTTP adapter, authenticating
 * with an API key at the emulator's identity service, lists from an emulator that serves an in-memory catalog of
 * the suite's images.
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
    return HttpImageCatalog.builder()
        .authenticator(
            RackspaceIdentityAuthenticator.builder()
                .identityUrl(emulator.identityUrl())
                .apiKey(ImageEmulator.DEFAULT_USERNAME, ImageEmulator.DEFAULT_API_KEY)
                .build())
        .build();
  }

  /** The images requests the emulator received: what the adapter's calls cost on the wire (identity apart). */
  @Override
  protected long serviceCalls() {
    return latest.imagesRequestCount();
  }

  @AfterEach
  void stopEmulators() {
    emulators.forEach(ImageEmulator::stop);
    emulators.clear();
  }
}
