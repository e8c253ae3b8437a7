package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every failure of a real service, against the emulator: exit codes, one line naming status, fault, message and
 * request id, no stack trace without --debug, and never a secret in anything printed, --debug included.
 */
class ErrorPathsTest {

  private static final String CANARY = "canary-api-key-0d9e6f3";
  private static final String CANARY_PASSWORD = "canary-password-7c4b21";
  private static final String CANARY_TOKEN = "canary-token-5a83c0e1";

  private final ImageEmulator emulator =
      ImageEmulator.builder()
          .catalog(InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).build())
          .port(0)
          .start();

  @AfterEach
  void stop() {
    emulator.stop();
  }

  private String identity() {
    return emulator.identityUrl().toString();
  }

  @ParameterizedTest(name = "debug={0}")
  @ValueSource(booleans = {false, true})
  void aWrongApiKeyIsAnAuthenticationErrorAndTheKeyIsNeverPrinted(boolean debug) {
    CliRun run =
        CliRun.run(
            Map.of("RACKSPACE_USERNAME", "demo", "RACKSPACE_API_KEY", CANARY),
            debug
                ? new String[] {"list", "--identity", identity(), "--debug"}
                : new String[] {"list", "--identity", identity()});

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.AUTHENTICATION);
    assertThat(run.out()).isEmpty();
    assertThat(run.all()).doesNotContain(CANARY);
    String last = run.err().lines().reduce((a, b) -> b).orElseThrow();
    assertThat(last).startsWith("images list: ").contains("401").contains("RACKSPACE_API_KEY");
    if (debug) {
      assertThat(run.err()).contains("debug: ").contains("\tat ");
    } else {
      assertThat(run.err().lines()).hasSize(1);
    }
  }

  @Test
  void aWrongPasswordGivenAsAnOptionIsNeverPrintedEither() {
    CliRun run =
        CliRun.run(
            "show", "00000000-0000-4000-8000-000000000000", "--identity", identity(), "--username", "demo",
            "--password", CANARY_PASSWORD, "--debug");

    assertThat(run.exitCode()).isEqualTo(ExitCode.AUTHENTICATION);
    assertThat(run.all()).doesNotContain(CANARY_PASSWORD);
  }

  @ParameterizedTest(name = "debug={0}")
  @ValueSource(booleans = {false, true})
  void aRefusedTokenIsAnAuthenticationErrorAndTheTokenIsNeverPrinted(boolean debug) {
    CliRun run =
        CliRun.run(
            Map.of("IMAGES_TOKEN", CANARY_TOKEN),
            debug
                ? new String[] {"list", "--endpoint", emulator.computeEndpoint().toString(), "--debug"}
                : new String[] {"list", "--endpoint", emulator.computeEndpoint().toString()});

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.AUTHENTICATION);
    assertThat(run.all()).doesNotContain(CANARY_TOKEN);
    assertThat(run.err()).contains("401").contains("IMAGES_TOKEN");
  }

  @Test
  void anUnavailableServiceIsAServiceErrorWithStatusFaultAndRequestId() {
    emulator.unavailableEvery(1);

    CliRun run =
        CliRun.run(
            "list", "--identity", identity(), "--username", "demo", "--api-key", "demo-api-key", "--max-attempts",
            "1");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILURE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("images list: ")
        .contains("503")
        .contains("serviceUnavailable")
        .contains("req-")
        .contains("try again later");
  }

  @Test
  void aThrottledServiceSaysWhenToTryAgain() {
    emulator.throttleEvery(1).retryAfter(java.time.Duration.ofSeconds(30));

    CliRun run =
        CliRun.run(
            "list", "--identity", identity(), "--username", "demo", "--api-key", "demo-api-key", "--max-attempts",
            "1");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILURE);
    assertThat(run.err()).contains("413").contains("overLimit").contains("try again in 30 s");
  }

  @Test
  void aWalkThatFailsMidwaySaysWhereToResume() {
    CliRun first =
        CliRun.run(
            "list", "--format", "ids", "--limit", "5", "--identity", identity(), "--username", "demo", "--api-key",
            "demo-api-key");
    emulator.unavailableEvery(2);
    emulator.resetRequestCounts();

    CliRun run =
        CliRun.run(
            "list", "--all", "--format", "ids", "--limit", "5", "--identity", identity(), "--username", "demo",
            "--api-key", "demo-api-key", "--max-attempts", "1");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILURE);
    assertThat(run.outLines()).isNotEmpty().isSubsetOf(SampleCatalogs.rackspace().stream().map(i -> i.id().value()).toList());
    String lastDelivered = run.outLines().get(run.outLines().size() - 1);
    assertThat(run.err())
        .contains("resume the walk after marker " + lastDelivered)
        .contains("add --marker " + lastDelivered + " to go on from there");
    assertThat(first.outLines()).hasSize(5);
  }

  @Test
  void anUnknownMarkerIsTheServicesRefusalOverHttp() {
    CliRun run =
        CliRun.run(
            "list", "--marker", "00000000-0000-4000-8000-000000000000", "--identity", identity(), "--username",
            "demo", "--api-key", "demo-api-key");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILURE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("images list: ")
        .contains("HTTP 400 badRequest \"marker [00000000-0000-4000-8000-000000000000] not found\"", "(request req-")
        .contains("the service rejected the request: check the filters and --marker");
  }

  @Test
  void anUnknownIdIsNotFoundOverHttpToo() {
    CliRun run =
        CliRun.run(
            "show", "00000000-0000-4000-8000-000000000000", "--identity", identity(), "--username", "demo",
            "--api-key", "demo-api-key");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(run.err()).contains("no image with id 00000000-0000-4000-8000-000000000000 in " + identity());
  }

  @Test
  void debugShowsTheRequestsButNeverTheKey() {
    CliRun run =
        CliRun.run(
            Map.of("RACKSPACE_USERNAME", "demo", "RACKSPACE_API_KEY", "demo-api-key"),
            "list", "--identity", identity(), "--max", "2", "--debug");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).contains("debug: io.github.rackimages.http").contains("/images");
    assertThat(run.err()).doesNotContain("demo-api-key");
    assertThat(run.outLines()).hasSize(3);
  }

  @Test
  void aPipedSuccessfulRunPrintsNothingOnStderr() {
    CliRun run =
        CliRun.run(
            Map.of("RACKSPACE_USERNAME", "demo", "RACKSPACE_PASSWORD", "demo-password"),
            "list", "--identity", identity(), "--region", "DFW", "--detail", "--all", "--limit", "10");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).hasSize(56);
  }
}
