package io.github.rackimages.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The extension's lifecycle, seen from outside: the {@link Scenarios} classes are run through the JUnit launcher
 * and their outcome, report entries and emulators inspected after the run.
 */
class ImageEmulatorExtensionTest {

  /** What one run of a scenario class produced. */
  private record Run(TestExecutionSummary summary, List<String> uris, List<Throwable> failures) {}

  private static Run run(Class<?> scenario) {
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    List<String> uris = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    TestExecutionListener recorder =
        new TestExecutionListener() {
          @Override
          public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
            entry.getKeyValuePairs().forEach((k, v) -> uris.add(v));
          }

          @Override
          public void executionFinished(TestIdentifier test, TestExecutionResult result) {
            result.getThrowable().ifPresent(failures::add);
          }
        };
    Launcher launcher = LauncherFactory.create();
    launcher.execute(LauncherDiscoveryRequestBuilder.request()
            .selectors(selectClass(scenario))
            .configurationParameter(Scenarios.RUN_SCENARIOS, "true")
            .build(), summary,
        recorder);
    return new Run(summary.getSummary(), uris, failures);
  }

  private static boolean listening(String uri) {
    URI u = URI.create(uri);
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(u.getHost(), u.getPort()), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** One emulator for the whole class, stopped once the class is done. */
  @Test
  void oneEmulatorPerClassStoppedAfterIt() {
    Run run = run(Scenarios.PublishesItsEmulator.class);

    assertThat(run.summary().getTestsSucceededCount()).isEqualTo(2);
    assertThat(run.uris()).hasSize(2).containsOnly(run.uris().get(0));
    assertThat(listening(run.uris().get(0))).as("still listening after the class").isFalse();
  }

  /** Two runs of a class get two emulators (nothing is kept between runs). */
  @Test
  void eachRunStartsItsOwnEmulator() {
    Run first = run(Scenarios.PublishesItsEmulator.class);
    Run second = run(Scenarios.PublishesItsEmulator.class);

    assertThat(first.uris().get(0)).isNotEqualTo(second.uris().get(0));
  }

  @Test
  void theAnnotationsAttributesApply() {
    Run run = run(Scenarios.Attributes.class);

    assertThat(run.failures()).isEmpty();
    assertThat(run.summary().getTestsSucceededCount()).isEqualTo(1);
  }

  @Test
  void theResetCanBeTurnedOff() {
    Run run = run(Scenarios.NoReset.class);

    assertThat(run.failures()).isEmpty();
    assertThat(run.summary().getTestsSucceededCount()).isEqualTo(2);
  }

  @Test
  void aBadTokenLifetimeFailsTheClassWithAClearMessage() {
    Run run = run(Scenarios.BadLifetime.class);

    assertThat(run.summary().getTestsSucceededCount()).isZero();
    assertThat(run.failures())
        .singleElement()
        .satisfies(e -> assertThat(e).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("tokenLifetime = \"24 hours\""));
  }

  /** With one test instance per class, the constructor asks first; the emulator is still stopped after the class. */
  @Test
  void constructorInjectionWithOneInstancePerClass() {
    Run run = run(Scenarios.PerClassConstructorInjection.class);

    assertThat(run.failures()).isEmpty();
    assertThat(run.summary().getTestsSucceededCount()).isEqualTo(1);
    assertThat(listening(run.uris().get(0))).isFalse();
  }

  @Test
  void otherParameterTypesAreNotClaimed() {
    Run run = run(Scenarios.UnsupportedParameter.class);

    assertThat(run.failures())
        .singleElement()
        .satisfies(e -> assertThat(e).hasMessageContaining("No ParameterResolver registered for parameter"));
  }
}
