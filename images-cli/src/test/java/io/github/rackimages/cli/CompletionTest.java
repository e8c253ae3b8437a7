package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code images generate-completion}: a bash/zsh completion script to {@code source <(images generate-completion)}. */
class CompletionTest {

  @Test
  void generateCompletionPrintsAScriptThatCompletesTheSubcommandsAndTheirOptions() {
    CliRun run = CliRun.run("generate-completion");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_images")
        // zsh runs the same script through bashcompinit.
        .contains("bashcompinit")
        .contains("list", "show", "serve")
        .contains("--detail", "--status", "--changes-since", "--format", "--marker", "--catalog", "--port");
  }

  @Test
  void optionValuesCompleteToWhatTheCommandAccepts() {
    CliRun run = CliRun.run("generate-completion");

    // Only values the converters take: no ERROR, UNKNOWN or UNRECOGNIZED status (the service matches no image for
    // them), the glance statuses the API statuses do not already spell, formats spelled as the help spells them.
    assertThat(run.out())
        .contains(
            "(\"ACTIVE\" \"SAVING\" \"DELETED\" \"queued\" \"killed\" \"pending_delete\") # --status values")
        .contains("(\"base\" \"snapshot\") # --type values")
        .contains("(\"table\" \"json\" \"ids\") # --format values")
        .contains("(\"table\" \"json\") # --format values")
        .doesNotContain("UNRECOGNIZED", "\"ERROR\"", "\"UNKNOWN\"");
  }

  @Test
  void theUsageHelpListsIt() {
    CliRun run = CliRun.run("--help");

    assertThat(run.out()).contains("generate-completion");
  }
}
