/**
 * Example programs, each run by a test: an application service tested against the in-memory adapter
 * ({@link io.github.rackimages.examples.LatestImageFinder}) and an adapter written by a user that passes the
 * contract suite ({@link io.github.rackimages.examples.CachingImageCatalog}). Every type is non-null by default:
 * no parameter accepts and no method returns {@code null} unless its Javadoc says so.
 */
package io.github.rackimages.examples;
