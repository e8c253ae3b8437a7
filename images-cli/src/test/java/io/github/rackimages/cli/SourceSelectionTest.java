package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * How the source is chosen from options and environment, and the usage errors for combinations that cannot work.
 * None of these runs reaches a network: they fail before any request, or use a port nobody listens on.
 */
class SourceSelectionTest {

  private static final String CANARY = "canary-5ecret-91b2";

  static Stream<Arguments> unusableCombinations() {
    return Stream.of(
        Arguments.of(List.of("--endpoint", "http://127.0.0.1:1/v2/123456"), Map.of(), "--endpoint needs a token"),
        Arguments.of(List.of("--token", CANARY), Map.of(), "--token needs --endpoint"),
        Arguments.of(List.of("--identity", "http://127.0.0.1:1/v2.0"), Map.of(), "identity needs a user name"),
        Arguments.of(List.of("--api-key", CANARY), Map.of(), "identity needs a user name"),
        Arguments.of(List.of("--region", "DFW"), Map.of(), "identity needs a user name"),
        Arguments.of(List.of("--max-attempts", "2"), Map.of(), "apply to --endpoint or identity only"),
        Arguments.of(List.of("--username", "demo"), Map.of(), "user demo needs an API key or a password"),
        Arguments.of(
            List.of("--username", "demo", "--api-key", CANARY, "--password", CANARY),
            Map.of(),
            "give --api-key or --password, not both"),
        Arguments.of(
            List.of("--username", "demo", "--api-key", CANARY, "--token", CANARY),
            Map.of(),
            "identity issues its own tokens"),
        Arguments.of(
            List.of("--catalog", "x.json", "--endpoint", "http://127.0.0.1:1/v2/1"), Map.of(), "--catalog reads no"),
        Arguments.of(List.of("--sample", "--username", "demo"), Map.of(), "--sample reads no network source"),
        Arguments.of(
            List.of("--endpoint", "ftp://example.com/v2/1"), Map.of("IMAGES_TOKEN", CANARY), "ftp://example.com"),
        Arguments.of(
            List.of("--endpoint", "http://images.example.com/v2/123456"),
            Map.of("IMAGES_TOKEN", CANARY),
            "insecureHttpHosts, or to any host with allowInsecureHttp(true)"),
        Arguments.of(
            List.of("--username", "demo", "--identity", "http://identity.example.com/v2.0"),
            Map.of("RACKSPACE_API_KEY", CANARY),
            "insecureHttpHosts, or to any host with allowInsecureHttp(true)"),
        Arguments.of(
            List.of("--endpoint", "http://127.0.0.1:1/v2/123456", "--max-attempts", "0"),
            Map.of("IMAGES_TOKEN", CANARY),
            "--max-attempts must be at least 1: 0"),
        Arguments.of(
            List.of("--endpoint", "http://127.0.0.1:1/v2/123456", "--timeout", "0"),
            Map.of("IMAGES_TOKEN", CANARY),
            "--timeout must be at least 1 second: 0"),
        Arguments.of(
            List.of("--endpoint", "http://127.0.0.1:1/v2/123456", "--total-timeout", "0"),
            Map.of("IMAGES_TOKEN", CANARY),
            "--total-timeout must be at least 1 second: 0"),
        Arguments.of(List.of("--total-timeout", "5"), Map.of(), "apply to --endpoint or identity only"),
        Arguments.of(
            List.of("--insecure-http-host", "images.example.com"), Map.of(), "apply to --endpoint or identity only"),
        Arguments.of(
            List.of("--sample", "--insecure-http-host", "images.example.com"), Map.of(), "--sample reads no"),
        Arguments.of(
            List.of(
                "--endpoint", "http://images.example.com/v2/123456", "--insecure-http-host", "other.example.com"),
            Map.of("IMAGES_TOKEN", CANARY),
            "insecureHttpHosts, or to any host with allowInsecureHttp(true)"),
        Arguments.of(
            List.of(
                "--endpoint", "http://127.0.0.1:1/v2/123456", "--insecure-http-host", "images.example.com",
                "--insecure-http-host", "http://images.example.com/"),
            Map.of("IMAGES_TOKEN", CANARY),
            "images list: --insecure-http-host 'http://images.example.com/' is not a host name or address; use "
                + "e.g. images.example.com or 192.0.2.10, without scheme, port or path (see 'images list --help')"),
        Arguments.of(
            List.of("--endpoint", "http://127.0.0.1:1/v2/123456", "--insecure-http-host", "images.example.com:8080"),
            Map.of("IMAGES_TOKEN", CANARY),
            "--insecure-http-host 'images.example.com:8080' is not a host name or address"),
        Arguments.of(
            List.of("--endpoint", "http://127.0.0.1:1/v2/123456", "--insecure-http-host", " "),
            Map.of("IMAGES_TOKEN", CANARY),
            "--insecure-http-host ' ' is not a host name or address"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("unusableCombinations")
  void combinationsThatCannotWorkAreUsageErrors(List<String> options, Map<String, String> env, String expected) {
    String[] args = Stream.concat(Stream.of("list"), options.stream()).toArray(String[]::new);

    CliRun run = CliRun.run(env, args);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err()).contains(expected);
    assertThat(run.all()).doesNotContain(CANARY);
  }

  @Test
  void aTokenInTheEnvironmentAloneDoesNotLeaveTheSampleCatalog() {
    CliRun run = CliRun.run(Map.of("IMAGES_TOKEN", CANARY), "list", "--format", "ids");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(55);
  }

  @Test
  void sampleWinsOverCredentialsInTheEnvironment() {
    CliRun run =
        CliRun.run(
            Map.of("RACKSPACE_USERNAME", "someone", "RACKSPACE_API_KEY", CANARY), "list", "--sample", "--max", "2");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.outLines()).hasSize(3);
  }

  @Test
  void aClosedPortIsANetworkErrorWithExitCodeOne() throws IOException {
    int port = closedPort();

    CliRun run =
        CliRun.run(
            Map.of("IMAGES_TOKEN", CANARY),
            "list", "--endpoint", "http://127.0.0.1:" + port + "/v2/123456", "--max-attempts", "1");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILURE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines()).hasSize(1);
    assertThat(run.err())
        .startsWith("images list: ")
        .contains("could not reach http://127.0.0.1:" + port + "/v2/123456: check the URL");
    assertThat(run.all()).doesNotContain(CANARY);
  }

  @Test
  void aFailureBeforeTheFirstPagePrintsNoJsonAtAll() throws IOException {
    int port = closedPort();

    CliRun run =
        CliRun.run(
            Map.of("IMAGES_TOKEN", CANARY),
            "list", "--format", "json", "--endpoint", "http://127.0.0.1:" + port + "/v2/123456",
            "--max-attempts", "1", "--insecure-http");

    assertThat(run.exitCode()).isEqualTo(ExitCode.FAILURE);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aClosedIdentityPortIsANetworkErrorToo() throws IOException {
    int port = closedPort();

    CliRun run =
        CliRun.run(
            Map.of("RACKSPACE_USERNAME", "demo", "RACKSPACE_PASSWORD", CANARY),
            "show", "00000000-0000-4000-8000-000000000000", "--identity", "http://127.0.0.1:" + port + "/v2.0",
            "--max-attempts", "1", "--debug");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILURE);
    assertThat(run.err()).contains("images show: ");
    assertThat(run.all()).doesNotContain(CANARY);
  }

  @Test
  void anInsecureHttpHostLetsPlainHttpGoToThatHostOnly() throws IOException {
    int port = closedPort();
    // Without the option this endpoint is refused before any request (see unusableCombinations); listed, in any
    // case, the request is made, and fails to resolve the reserved .invalid name: a network error, exit 1.
    CliRun listed =
        CliRun.run(
            Map.of("IMAGES_TOKEN", CANARY),
            "list", "--endpoint", "http://localhost.example.invalid:" + port + "/v2/123456", "--max-attempts", "1",
            "--insecure-http-host", "LOCALHOST.example.invalid", "--insecure-http-host", "other.example.invalid");

    assertThat(listed.exitCode()).as(listed.toString()).isEqualTo(ExitCode.FAILURE);
    assertThat(listed.err()).contains("could not reach http://localhost.example.invalid:" + port + "/v2/123456");
    assertThat(listed.all()).doesNotContain(CANARY);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
