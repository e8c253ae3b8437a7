/**
 * The contract suite every {@link io.github.rackimages.core.ImageCatalog} must pass
 * ({@link io.github.rackimages.tck.ImageCatalogContract}) and deterministic test images
 * ({@link io.github.rackimages.tck.TestImages}). Adapter authors depend on it at test scope.
 *
 * <p>JUnit 5, its parameterized tests and AssertJ are transitive: a test that extends the contract needs nothing
 * else. The package is opened to JUnit so that a modular test run can reach the inherited test methods.
 */
module io.github.rackimages.tck {
  requires transitive io.github.rackimages.core;
  requires transitive org.junit.jupiter.api;
  requires transitive org.junit.jupiter.params;
  requires transitive org.assertj.core;

  exports io.github.rackimages.tck;

  opens io.github.rackimages.tck to
      org.junit.platform.commons;
}
