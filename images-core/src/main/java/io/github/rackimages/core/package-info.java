/**
 * The domain of cloud server images and the {@link io.github.rackimages.core.ImageCatalog} port.
 *
 * <p><b>Non-null by default.</b> No method in this package accepts or returns {@code null} unless its Javadoc
 * says so; absence is expressed with {@link java.util.Optional} in return values and collections are empty,
 * never null. Every value type is immutable, validates its arguments in its constructor or factory (with a
 * message naming the bad value) and copies the collections it is given.
 */
package io.github.rackimages.core;
