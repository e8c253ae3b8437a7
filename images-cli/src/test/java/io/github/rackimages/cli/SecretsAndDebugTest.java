package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code --debug} output and the masking of secrets in everything the command line prints itself. */
class SecretsAndDebugTest {

  private static final String CANARY = "canary-5ecret-7f3a";

  @Test
  void aSecretEchoedInAUsageErrorIsMasked() {
    CliRun run = CliRun.run(Map.of("RACKSPACE_API_KEY", CANARY), "list", CANARY);

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("unexpected argument").contains(Redactor.MASK);
    assertThat(run.all()).doesNotContain(CANARY);
  }

  @Test
  void redactorMasksEveryKnownSecretLongestFirstButNotTrivialValues() {
    Redactor redactor = new Redactor();
    redactor.add("abcd");
    redactor.add("abcdefgh");
    redactor.add("    ");
    redactor.add("xy");
    redactor.add(null);

    assertThat(redactor.redact("key=abcdefgh, other=abcd, xy and     stay"))
        .isEqualTo("key=****, other=****, xy and     stay");
  }

  @Test
  void debugSendsTheLibrarysDebugLogToStderrMaskedAndStopsAfterwards() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Redactor redactor = new Redactor();
    redactor.add(CANARY);
    System.Logger logger = System.getLogger("io.github.rackimages.http");

    DebugLogging logging = DebugLogging.enable(err, redactor);
    try {
      logger.log(Level.DEBUG, "GET /v2/123456/images?limit=5 -> 200 (request req-1) with " + CANARY);
      logger.log(Level.TRACE, "too fine to show");
    } finally {
      logging.close();
    }
    logger.log(Level.DEBUG, "after --debug ended");

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .contains("debug: io.github.rackimages.http: GET /v2/123456/images?limit=5 -> 200 (request req-1) with ****")
        .doesNotContain(CANARY)
        .doesNotContain("too fine")
        .doesNotContain("after --debug");
  }

  @Test
  void debugAddsTheStackTraceToAFailure() {
    CliRun plain = CliRun.run("show", "00000000-0000-4000-8000-000000000000");
    CliRun debug = CliRun.run("show", "00000000-0000-4000-8000-000000000000", "--debug");

    assertThat(plain.err()).doesNotContain("\tat ");
    assertThat(debug.exitCode()).isEqualTo(plain.exitCode());
    assertThat(debug.err()).contains("\tat ").endsWith(plain.err());
  }

  @Test
  void debugIsAcceptedBeforeTheSubcommandToo() {
    CliRun run = CliRun.run("--debug", "list", "--max", "1", "--format", "ids");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(1);
  }
}
