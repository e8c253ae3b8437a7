package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Help, version, and usage errors other than a bad value (see {@link BadValueTest}): exit code 2, one line on
 * stderr naming the problem.
 */
class UsageTest {

  static Stream<Arguments> badUsages() {
    return Stream.of(
        Arguments.of(List.of("list", "--bogus"), "unknown option '--bogus'"),
        Arguments.of(List.of("list", "extra"), "unexpected argument 'extra'"),
        Arguments.of(List.of("frobnicate"), "unknown command 'frobnicate'"),
        Arguments.of(List.of("list", "--catalog", "no-such-file.json"), "catalog file no-such-file.json does not exist"),
        Arguments.of(List.of("list", "--catalog", "x.json", "--sample"), "--catalog and --sample name two sources"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badUsages")
  void aBadOptionOrValueIsAUsageErrorOnOneLine(List<String> args, String expected) {
    CliRun run = CliRun.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains(expected).contains("--help'").doesNotContain("\tat ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "list", "show", "serve"})
  void helpIsEverywhereAndExitsZero(String command) {
    String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};

    CliRun run = CliRun.run(args);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: images").contains("--help").contains("--version");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void listHelpNamesEveryOption() {
    CliRun run = CliRun.run("list", "--help");

    assertThat(run.out())
        .contains("--detail", "--name", "--status", "--type", "--server", "--changes-since", "--min-disk",
            "--min-ram", "--limit", "--marker", "--all", "--max", "--format", "--catalog", "--debug");
  }

  @Test
  void theCommandAloneShowsItsUsage() {
    CliRun run = CliRun.run();

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: images").contains("list").contains("show");
  }

  @Test
  void versionComesFromTheBuild() {
    CliRun run = CliRun.run("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("images ").doesNotContain("${").doesNotContain("unknown");
    assertThat(run.outLines().get(0)).matches("images \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
  }
}
