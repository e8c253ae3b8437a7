package io.github.rackimages.http.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds credentials the way OpenStack clients and the AWS SDK's default provider chain do, for a program that
 * sets none explicitly. The first source that holds any setting wins, and must be complete:
 *
 * <ol>
 *   <li>{@code OS_*} variables: {@code OS_USERNAME} with {@code OS_API_KEY} (preferred) or {@code OS_PASSWORD},
 *       and optionally {@code OS_AUTH_URL}, {@code OS_REGION_NAME}, {@code OS_PROJECT_ID} (or
 *       {@code OS_TENANT_ID}, {@code OS_PROJECT_NAME}, {@code OS_TENANT_NAME}); or {@code OS_AUTH_TOKEN} with
 *       {@code OS_ENDPOINT}, the compute endpoint the token is for;
 *   <li>{@code RACKSPACE_*} variables: {@code RACKSPACE_USERNAME} with {@code RACKSPACE_API_KEY} (preferred) or
 *       {@code RACKSPACE_PASSWORD}, and optionally {@code RACKSPACE_REGION};
 *   <li>the first {@code clouds.yaml} that exists among the files given ({@link #standardCloudsYamlFiles}: the
 *       working directory, {@code $XDG_CONFIG_HOME/openstack} or {@code ~/.config/openstack}, then
 *       {@code /etc/openstack}): the cloud named by {@code OS_CLOUD}, or the only one; its {@code auth.username}
 *       with {@code auth.api_key} or {@code auth.password}, and optionally {@code auth.auth_url},
 *       {@code auth.project_id} and {@code region_name}.
 * </ol>
 *
 * <p>A source is taken whole, never mixed with another: {@code OS_REGION_NAME} does not apply to
 * {@code RACKSPACE_*} credentials. A source that is present but incomplete is an error, not skipped, so that a
 * half-set environment cannot sign in as someone else. Reading {@code clouds.yaml} needs
 * {@code org.snakeyaml:snakeyaml-engine} on the class or module path (an optional dependency of this module).
 *
 * <pre>{@code
 * HttpCatalogConfig.Builder<HttpImageCatalog> builder = HttpImageCatalog.builder();
 * ResolvedSource source = CredentialChain.defaults().resolve()
 *     .orElseThrow(() -> new IllegalStateException("no credentials in the environment or clouds.yaml"));
 * ImageCatalog catalog = source.applyTo(builder).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe; every {@link #resolve()} reads the files again.
 *
 * @since 1.0
 */
public final class CredentialChain {

  /** The variables that select the {@code OS_*} source when any of them is set. */
  static final List<String> OS_TRIGGERS = List.of("OS_USERNAME", "OS_API_KEY", "OS_PASSWORD", "OS_AUTH_TOKEN");

  /** The variables that select the {@code RACKSPACE_*} source when any of them is set. */
  static final List<String> RACKSPACE_TRIGGERS = List.of("RACKSPACE_USERNAME", "RACKSPACE_API_KEY", "RACKSPACE_PASSWORD");

  private static final List<String> OS_PROJECT = List.of("OS_PROJECT_ID", "OS_TENANT_ID", "OS_PROJECT_NAME", "OS_TENANT_NAME");

  private final Map<String, String> env;
  private final List<Path> cloudsYamlFiles;

  private CredentialChain(Map<String, String> env, List<Path> cloudsYamlFiles) {
    this.env = env;
    this.cloudsYamlFiles = cloudsYamlFiles;
  }

  /**
   * The chain over this process's environment and the {@linkplain #standardCloudsYamlFiles standard clouds.yaml
   * locations}, {@code ~} being {@code HOME} or, without it, the {@code user.home} property.
   */
  public static CredentialChain defaults() {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putIfAbsent("HOME", System.getProperty("user.home", ""));
    return of(System.getenv(), standardCloudsYamlFiles(env, Path.of("").toAbsolutePath()));
  }

  /**
   * The chain over the environment and the clouds.yaml candidates given, in order; for tests, and for programs
   * that keep their settings elsewhere.
   *
   * @throws NullPointerException if an argument, a key or a value is null
   */
  public static CredentialChain of(Map<String, String> env, List<Path> cloudsYamlFiles) {
    return new CredentialChain(Map.copyOf(env), List.copyOf(cloudsYamlFiles));
  }

  /**
   * Where OpenStack clients look for {@code clouds.yaml}: {@code workingDirectory/clouds.yaml}, then
   * {@code $XDG_CONFIG_HOME/openstack/clouds.yaml} or, without that variable, {@code $HOME/.config/openstack/clouds.yaml}
   * (left out when {@code HOME} is not in {@code env} either), then {@code /etc/openstack/clouds.yaml}.
   */
  public static List<Path> standardCloudsYamlFiles(Map<String, String> env, Path workingDirectory) {
    Objects.requireNonNull(env, "env");
    List<Path> files = new ArrayList<>();
    files.add(workingDirectory.resolve("clouds.yaml"));
    Optional<String> xdg = value(env, "XDG_CONFIG_HOME");
    Optional<String> home = value(env, "HOME");
    if (xdg.isPresent()) {
      files.add(Path.of(xdg.get(), "openstack", "clouds.yaml"));
    } else if (home.isPresent()) {
      files.add(Path.of(home.get(), ".config", "openstack", "clouds.yaml"));
    }
    files.add(Path.of("/etc", "openstack", "clouds.yaml"));
    return List.copyOf(files);
  }

  /** The clouds.yaml candidates, in the order they are tried. */
  public List<Path> cloudsYamlFiles() {
    return cloudsYamlFiles;
  }

  /**
   * The first source that holds a setting, or empty when none does.
   *
   * @throws IllegalStateException if that source is incomplete (a user name without a secret, a token without
   *     an endpoint, several clouds and no {@code OS_CLOUD}), holds an unusable value, or its clouds.yaml cannot
   *     be read (the message names the variable, key or file, never a secret)
   */
  public Optional<ResolvedSource> resolve() {
    if (OS_TRIGGERS.stream().anyMatch(n -> get(n).isPresent())) {
      return Optional.of(fromOpenStackVariables());
    }
    if (RACKSPACE_TRIGGERS.stream().anyMatch(n -> get(n).isPresent())) {
      return Optional.of(fromRackspaceVariables());
    }
    Optional<Path> file = cloudsYamlFiles.stream().filter(Files::isRegularFile).findFirst();
    if (file.isPresent()) {
      return Optional.of(CloudsYaml.read(file.get(), get("OS_CLOUD").orElse(null)));
    }
    if (get("OS_CLOUD").isPresent()) {
      throw new IllegalStateException(
          "OS_CLOUD names cloud '" + get("OS_CLOUD").get() + "' but no clouds.yaml was found at " + cloudsYamlFiles);
    }
    return Optional.empty();
  }

  private ResolvedSource fromOpenStackVariables() {
    String origin = "environment OS_*";
    List<String> read = new ArrayList<>();
    Optional<String> project = first(OS_PROJECT, read);
    Optional<String> token = get("OS_AUTH_TOKEN");
    if (token.isPresent()) {
      read.add("OS_AUTH_TOKEN");
      String endpoint = get("OS_ENDPOINT").orElseThrow(() -> new IllegalStateException(
          "OS_AUTH_TOKEN is set but OS_ENDPOINT, the compute endpoint the token is for, is not"));
      read.add("OS_ENDPOINT");
      return ResolvedSource.token(origin, read, token.get(), url("OS_ENDPOINT", endpoint), project.orElse(null));
    }
    Credentials credentials = credentials(origin, "OS_USERNAME", "OS_API_KEY", "OS_PASSWORD", read);
    URI identity = get("OS_AUTH_URL").map(u -> url("OS_AUTH_URL", u)).orElse(null);
    if (identity != null) {
      read.add("OS_AUTH_URL");
    }
    String region = get("OS_REGION_NAME").orElse(null);
    if (region != null) {
      read.add("OS_REGION_NAME");
    }
    return ResolvedSource.credentials(origin, read, credentials, identity, region, project.orElse(null));
  }

  private ResolvedSource fromRackspaceVariables() {
    String origin = "environment RACKSPACE_*";
    List<String> read = new ArrayList<>();
    Credentials credentials = credentials(origin, "RACKSPACE_USERNAME", "RACKSPACE_API_KEY", "RACKSPACE_PASSWORD", read);
    String region = get("RACKSPACE_REGION").orElse(null);
    if (region != null) {
      read.add("RACKSPACE_REGION");
    }
    return ResolvedSource.credentials(origin, read, credentials, null, region, null);
  }

  private Credentials credentials(String origin, String user, String apiKey, String password, List<String> read) {
    String name = get(user).orElseThrow(() -> new IllegalStateException(
        (get(apiKey).isPresent() ? apiKey : password) + " is set but " + user + " is not"));
    read.add(user);
    try {
      if (get(apiKey).isPresent()) {
        read.add(apiKey);
        return Credentials.apiKey(name, get(apiKey).get());
      }
      if (get(password).isPresent()) {
        read.add(password);
        return Credentials.password(name, get(password).get());
      }
    } catch (IllegalArgumentException e) {
      // Credentials' messages never quote the secret.
      throw new IllegalStateException(origin + ": " + e.getMessage(), e);
    }
    throw new IllegalStateException(user + " is set but neither " + apiKey + " nor " + password + " is");
  }

  private Optional<String> first(List<String> names, List<String> read) {
    for (String n : names) {
      if (get(n).isPresent()) {
        read.add(n);
        return get(n);
      }
    }
    return Optional.empty();
  }

  static URI url(String name, String value) {
    try {
      URI uri = new URI(value.strip());
      if (!uri.isAbsolute()) {
        throw new URISyntaxException(value, "not absolute");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalStateException(name + " is not an absolute URL: '" + value + "'", e);
    }
  }

  private Optional<String> get(String name) {
    return value(env, name);
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }
}
