package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A region identity does not offer is a usage error (exit 2) naming the regions offered, not a service failure. */
class RegionNotOfferedTest {

  private static final String CANARY = "canary-region-key-4e1f";

  private final ImageEmulator emulator =
      ImageEmulator.builder()
          .catalog(InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).build())
          .port(0)
          .start();

  @AfterEach
  void stop() {
    emulator.stop();
  }

  @Test
  void aRegionNotOfferedExitsWithAUsageErrorListingTheRegionsOffered() {
    CliRun run =
        CliRun.run(
            Map.of("RACKSPACE_API_KEY", "demo-api-key"),
            "list", "--identity", emulator.identityUrl().toString(), "--username", "demo", "--region", "MEL");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("images list: region 'MEL' is not offered by cloudServersOpenStack; regions offered: "
            + String.join(", ", ImageEmulator.REGIONS))
        .contains("--region")
        .doesNotContain("200")
        .doesNotContain("request id");
  }

  @Test
  void theRegionMessageNeverShowsTheSecret() {
    CliRun run =
        CliRun.run(
            Map.of("RACKSPACE_USERNAME", "demo", "RACKSPACE_API_KEY", "demo-api-key", "IMAGES_TOKEN", CANARY),
            "list", "--identity", emulator.identityUrl().toString(), "--region", "MEL", "--debug");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.all()).doesNotContain("demo-api-key").doesNotContain(CANARY);
  }
}
