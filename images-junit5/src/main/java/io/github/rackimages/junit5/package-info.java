/**
 * JUnit 5 support for testing against the image emulator: {@link EmulatedImages} on a test class, or
 * {@link ImageEmulatorExtension#builder()} with {@code @RegisterExtension}.
 */
package io.github.rackimages.junit5;
