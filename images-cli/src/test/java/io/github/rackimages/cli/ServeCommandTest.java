package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.fake.SampleCatalogs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code images serve}, started in-process on a free port and stopped as Ctrl-C would stop it. */
class ServeCommandTest {

  @Test
  void servesTheSampleCatalogPrintsItsUrlsAndDemoCredentialsAndStopsCleanly() throws Exception {
    try (Serving serving = Serving.start()) {
      CliRun listed =
          CliRun.run(
              "list", "--format", "ids", "--identity", serving.identity().toString(), "--username", "demo",
              "--api-key", "demo-api-key");

      assertThat(listed.exitCode()).as(listed.toString()).isZero();
      assertThat(listed.outLines())
          .containsExactlyElementsOf(
              SampleCatalogs.rackspace().stream()
                  .filter(ImageFilter.all()::matches)
                  .map(i -> i.id().value())
                  .toList());

      CliRun stopped = serving.stop();
      assertThat(stopped.exitCode()).isZero();
      assertThat(stopped.out())
          .contains("60 images from the sample catalog at http://127.0.0.1:")
          .contains("identity  " + serving.identity())
          .contains("compute   " + serving.compute())
          .contains("user demo, API key demo-api-key, password demo-password")
          .contains("Press Ctrl-C to stop.")
          .endsWith("stopped\n");
      assertThat(stopped.err()).isEmpty();
      assertThat(refused(serving.identity())).as("the port is closed after stop").isTrue();
    }
  }

  @Test
  void servesAGeneratedCatalogOfTheRequestedSize() throws Exception {
    try (Serving serving = Serving.start("--images", "1500", "--seed", "7")) {
      CliRun listed =
          CliRun.run(
              "list", "--format", "ids", "--all", "--limit", "1000", "--changes-since", "2000-01-01",
              "--endpoint", serving.compute().toString(), "--token", token(serving));

      assertThat(listed.exitCode()).as(listed.toString()).isZero();
      assertThat(listed.outLines())
          .containsExactlyElementsOf(SampleCatalogs.generated(1500, 7).stream().map(i -> i.id().value()).toList());
      assertThat(serving.stop().out()).contains("1,500 images from a generated catalog (seed 7)");
    }
  }

  @Test
  void theFaultSwitchesReachTheEmulator() throws Exception {
    try (Serving serving =
        Serving.start("--unavailable-every", "1", "--retry-after", "0", "--latency", "5", "--token-lifetime", "1h")) {
      CliRun run =
          CliRun.run(
              "list", "--identity", serving.identity().toString(), "--username", "demo", "--password",
              "demo-password", "--max-attempts", "1", "--timeout", "10");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.FAILURE);
      assertThat(run.err()).contains("503").contains("serviceUnavailable");
      assertThat(serving.stop().out())
          .contains("faults: throttle every 0, unavailable every 1, latency 5 ms (0 = off)");
    }
  }

  @Test
  void throttlingIsRetriedAfterTheEmulatorsRetryAfter() throws Exception {
    try (Serving serving = Serving.start("--throttle-every", "2", "--retry-after", "0", "--host", "127.0.0.1")) {
      CliRun run =
          CliRun.run(
              "list", "--all", "--limit", "10", "--format", "ids", "--insecure-http", "--identity",
              serving.identity().toString(), "--username", "demo", "--api-key", "demo-api-key");

      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.outLines()).hasSize(55).doesNotHaveDuplicates();
    }
  }

  static Stream<Arguments> badServeOptions() {
    return Stream.of(
        Arguments.of(List.of("--catalog", "x.json", "--images", "5"), "--catalog and --images name two catalogs"),
        Arguments.of(List.of("--images", "-1"), "--images '-1' is out of range; use 0 or more"),
        Arguments.of(List.of("--port", "70000"), "--port '70000' is out of range; use 0 to 65535"),
        Arguments.of(List.of("--token-lifetime", "soon"), "--token-lifetime 'soon' is not a duration"),
        Arguments.of(List.of("--token-lifetime", "0s"), "is not a positive duration"),
        Arguments.of(List.of("--catalog", "missing.json"), "catalog file missing.json does not exist"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badServeOptions")
  void badOptionsAreUsageErrorsAndServeNothing(List<String> options, String expected) {
    String[] args = Stream.concat(Stream.of("serve"), options.stream()).toArray(String[]::new);

    CliRun run = CliRun.run(args);

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains(expected);
  }

  @Test
  void tokenLifetimesReadAsPeopleWriteThem() {
    ServeCommand.DurationConverter converter = new ServeCommand.DurationConverter();

    assertThat(converter.convert("90")).hasSeconds(90);
    assertThat(converter.convert("90s")).hasSeconds(90);
    assertThat(converter.convert("15m")).hasMinutes(15);
    assertThat(converter.convert("24h")).hasHours(24);
    assertThat(converter.convert("PT1H30M")).hasMinutes(90);
  }

  @Test
  void aPortInUseIsAFailureSayingWhatToDo() throws Exception {
    try (Serving serving = Serving.start()) {
      CliRun second = CliRun.run(Map.of(), "serve", "--port", Integer.toString(serving.identity().getPort()));

      assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCode.FAILURE);
      assertThat(second.err()).contains("could not listen on 127.0.0.1:").contains("--port");
    }
  }

  /** A token from the emulator's identity service, the way a script would get one. */
  private static String token(Serving serving) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(serving.identity() + "/tokens"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"auth\": {\"RAX-KSKEY:apiKeyCredentials\": {\"username\": \"demo\", "
                                + "\"apiKey\": \"demo-api-key\"}}}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader(response.body()))) {
      return reader.readObject().getJsonObject("access").getJsonObject("token").getString("id");
    }
  }

  private static boolean refused(URI uri) {
    try (java.net.Socket socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
      return false;
    } catch (java.io.IOException e) {
      return true;
    }
  }

}
