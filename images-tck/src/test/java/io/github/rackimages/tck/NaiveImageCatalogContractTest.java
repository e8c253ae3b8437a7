package io.github.rackimages.tck;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import java.util.List;

/** Runs the whole contract against the naive reference catalog: the suite is green on a correct catalog. */
class NaiveImageCatalogContractTest extends ImageCatalogContract {

  private NaiveImageCatalog latest;

  @Override
  protected ImageCatalog catalogContaining(List<Image> images) {
    latest = new NaiveImageCatalog(images);
    return latest;
  }

  @Override
  protected long serviceCalls() {
    return latest.calls();
  }
}
