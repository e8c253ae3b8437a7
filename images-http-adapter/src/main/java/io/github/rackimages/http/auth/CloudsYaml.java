package io.github.rackimages.http.auth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads one cloud of a {@code clouds.yaml} for {@link CredentialChain}. The YAML itself is parsed by
 * {@link CloudsYamlParser}, the only class that touches SnakeYAML Engine, an optional dependency: this class checks
 * that it is there first and fails with a message saying what to add when it is not. Messages name the file, the
 * cloud and the key, never a value of {@code auth}.
 */
final class CloudsYaml {

  /** A class of SnakeYAML Engine, looked up to tell whether the optional dependency is present. */
  static final String ENGINE_CLASS = "org.snakeyaml.engine.v2.api.Load";

  /** clouds.yaml files are a few kilobytes; a larger one is refused rather than read into memory. */
  static final int MAX_BYTES = 1 << 20;

  private CloudsYaml() {}

  /**
   * The cloud {@code cloudName} (or the only one, when null) of the file.
   *
   * @throws IllegalStateException if the YAML library is absent, the file cannot be read or parsed, the cloud is
   *     not there (or several are and none was named), or it lacks a user name or a secret
   */
  static ResolvedSource read(Path file, String cloudName) {
    requireEngine(ENGINE_CLASS);
    Object root = CloudsYamlParser.parse(text(file), file);
    Map<?, ?> clouds = map(map(root, file, "the document").get("clouds"), file, "clouds");
    if (clouds.isEmpty()) {
      throw new IllegalStateException("clouds.yaml at " + file + " lists no clouds");
    }
    TreeSet<String> names = new TreeSet<>();
    clouds.keySet().forEach(k -> names.add(String.valueOf(k)));
    String name;
    if (cloudName != null) {
      if (!clouds.containsKey(cloudName)) {
        throw new IllegalStateException(
            "OS_CLOUD names cloud '" + cloudName + "', which clouds.yaml at " + file + " does not list; it lists "
                + String.join(", ", names));
      }
      name = cloudName;
    } else if (clouds.size() == 1) {
      name = names.first();
    } else {
      throw new IllegalStateException(
          "clouds.yaml at " + file + " lists several clouds (" + String.join(", ", names)
              + "): set OS_CLOUD to choose one");
    }
    String where = "cloud '" + name + "' of clouds.yaml at " + file;
    Map<?, ?> cloud = map(clouds.get(name), file, "clouds." + name);
    Map<?, ?> auth = map(cloud.get("auth"), file, "clouds." + name + ".auth");
    List<String> read = new ArrayList<>();
    String username = string(auth, "auth.username", where, read);
    String apiKey = string(auth, "auth.api_key", where, read);
    String password = apiKey != null ? null : string(auth, "auth.password", where, read);
    if (username == null) {
      throw new IllegalStateException(where + " has no auth.username");
    }
    if (apiKey == null && password == null) {
      throw new IllegalStateException(where + " has neither auth.api_key nor auth.password");
    }
    Credentials credentials;
    try {
      credentials = apiKey != null ? Credentials.apiKey(username, apiKey) : Credentials.password(username, password);
    } catch (IllegalArgumentException e) {
      // Credentials' messages never quote the secret.
      throw new IllegalStateException(where + ": " + e.getMessage(), e);
    }
    String authUrl = string(auth, "auth.auth_url", where, read);
    URI identity = authUrl == null ? null : CredentialChain.url(where + " auth.auth_url", authUrl);
    String project = string(auth, "auth.project_id", where, read);
    String region = string(cloud, "region_name", where, read);
    return ResolvedSource.credentials(
        "clouds.yaml at " + file + ", cloud '" + name + "'", read, credentials, identity, region, project);
  }

  /**
   * Fails with a message naming the dependency when {@code className} (SnakeYAML Engine's) cannot be loaded.
   *
   * @throws IllegalStateException if it cannot
   */
  static void requireEngine(String className) {
    try {
      Class.forName(className, false, CloudsYaml.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException(
          "reading clouds.yaml needs SnakeYAML Engine (org.snakeyaml:snakeyaml-engine) on the class path, or the "
              + "module org.snakeyaml.engine on the module path; add it, or configure the credentials in code or in "
              + "OS_* / RACKSPACE_* variables", e);
    }
  }

  private static String text(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read clouds.yaml at " + file + ": " + e, e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new IllegalStateException("clouds.yaml at " + file + " is larger than " + MAX_BYTES + " bytes");
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException("clouds.yaml at " + file + " is not UTF-8", e);
    }
  }

  private static Map<?, ?> map(Object node, Path file, String what) {
    if (node instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalStateException(
        "clouds.yaml at " + file + ": " + what + (node == null ? " is missing" : " is not a mapping"));
  }

  private static String string(Map<?, ?> map, String path, String where, List<String> read) {
    // "auth.username" is read from the auth mapping, "region_name" from the cloud's.
    Object value = map.get(path.substring(path.indexOf('.') + 1));
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new IllegalStateException(where + ": " + path + " is not a string");
    }
    if (s.isBlank()) {
      return null;
    }
    read.add(path);
    return s;
  }
}
