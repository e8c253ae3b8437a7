package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After its explicit options the command line uses the library's credential chain: OS_* variables, RACKSPACE_*
 * variables, then clouds.yaml (found here through the test's own XDG_CONFIG_HOME, never the real home). --debug
 * says which source was chosen, never a secret.
 */
class CredentialChainCliTest {

  private static final String WRONG = "canary-chain-key-77e1";

  private final ImageEmulator emulator =
      ImageEmulator.builder()
          .catalog(InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).build())
          .port(0)
          .start();

  @TempDir Path xdg;

  @AfterEach
  void stop() {
    emulator.stop();
  }

  private String identity() {
    return emulator.identityUrl().toString();
  }

  private void cloudsYaml(String apiKey) throws IOException {
    Path file = xdg.resolve("openstack/clouds.yaml");
    Files.createDirectories(file.getParent());
    Files.writeString(file, "clouds:\n  emulated:\n    auth:\n      auth_url: " + identity() + "\n"
        + "      username: demo\n      api_key: " + apiKey + "\n    region_name: DFW\n");
  }

  @Test
  void openStackVariablesSignInAndDebugNamesTheSourceWithoutTheSecret() {
    CliRun run = CliRun.run(
        Map.of("OS_AUTH_URL", identity(), "OS_USERNAME", "demo", "OS_API_KEY", "demo-api-key",
            "OS_REGION_NAME", "DFW"),
        "list", "--format", "ids", "--debug");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines()).isNotEmpty();
    assertThat(run.err()).contains("debug: credentials from ResolvedSource[environment OS_* [OS_USERNAME, OS_API_KEY");
    assertThat(run.all()).doesNotContain("demo-api-key");
  }

  @Test
  void cloudsYamlIsUsedWhenNoVariableIsSet() throws IOException {
    cloudsYaml("demo-api-key");

    CliRun run = CliRun.run(Map.of("XDG_CONFIG_HOME", xdg.toString()), "list", "--format", "ids", "--debug");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines()).isNotEmpty();
    assertThat(run.err()).contains("debug: credentials from ResolvedSource[clouds.yaml at "
        + xdg.resolve("openstack/clouds.yaml") + ", cloud 'emulated'");
    assertThat(run.all()).doesNotContain("demo-api-key");
  }

  @Test
  void rackspaceVariablesWinOverCloudsYamlAndOpenStackVariablesWinOverBoth() throws IOException {
    cloudsYaml(WRONG);

    CliRun rackspace = CliRun.run(
        Map.of("XDG_CONFIG_HOME", xdg.toString(), "RACKSPACE_USERNAME", "demo", "RACKSPACE_API_KEY", "demo-api-key"),
        "list", "--format", "ids", "--identity", identity());
    CliRun openStack = CliRun.run(
        Map.of("XDG_CONFIG_HOME", xdg.toString(), "RACKSPACE_USERNAME", "demo", "RACKSPACE_API_KEY", WRONG,
            "OS_AUTH_URL", identity(), "OS_USERNAME", "demo", "OS_PASSWORD", "demo-password"),
        "list", "--format", "ids");

    assertThat(rackspace.exitCode()).as(rackspace.toString()).isZero();
    assertThat(openStack.exitCode()).as(openStack.toString()).isZero();
  }

  @Test
  void aRefusedKeyFromTheChainNamesItsSourceAndNotTheKey() {
    CliRun run = CliRun.run(
        Map.of("OS_AUTH_URL", identity(), "OS_USERNAME", "demo", "OS_API_KEY", WRONG), "list", "--debug");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.AUTHENTICATION);
    assertThat(run.all()).doesNotContain(WRONG);
    assertThat(run.err().lines().reduce((a, b) -> b).orElseThrow())
        .contains("401").contains("environment OS_*").contains("OS_API_KEY");
  }

  @Test
  void explicitOptionsApplyOverTheChain() {
    CliRun run = CliRun.run(
        Map.of("OS_AUTH_URL", identity(), "OS_USERNAME", "demo", "OS_API_KEY", "demo-api-key",
            "OS_REGION_NAME", "DFW"),
        "list", "--region", "MEL");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("region 'MEL' is not offered");
  }

  @Test
  void anIncompleteSourceIsAUsageError() {
    CliRun run = CliRun.run(Map.of("OS_USERNAME", "demo"), "list");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("OS_USERNAME is set but neither OS_API_KEY nor OS_PASSWORD is");
  }

  @Test
  void sampleIgnoresTheChain() {
    CliRun run = CliRun.run(Map.of("OS_USERNAME", "demo"), "list", "--sample", "--format", "ids");

    assertThat(run.exitCode()).as(run.toString()).isZero();
  }
}
