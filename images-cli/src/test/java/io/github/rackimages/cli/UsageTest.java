package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, version, and every kind of usage error: exit code 2, one line on stderr naming the problem. */
class UsageTest {

  static Stream<Arguments> badUsages() {
    return Stream.of(
        Arguments.of(List.of("list", "--limit", "0"), "--limit must be between 1 and 1000: 0"),
        Arguments.of(List.of("list", "--limit", "1001"), "--limit must be between 1 and 1000: 1001"),
        Arguments.of(List.of("list", "--limit", "ten"), "'ten' is not an int"),
        Arguments.of(List.of("list", "--max", "0"), "--max must be at least 1: 0"),
        Arguments.of(List.of("list", "--min-disk", "-1"), "minDisk must be >= 0: -1"),
        Arguments.of(List.of("list", "--min-ram", "-5"), "minRam must be >= 0: -5"),
        Arguments.of(List.of("list", "--status", "RUNNING"), "'RUNNING' is not an image status"),
        Arguments.of(List.of("list", "--type", "kernel"), "'kernel' is not an image type"),
        Arguments.of(List.of("list", "--changes-since", "yesterday"), "'yesterday' is not an ISO-8601 date-time"),
        Arguments.of(List.of("list", "--changes-since", "2025-13-01"), "is not an ISO-8601 date-time"),
        Arguments.of(List.of("list", "--format", "xml"), "'xml' is not a format"),
        Arguments.of(List.of("list", "--name", ""), "name must not be empty"),
        Arguments.of(List.of("list", "--server", " "), "server must not be blank"),
        Arguments.of(List.of("list", "--marker", " "), "--marker must not be blank"),
        Arguments.of(List.of("list", "--bogus"), "unknown option '--bogus'"),
        Arguments.of(List.of("list", "extra"), "unexpected argument 'extra'"),
        Arguments.of(List.of("frobnicate"), "unknown command 'frobnicate'"),
        Arguments.of(List.of("list", "--catalog", "no-such-file.json"), "catalog file no-such-file.json does not exist"),
        Arguments.of(List.of("list", "--catalog", "x.json", "--sample"), "--catalog and --sample name two sources"),
        Arguments.of(List.of("show", " "), "the image id must not be blank"));
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
