package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The archive's training run: quiet, self-contained, hidden from users. */
class TrainArchiveCommandTest {

  @Test
  void runsTheSampleAndHttpListingsQuietlyAndSucceeds() {
    // An environment that would send a listing elsewhere must not reach the training run.
    CliRun run = CliRun.run(Map.of("OS_AUTH_URL", "http://192.0.2.1:5000/v2.0", "OS_USERNAME", "someone",
        "IMAGES_ENDPOINT", "http://192.0.2.1:8774/v2/1"), "train-archive");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
  }

  @Test
  void isNotShownInTheHelp() {
    assertThat(CliRun.run("--help").out()).doesNotContain("train-archive");
  }
}
