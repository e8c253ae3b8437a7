package io.github.rackimages.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.FakeImages;
import io.github.rackimages.fake.InMemoryImageCatalog;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test classes that {@link ImageEmulatorExtensionTest} runs through the launcher and inspects; they report what
 * they saw as report entries. Run any other way (an IDE, {@code -Dtest=...}), they are skipped.
 */
final class Scenarios {

  /** The configuration parameter the launcher run sets. */
  static final String RUN_SCENARIOS = "images.junit5.scenarios";

  private Scenarios() {}

  /** Enables a scenario only in a run that sets {@link #RUN_SCENARIOS}; evaluated before any extension starts. */
  static final class OnlyWhenLaunched implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(RUN_SCENARIOS).isPresent()
          ? ConditionEvaluationResult.enabled("run by ImageEmulatorExtensionTest")
          : ConditionEvaluationResult.disabled("a scenario of ImageEmulatorExtensionTest");
    }
  }

  /** Publishes where its emulator listens, so the outer test can check it is stopped after the class. */
  @ExtendWith(OnlyWhenLaunched.class)
  @EmulatedImages
  static class PublishesItsEmulator {
    @Test
    void first(ImageEmulator emulator, TestReporter reporter) {
      reporter.publishEntry("uri", emulator.uri().toString());
    }

    @Test
    void second(ImageEmulator emulator, TestReporter reporter) {
      reporter.publishEntry("uri", emulator.uri().toString());
    }
  }

  /** The annotation's attributes. */
  @ExtendWith(OnlyWhenLaunched.class)
  @EmulatedImages(sample = true, tenantId = "9876", tokenLifetime = "PT5S")
  static class Attributes {
    @Test
    void apply(ImageEmulator emulator, InMemoryImageCatalog backing, ImageCatalog catalog) {
      assertThat(emulator.tenantId()).isEqualTo("9876");
      assertThat(backing.size()).isGreaterThan(10);
      assertThat(catalog.stream(ImageFilter.all()).count()).isPositive();
    }
  }

  /** With the reset off, a test sees what the previous one left. */
  @ExtendWith(OnlyWhenLaunched.class)
  @EmulatedImages(resetBeforeEach = false)
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class NoReset {
    @Test
    @Order(1)
    void leaves(InMemoryImageCatalog backing, ImageEmulator emulator) {
      backing.add(FakeImages.base("left behind").build());
      emulator.latency(Duration.ofMillis(1));
    }

    @Test
    @Order(2)
    void finds(InMemoryImageCatalog backing, ImageEmulator emulator) {
      assertThat(backing.size()).isEqualTo(1);
      assertThat(emulator.latency()).isEqualTo(Duration.ofMillis(1));
    }
  }

  /** A bad token lifetime fails the class with a message that names the attribute. */
  @ExtendWith(OnlyWhenLaunched.class)
  @EmulatedImages(tokenLifetime = "24 hours")
  static class BadLifetime {
    @Test
    void neverRuns() {}
  }

  /** Plain {@code @ExtendWith}, one instance per class, the emulator injected into the constructor. */
  @ExtendWith(OnlyWhenLaunched.class)
  @ExtendWith(ImageEmulatorExtension.class)
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClassConstructorInjection {
    private final ImageEmulator emulator;

    PerClassConstructorInjection(ImageEmulator emulator) {
      this.emulator = emulator;
    }

    @Test
    void sameEmulatorAsTheParameter(ImageEmulator parameter, TestReporter reporter) {
      assertThat(parameter).isSameAs(emulator);
      assertThat(emulator.tenantId()).isEqualTo(ImageEmulator.DEFAULT_TENANT_ID);
      reporter.publishEntry("uri", emulator.uri().toString());
    }
  }

  /** A parameter type the extension does not offer is left to other resolvers (and so fails here). */
  @ExtendWith(OnlyWhenLaunched.class)
  @EmulatedImages
  static class UnsupportedParameter {
    @Test
    void wantsAString(String notOffered) {}
  }
}
