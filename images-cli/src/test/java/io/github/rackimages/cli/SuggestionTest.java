package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A mistyped command or option: one line saying what is unknown, then the nearest names, exit 2. */
class SuggestionTest {

  static Stream<Arguments> typos() {
    return Stream.of(
        Arguments.of(List.of("lst"), "images: unknown command 'lst' (see 'images --help')", "Did you mean: list?"),
        Arguments.of(List.of("sevre"), "images: unknown command 'sevre' (see 'images --help')", "Did you mean: serve?"),
        Arguments.of(
            List.of("shwo", "x"), "images: unknown command 'shwo' (see 'images --help')", "Did you mean: show?"),
        Arguments.of(
            List.of("generate-complete"),
            "images: unknown command 'generate-complete' (see 'images --help')",
            "Did you mean: generate-completion?"),
        Arguments.of(
            List.of("list", "--detial"),
            "images list: unknown option '--detial' (see 'images list --help')",
            "Did you mean: --detail?"),
        Arguments.of(
            List.of("list", "--lmit", "3"),
            "images list: unknown option '--lmit' (see 'images list --help')",
            "Did you mean: --limit?"),
        Arguments.of(
            List.of("list", "--al"),
            "images list: unknown option '--al' (see 'images list --help')",
            "Did you mean: --all?"),
        Arguments.of(
            List.of("list", "--stauts=ACTIVE"),
            "images list: unknown option '--stauts=ACTIVE' (see 'images list --help')",
            "Did you mean: --status?"),
        Arguments.of(
            List.of("serve", "--prot", "0"),
            "images serve: unknown option '--prot' (see 'images serve --help')",
            "Did you mean: --port?"),
        Arguments.of(
            List.of("--versoin"),
            "images: unknown option '--versoin' (see 'images --help')",
            "Did you mean: --version?"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typos")
  void aTypoIsNamedAndTheNearestNameSuggested(List<String> args, String error, String suggestion) {
    CliRun run = CliRun.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).containsExactly(error, suggestion);
  }

  @Test
  void nothingIsSuggestedWhenNothingIsNear() {
    CliRun run = CliRun.run("frobnicate");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().lines()).containsExactly("images: unknown command 'frobnicate' (see 'images --help')");
  }

  @Test
  void anArgumentACommandDoesNotTakeIsNamed() {
    CliRun run = CliRun.run("list", "extra");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().lines())
        .containsExactly("images list: unexpected argument 'extra' (see 'images list --help')");
  }

  @Test
  void aSecondIdForShowIsAnUnexpectedArgument() {
    CliRun run = CliRun.run("show", "a", "b");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().lines()).containsExactly("images show: unexpected argument 'b' (see 'images show --help')");
  }
}
