package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every bad value in the command line's own words: one line naming the option, the value and what is accepted,
 * never picocli's or Java's phrasing, exit 2.
 */
class BadValueTest {

  static Stream<Arguments> badValues() {
    return Stream.of(
        bad("list --limit abc", "--limit 'abc' is not a whole number; use 1 to 1000"),
        bad("list --limit 0", "--limit '0' is out of range; use 1 to 1000"),
        bad("list --limit 5000", "--limit '5000' is out of range; use 1 to 1000"),
        bad("list --limit 99999999999", "--limit '99999999999' is out of range; use 1 to 1000"),
        bad("list --max -1", "--max '-1' is out of range; use 1 or more"),
        bad("list --max 0", "--max '0' is out of range; use 1 or more"),
        bad("list --max lots", "--max 'lots' is not a whole number; use 1 or more"),
        bad("list --min-disk x", "--min-disk 'x' is not a whole number; use 0 or more"),
        bad("list --min-disk -1", "--min-disk '-1' is out of range; use 0 or more"),
        bad("list --min-disk 3000000000", "--min-disk '3000000000' is too large; use at most 2147483647"),
        bad("list --min-ram 1.5", "--min-ram '1.5' is not a whole number; use 0 or more"),
        bad(
            "list --status bogus",
            "--status 'bogus' is not an image status; use ACTIVE, SAVING, DELETED, or a glance status: queued, "
                + "saving, active, killed, deleted, pending_delete"),
        bad(
            "list --status ERROR",
            "--status 'ERROR' matches no image: the service compares glance statuses; failed (ERROR) images are "
                + "--status killed, listed only with --changes-since"),
        bad(
            "list --status error --changes-since 2000-01-01",
            "--status 'error' matches no image: the service compares glance statuses; failed (ERROR) images are "
                + "--status killed, listed only with --changes-since"),
        bad(
            "list --status UNKNOWN",
            "--status 'UNKNOWN' matches no image: the service compares glance statuses; failed (ERROR) images are "
                + "--status killed, listed only with --changes-since"),
        bad(
            "list --status UNRECOGNIZED",
            "--status 'UNRECOGNIZED' is not an image status; use ACTIVE, SAVING, DELETED, or a glance status: "
                + "queued, saving, active, killed, deleted, pending_delete"),
        bad("list --property os_type", "--property 'os_type' is not KEY=VALUE; use e.g. --property os_distro=ubuntu"),
        bad(
            "list --property =linux",
            "--property '=linux' is not KEY=VALUE: the key is empty; use e.g. --property os_distro=ubuntu"),
        bad("list --type x", "--type 'x' is not an image type; use base or snapshot"),
        bad(
            "list --changes-since yesterday",
            "--changes-since 'yesterday' is not an ISO-8601 date-time; use e.g. 2025-06-01T12:00:00Z, "
                + "2025-06-01T14:00+02:00 or 2025-06-01"),
        bad(
            "list --changes-since 2025-13-01",
            "--changes-since '2025-13-01' is not an ISO-8601 date-time; use e.g. 2025-06-01T12:00:00Z, "
                + "2025-06-01T14:00+02:00 or 2025-06-01"),
        bad("list --format xml", "--format 'xml' is not a format; use table, json or ids"),
        bad("show x --format xml", "--format 'xml' is not a format; use table or json"),
        bad("show x --format ids", "--format 'ids' is for list only; use table or json"),
        bad("list --endpoint ::x", "--endpoint '::x' is not a URL; use e.g. https://host/path"),
        bad("list --timeout soon", "--timeout 'soon' is not a whole number"),
        bad("serve --port 99999", "--port '99999' is out of range; use 0 to 65535"),
        bad("serve --port http", "--port 'http' is not a whole number; use 0 to 65535"),
        bad("serve --images -1", "--images '-1' is out of range; use 0 or more"),
        bad("serve --seed x", "--seed 'x' is not a whole number"),
        bad("serve --latency -1", "--latency '-1' is out of range; use 0 or more"),
        bad("serve --retry-after -5", "--retry-after '-5' is out of range; use 0 or more"),
        bad("serve --throttle-every -1", "--throttle-every '-1' is out of range; use 0 or more"),
        bad("serve --unavailable-every x", "--unavailable-every 'x' is not a whole number; use 0 or more"),
        bad(
            "serve --token-lifetime soon",
            "--token-lifetime 'soon' is not a duration; use seconds, or 90s, 15m, 24h, or ISO-8601 such as PT1H"),
        bad(
            "serve --token-lifetime 0s",
            "--token-lifetime '0s' is not a positive duration; use seconds, or 90s, 15m, 24h, or ISO-8601 such as "
                + "PT1H"));
  }

  private static Arguments bad(String commandLine, String message) {
    return Arguments.of(commandLine, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void aBadValueIsNamedWithWhatIsAcceptedAndExitsTwo(String commandLine, String message) {
    String[] args = commandLine.split(" ");
    String command = "images " + args[0];

    CliRun run = CliRun.run(args);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).containsExactly(command + ": " + message + " (see '" + command + " --help')");
  }

  static Stream<Arguments> emptyOrBlankValues() {
    return Stream.of(
        Arguments.of(List.of("list", "--name", ""), "images list: --name '' is empty; use an image's exact name"),
        Arguments.of(List.of("list", "--server", " "), "images list: --server ' ' is blank; use a server id or URL"),
        Arguments.of(List.of("list", "--marker", " "), "images list: --marker ' ' is blank; use an image id"),
        Arguments.of(List.of("show", " "), "images show: ID ' ' is blank; use an image id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("emptyOrBlankValues")
  void anEmptyOrBlankValueIsNamedToo(List<String> args, String message) {
    CliRun run = CliRun.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    String command = "images " + args.get(0);
    assertThat(run.err().lines()).containsExactly(message + " (see '" + command + " --help')");
  }

  /** Options added later are held to the same rule: a typed option never lets picocli's or Java's text through. */
  @Test
  void noTypedOptionOfAnyCommandSpeaksPicocliOrJava() {
    CommandLine root = ImagesCommand.commandLine(new Invocation(Map.of(), System.out, System.err, Terminal.piped()));
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, CommandLine> sub : root.getSubcommands().entrySet()) {
      for (OptionSpec option : sub.getValue().getCommandSpec().options()) {
        Class<?> type = option.type();
        if (option.arity().max() < 1 || type == String.class || type == Path.class) {
          continue;
        }
        String name = option.longestName();
        CliRun run = CliRun.run(sub.getKey(), name, "%bogus%");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err().lines()).as(run.toString()).hasSize(1);
        assertThat(run.err())
            .as(run.toString())
            .startsWith("images " + sub.getKey() + ": " + name + " '%bogus%' is not ")
            .doesNotContain("Invalid value", "Exception", "java.", "cannot convert");
        checked.add(sub.getKey() + " " + name);
      }
    }
    assertThat(checked)
        .contains("list --limit", "list --endpoint", "list --status", "list --property", "list --insecure-http-host",
            "serve --port", "serve --token-lifetime");
  }
}
