package io.github.rackimages.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.http.HttpCatalogConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default credential chain: OS_* variables, then RACKSPACE_* variables, then the first clouds.yaml. Every
 * environment is a map of the test's own and every file is in a temporary directory: the real ones are never read.
 */
class CredentialChainTest {

  private static final String KEY = "key-5ecret-a1";
  private static final String PASSWORD = "pw-5ecret-b2";
  private static final String TOKEN = "tok-5ecret-c3";
  private static final String YAML_KEY = "yaml-5ecret-d4";

  @TempDir Path dir;

  private CredentialChain chain(Map<String, String> env, Path... files) {
    return CredentialChain.of(env, List.of(files));
  }

  private Path yaml(String name, String text) throws IOException {
    Path file = dir.resolve(name).resolve("clouds.yaml");
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static final String ONE_CLOUD =
      "clouds:\n"
          + "  rax:\n"
          + "    auth:\n"
          + "      auth_url: https://identity.example.test/v2.0\n"
          + "      username: yamluser\n"
          + "      api_key: " + YAML_KEY + "\n"
          + "      project_id: '123456'\n"
          + "    region_name: ORD\n";

  private static String secrets(ResolvedSource s) {
    return s + " " + s.origin() + " " + s.settings();
  }

  @Test
  void nothingSetResolvesToNothing() {
    assertThat(chain(Map.of(), dir.resolve("absent.yaml")).resolve()).isEmpty();
  }

  @Test
  void openStackVariablesGiveCredentialsIdentityRegionAndProject() {
    ResolvedSource s = chain(Map.of(
        "OS_USERNAME", "jdoe", "OS_API_KEY", KEY, "OS_PASSWORD", PASSWORD, "OS_AUTH_URL",
        "https://identity.example.test/v2.0", "OS_REGION_NAME", "IAD", "OS_PROJECT_ID", "654321"))
        .resolve().orElseThrow();

    assertThat(s.origin()).isEqualTo("environment OS_*");
    assertThat(s.credentials()).contains(Credentials.apiKey("jdoe", KEY));
    assertThat(s.identityUrl()).contains(URI.create("https://identity.example.test/v2.0"));
    assertThat(s.region()).contains("IAD");
    assertThat(s.projectId()).contains("654321");
    assertThat(s.hasToken()).isFalse();
    assertThat(s.settings()).contains("OS_USERNAME", "OS_API_KEY", "OS_REGION_NAME").doesNotContain("OS_PASSWORD");
    assertThat(secrets(s)).doesNotContain(KEY).doesNotContain(PASSWORD).contains("jdoe");
  }

  @Test
  void aPasswordServesWhenThereIsNoApiKey() {
    ResolvedSource s = chain(Map.of("OS_USERNAME", "jdoe", "OS_PASSWORD", PASSWORD, "OS_TENANT_NAME", "acme"))
        .resolve().orElseThrow();

    assertThat(s.credentials()).contains(Credentials.password("jdoe", PASSWORD));
    assertThat(s.projectId()).contains("acme");
    assertThat(s.identityUrl()).isEmpty();
  }

  @Test
  void anOpenStackTokenNeedsItsEndpointAndAppliesAsATokenWithoutTheRegion() {
    ResolvedSource s = chain(Map.of(
        "OS_AUTH_TOKEN", TOKEN, "OS_ENDPOINT", "https://dfw.example.test/v2/123456", "OS_REGION_NAME", "DFW"))
        .resolve().orElseThrow();

    assertThat(s.hasToken()).isTrue();
    assertThat(s.endpoint()).contains(URI.create("https://dfw.example.test/v2/123456"));
    assertThat(s.region()).isEmpty();
    assertThat(secrets(s)).doesNotContain(TOKEN).contains("token=****");
    HttpCatalogConfig config = s.applyTo(HttpCatalogConfig.builder()).build();
    assertThat(config.endpoint()).contains(URI.create("https://dfw.example.test/v2/123456"));
    assertThat(config.credentials()).isEmpty();
    assertThat(config.toString()).doesNotContain(TOKEN);

    assertThatThrownBy(() -> chain(Map.of("OS_AUTH_TOKEN", TOKEN)).resolve())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("OS_AUTH_TOKEN is set but OS_ENDPOINT, the compute endpoint the token is for, is not");
  }

  @Test
  void rackspaceVariablesGiveCredentialsAndRegion() {
    ResolvedSource s = chain(Map.of(
        "RACKSPACE_USERNAME", "rackuser", "RACKSPACE_PASSWORD", PASSWORD, "RACKSPACE_REGION", "LON"))
        .resolve().orElseThrow();

    assertThat(s.origin()).isEqualTo("environment RACKSPACE_*");
    assertThat(s.credentials()).contains(Credentials.password("rackuser", PASSWORD));
    assertThat(s.region()).contains("LON");
    HttpCatalogConfig config = s.applyTo(HttpCatalogConfig.builder()).build();
    assertThat(config.credentials()).contains(Credentials.password("rackuser", PASSWORD));
    assertThat(config.region()).contains("LON");
    assertThat(config.identityUrl()).isEqualTo(RackspaceIdentityAuthenticator.DEFAULT_IDENTITY_URL);
  }

  @Test
  void openStackVariablesWinOverRackspaceVariablesAndClouds() throws IOException {
    Path file = yaml("cwd", ONE_CLOUD);
    ResolvedSource s = chain(Map.of(
        "OS_USERNAME", "osuser", "OS_API_KEY", KEY, "RACKSPACE_USERNAME", "rackuser", "RACKSPACE_API_KEY", KEY,
        "RACKSPACE_REGION", "LON"), file).resolve().orElseThrow();

    assertThat(s.origin()).isEqualTo("environment OS_*");
    assertThat(s.credentials().orElseThrow().username()).isEqualTo("osuser");
    // Sources are never mixed: RACKSPACE_REGION is not the OS_* source's region.
    assertThat(s.region()).isEmpty();
  }

  @Test
  void rackspaceVariablesWinOverClouds() throws IOException {
    Path file = yaml("cwd", ONE_CLOUD);
    ResolvedSource s = chain(Map.of("RACKSPACE_USERNAME", "rackuser", "RACKSPACE_API_KEY", KEY, "OS_CLOUD", "rax"), file)
        .resolve().orElseThrow();

    assertThat(s.credentials().orElseThrow().username()).isEqualTo("rackuser");
  }

  @Test
  void theOnlyCloudOfTheFirstCloudsYamlFound() throws IOException {
    Path absent = dir.resolve("nowhere/clouds.yaml");
    Path first = yaml("home", ONE_CLOUD);
    Path second = yaml("etc", ONE_CLOUD.replace("yamluser", "etcuser"));

    ResolvedSource s = chain(Map.of("OS_REGION_NAME", "SYD"), absent, first, second).resolve().orElseThrow();

    assertThat(s.origin()).isEqualTo("clouds.yaml at " + first + ", cloud 'rax'");
    assertThat(s.credentials()).contains(Credentials.apiKey("yamluser", YAML_KEY));
    assertThat(s.identityUrl()).contains(URI.create("https://identity.example.test/v2.0"));
    assertThat(s.region()).contains("ORD");
    assertThat(s.projectId()).contains("123456");
    assertThat(s.settings()).contains("auth.username", "auth.api_key", "region_name");
    assertThat(secrets(s)).doesNotContain(YAML_KEY);
    HttpCatalogConfig config = s.applyTo(HttpCatalogConfig.builder()).build();
    assertThat(config.identityUrl()).isEqualTo(URI.create("https://identity.example.test/v2.0"));
    assertThat(config.region()).contains("ORD");
  }

  @Test
  void osCloudChoosesAmongSeveralAndScalarsStayAsWritten() throws IOException {
    Path file = yaml("cwd", ONE_CLOUD
        + "  other:\n    auth:\n      username: otheruser\n      password: 0123\n    region_name: DFW\n");

    ResolvedSource s = chain(Map.of("OS_CLOUD", "other"), file).resolve().orElseThrow();

    assertThat(s.origin()).endsWith("cloud 'other'");
    // The failsafe schema: 0123 is the password as written, not the number 83 or 123.
    assertThat(s.credentials()).contains(Credentials.password("otheruser", "0123"));
  }

  static Stream<Arguments> incompleteClouds() {
    String a = "clouds:\n  a:\n    auth: {username: u, api_key: k1}\n";
    return Stream.of(
        Arguments.of(a + "  b:\n    auth: {username: v, api_key: k2}\n", null,
            "lists several clouds (a, b): set OS_CLOUD to choose one"),
        Arguments.of(a, "b", "OS_CLOUD names cloud 'b', which clouds.yaml at"),
        Arguments.of("clouds:\n  a:\n    auth: {api_key: k1}\n", null, "has no auth.username"),
        Arguments.of("clouds:\n  a:\n    auth: {username: u}\n", null, "has neither auth.api_key nor auth.password"),
        Arguments.of("clouds: {}\n", null, "lists no clouds"),
        Arguments.of("other: 1\n", null, "clouds is missing"),
        Arguments.of("clouds:\n  a:\n    auth: {username: u, password: [k1, 2]}\n", null,
            "auth.password is not a string"));
  }

  @ParameterizedTest
  @MethodSource("incompleteClouds")
  void anIncompleteCloudsYamlIsAnErrorNamingTheFileNeverTheSecret(String text, String cloud, String message)
      throws IOException {
    Path file = yaml("cwd", text);
    Map<String, String> env = new HashMap<>();
    if (cloud != null) {
      env.put("OS_CLOUD", cloud);
    }

    assertThatThrownBy(() -> chain(env, file).resolve())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining(message)
        .hasMessageNotContaining("k1");
  }

  @Test
  void malformedYamlGivesTheLineNotTheText() throws IOException {
    Path file = yaml("cwd", "clouds:\n  a:\n    auth:\n      password: \"" + YAML_KEY + "\n");

    assertThatThrownBy(() -> chain(Map.of(), file).resolve())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("clouds.yaml at " + file + " is not valid YAML")
        .hasMessageNotContaining(YAML_KEY)
        .hasNoCause();
  }

  @Test
  void osCloudWithoutAnyCloudsYamlIsAnError() {
    assertThatThrownBy(() -> chain(Map.of("OS_CLOUD", "rax"), dir.resolve("none.yaml")).resolve())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("OS_CLOUD names cloud 'rax' but no clouds.yaml was found");
  }

  @ParameterizedTest
  @CsvSource({
    "OS_USERNAME, OS_USERNAME is set but neither OS_API_KEY nor OS_PASSWORD is",
    "OS_PASSWORD, OS_PASSWORD is set but OS_USERNAME is not",
    "RACKSPACE_USERNAME, RACKSPACE_USERNAME is set but neither RACKSPACE_API_KEY nor RACKSPACE_PASSWORD is",
    "RACKSPACE_API_KEY, RACKSPACE_API_KEY is set but RACKSPACE_USERNAME is not",
  })
  void aHalfSetEnvironmentIsAnErrorNotSkipped(String variable, String message) {
    assertThatThrownBy(() -> chain(Map.of(variable, KEY)).resolve())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(message);
  }

  @Test
  void theStandardLocationsFollowXdgAndHome() {
    Path cwd = Path.of("/srv/project");
    assertThat(CredentialChain.standardCloudsYamlFiles(Map.of("HOME", "/home/jdoe"), cwd)).containsExactly(
        Path.of("/srv/project/clouds.yaml"), Path.of("/home/jdoe/.config/openstack/clouds.yaml"),
        Path.of("/etc/openstack/clouds.yaml"));
    assertThat(CredentialChain.standardCloudsYamlFiles(
        Map.of("HOME", "/home/jdoe", "XDG_CONFIG_HOME", "/xdg"), cwd)).containsExactly(
        Path.of("/srv/project/clouds.yaml"), Path.of("/xdg/openstack/clouds.yaml"),
        Path.of("/etc/openstack/clouds.yaml"));
    assertThat(CredentialChain.standardCloudsYamlFiles(Map.of(), cwd)).containsExactly(
        Path.of("/srv/project/clouds.yaml"), Path.of("/etc/openstack/clouds.yaml"));
  }

  @Test
  void withoutTheYamlLibraryTheMessageSaysWhatToAdd() {
    assertThatThrownBy(() -> CloudsYaml.requireEngine("org.snakeyaml.engine.v2.api.NoSuchClass"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("org.snakeyaml:snakeyaml-engine");
    CloudsYaml.requireEngine(CloudsYaml.ENGINE_CLASS);
  }
}
