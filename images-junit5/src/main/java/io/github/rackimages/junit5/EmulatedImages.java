package io.github.rackimages.junit5;

import io.github.rackimages.emulator.ImageEmulator;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a local image emulator: {@link ImageEmulatorExtension} starts one before the class's
 * first test, stops it after its last, and injects test-method and constructor parameters of these types.
 *
 * <ul>
 *   <li>{@link io.github.rackimages.core.ImageCatalog} or {@link io.github.rackimages.http.HttpImageCatalog}: an
 *       HTTP client pointed at the emulator, authenticated through its identity service as the default user;
 *   <li>{@link io.github.rackimages.fake.InMemoryImageCatalog}: the catalog the emulator serves, to declare images
 *       ({@code add}) and script faults ({@code failNext});
 *   <li>{@link ImageEmulator}: the server itself, for its fault switches, request counts and URLs.
 * </ul>
 *
 * <pre>{@code
 * @EmulatedImages
 * class SnapshotReportTest {
 *   @Test
 *   void listsTheNightlySnapshots(ImageCatalog catalog, InMemoryImageCatalog backing) {
 *     backing.add(FakeImages.snapshot(ServerId.of("87487601-1968-4d3c-b2fa-3034b0d9e6f3"), "web01 nightly").build());
 *     assertThat(new SnapshotReport(catalog).names()).containsExactly("web01 nightly");
 *   }
 * }
 * }</pre>
 *
 * <p>Unless {@link #resetBeforeEach()} is false, every test starts from the same state: see
 * {@link ImageEmulatorExtension}. On a {@code @Nested} class, the enclosing class's emulator is shared.
 *
 * @since 1.0
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ImageEmulatorExtension.class)
public @interface EmulatedImages {

  /** Whether the catalog starts with the realistic sample account ({@code SampleCatalogs.rackspace()}); else empty. */
  boolean sample() default false;

  /** The tenant (account number) the emulator serves. */
  String tenantId() default ImageEmulator.DEFAULT_TENANT_ID;

  /** How long the emulator's tokens are valid, in ISO-8601 ({@code PT24H}, {@code PT5S}). */
  String tokenLifetime() default "PT24H";

  /**
   * Whether the emulator and its catalog are put back to their starting state before each test (the default);
   * false lets tests of the class see each other's changes.
   */
  boolean resetBeforeEach() default true;
}
