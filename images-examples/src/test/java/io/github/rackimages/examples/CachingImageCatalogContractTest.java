package io.github.rackimages.examples;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.tck.ImageCatalogContract;
import java.time.Duration;
import java.util.List;

/**
 * A user's adapter proves itself the way the library's own do: by extending the contract suite. The calls counted
 * are the ones the cache receives (answered from memory or passed on), so the suite's laziness checks apply to the
 * streams built on it.
 */
class CachingImageCatalogContractTest extends ImageCatalogContract {

  private CachingImageCatalog cache;

  @Override
  protected ImageCatalog catalogContaining(List<Image> images) {
    cache = CachingImageCatalog.of(InMemoryImageCatalog.builder().images(images).build(), Duration.ofMinutes(5));
    return cache;
  }

  @Override
  protected long serviceCalls() {
    return cache.hits() + cache.misses();
  }
}
