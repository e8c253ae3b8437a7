/**
 * The Rackspace-compatible emulator: {@link io.github.rackimages.emulator.ImageEmulator} and its builder. Every
 * other type of this package is an implementation detail.
 *
 * <p><b>Non-null by default.</b> No public method accepts or returns {@code null}.
 */
package io.github.rackimages.emulator;
