/**
 * The HTTP adapter's API: {@link io.github.rackimages.http.HttpImageCatalog} (the
 * {@link io.github.rackimages.core.ImageCatalog} port over Rackspace Cloud Servers / OpenStack Compute v2),
 * {@link io.github.rackimages.http.RetryPolicy} and {@link io.github.rackimages.http.HttpCatalogConfig}.
 *
 * <p><b>Non-null by default.</b> No method in this package accepts or returns {@code null} unless its Javadoc
 * says so; absence is expressed with {@link java.util.Optional} in return values.
 *
 * <p><b>Secrets.</b> Tokens, API keys and passwords never appear in an exception message, a log line or a
 * {@code toString()}.
 */
package io.github.rackimages.http;
