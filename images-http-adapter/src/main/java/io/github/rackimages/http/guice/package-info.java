/**
 * The Guice module of the HTTP adapter, {@link io.github.rackimages.http.guice.HttpImageCatalogModule}. Guice is an
 * optional dependency: only applications that install the module need it.
 */
package io.github.rackimages.http.guice;
