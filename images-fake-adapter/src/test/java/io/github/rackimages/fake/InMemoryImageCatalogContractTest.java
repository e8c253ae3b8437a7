package io.github.rackimages.fake;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.tck.ImageCatalogContract;
import java.util.List;

/** The in-memory catalog passes the whole contract suite, call-count checks included. */
class InMemoryImageCatalogContractTest extends ImageCatalogContract {

  private InMemoryImageCatalog latest;

  @Override
  protected ImageCatalog catalogContaining(List<Image> images) {
    latest = InMemoryImageCatalog.builder().images(images).build();
    return latest;
  }

  @Override
  protected long serviceCalls() {
    return latest.callCount();
  }
}
