package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A listing that matches nothing succeeds (exit 0). A person at a terminal is told so on stderr; piped output stays
 * as a script expects it (nothing, or an empty JSON list) with nothing on stderr.
 */
class EmptyResultTest {

  @Test
  void aTerminalIsToldThatNothingMatches() {
    CliRun run = CliRun.run(Map.of(), Terminal.interactive(100), "list", "--name", "nothing like it");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).containsExactly("no images match");
  }

  @Test
  void aTerminalIsToldWhyADeletedOrErrorStatusMatchesNothingWithoutChangesSince() {
    CliRun run = CliRun.run(Map.of(), Terminal.interactive(100), "list", "--status", "deleted");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly("no images match; DELETED and ERROR images are listed only with --changes-since");
  }

  @Test
  void aTerminalIsToldWhyAKilledStatusMatchesNothingWithoutChangesSince() {
    CliRun run = CliRun.run(Map.of(), Terminal.interactive(100), "list", "--status", "killed");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .containsExactly("no images match; DELETED and ERROR images are listed only with --changes-since");
  }

  @ParameterizedTest(name = "--format {0}")
  @CsvSource(delimiter = '|', value = {"table|''", "ids|''", "json|'{\"images\":[]}\n'"})
  void pipedOutputOfAnEmptyListingIsEmptyAndStderrSilent(String format, String expected) {
    CliRun run = CliRun.run("list", "--name", "nothing like it", "--format", format);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(expected);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void pipedOutputOfADeletedStatusWithoutChangesSinceIsSilentToo() {
    CliRun run = CliRun.run("list", "--status", "deleted", "--format", "ids");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
  }
}
