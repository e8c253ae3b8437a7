package io.github.rackimages.cli;

import io.github.rackimages.core.Image;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import io.github.rackimages.http.HttpCatalogConfig;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.RetryPolicy;
import io.github.rackimages.http.auth.CredentialChain;
import io.github.rackimages.http.auth.Credentials;
import io.github.rackimages.http.auth.RackspaceIdentityAuthenticator;
import io.github.rackimages.http.auth.ResolvedSource;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that say where {@code list} and {@code show} take their images from, in this order:
 *
 * <ol>
 *   <li>{@code --catalog FILE}: a catalog file, in memory;
 *   <li>{@code --sample}: the embedded sample catalog, whatever the environment holds;
 *   <li>{@code --username} (or {@code --api-key}/{@code --password} with {@code RACKSPACE_USERNAME}): Rackspace
 *       Identity ({@code --identity}, Rackspace's by default) with an API key or password, then the compute
 *       endpoint of {@code --region} from the service catalog, or {@code --endpoint} when given;
 *   <li>{@code --endpoint URL} with a token ({@code --token}, or {@code IMAGES_TOKEN});
 *   <li>the library's {@link CredentialChain}: {@code OS_*} variables, then {@code RACKSPACE_*} variables, then
 *       {@code clouds.yaml}; {@code --region}, {@code --identity} and {@code --endpoint} still apply over it;
 *   <li>otherwise the embedded sample catalog (no network, no account).
 * </ol>
 *
 * <p>Options beat environment variables. Options that cannot apply to the chosen source are usage errors rather
 * than silently ignored, so that a typo cannot send a request somewhere unexpected.
 *
 * <p>Over 300 lines because every source option, its validation and the order in which sources are chosen are
 * read together here: split, the precedence above would be spread over several files.
 */
final class SourceOptions {

  static final String ENV_TOKEN = "IMAGES_TOKEN";
  static final String ENV_USERNAME = "RACKSPACE_USERNAME";
  static final String ENV_API_KEY = "RACKSPACE_API_KEY";
  static final String ENV_PASSWORD = "RACKSPACE_PASSWORD";

  /** The secrets the credential chain may read from the environment, besides the three above. */
  static final List<String> CHAIN_SECRETS = List.of("OS_API_KEY", "OS_PASSWORD", "OS_AUTH_TOKEN");

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--catalog",
      paramLabel = "FILE",
      order = 100,
      description =
          "Read the images from FILE, a detail list in the service's JSON shape (what "
              + "'list --detail --all --format json' writes).")
  Path catalogFile;

  @Option(
      names = "--sample",
      order = 101,
      description = "Use the embedded sample catalog even when credentials are in the environment.")
  boolean sample;

  @Option(
      names = "--endpoint",
      paramLabel = "URL",
      order = 102,
      description =
          "The compute endpoint, e.g. https://dfw.servers.api.rackspacecloud.com/v2/123456; with a token "
              + "(--token or IMAGES_TOKEN), or instead of the one identity reports.")
  URI endpoint;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      order = 103,
      description = "A token for --endpoint (default: env IMAGES_TOKEN). Prefer the variable: options show in ps.")
  String token;

  @Option(
      names = "--identity",
      paramLabel = "URL",
      order = 104,
      description = "The identity v2.0 URL (default: Rackspace's, " + "https://identity.api.rackspacecloud.com/v2.0).")
  URI identity;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      order = 105,
      description = "The region whose compute endpoint to use: DFW, ORD, IAD, LON, SYD, HKG (default: the user's).")
  String region;

  @Option(
      names = "--username",
      paramLabel = "USER",
      order = 106,
      description = "Sign in to identity as USER (default: env RACKSPACE_USERNAME); selects identity.")
  String username;

  @Option(
      names = "--api-key",
      paramLabel = "KEY",
      order = 107,
      description = "The user's API key (default: env RACKSPACE_API_KEY).")
  String apiKey;

  @Option(
      names = "--password",
      paramLabel = "PASSWORD",
      order = 108,
      description = "The user's password, instead of an API key (default: env RACKSPACE_PASSWORD).")
  String password;

  @Option(
      names = "--insecure-http",
      order = 109,
      description =
          "Allow plain http to a host that is not loopback (loopback is always allowed); the library calls this "
              + "setting allowInsecureHttp.")
  boolean insecureHttp;

  @Option(
      names = "--insecure-http-host",
      paramLabel = "HOST",
      order = 110,
      converter = Converters.InsecureHttpHost.class,
      description =
          "Allow plain http to this host name or address besides loopback, as written, whatever DNS says it is; "
              + "repeat for more hosts. Narrower than --insecure-http; the library calls this setting "
              + "insecureHttpHosts.")
  List<String> insecureHttpHosts = new ArrayList<>();

  @Option(
      names = "--max-attempts",
      paramLabel = "N",
      order = 111,
      description = "Attempts per request, retries included (default: the library's policy); 1 never retries.")
  Integer maxAttempts;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      order = 112,
      description = "How long to wait for a connection and for each answer (default: 10 and 30).")
  Integer timeoutSeconds;

  @Option(
      names = "--total-timeout",
      paramLabel = "SECONDS",
      order = 113,
      description =
          "The most one request may take in all, retries, waits and sign-in included (default: no limit beyond "
              + "--max-attempts and --timeout); the library calls this setting apiCallTimeout.")
  Integer totalTimeoutSeconds;

  /**
   * Opens the source these options name.
   *
   * @throws ParameterException when options conflict, a value is unusable or a credential is missing (a usage
   *     error)
   */
  Source open(Invocation inv) {
    Source source = choose(inv);
    inv.source(source);
    return source;
  }

  private Source choose(Invocation inv) {
    boolean networkOptions =
        endpoint != null || token != null || identity != null || region != null || username != null
            || apiKey != null || password != null || insecureHttp || !insecureHttpHosts.isEmpty()
            || maxAttempts != null || timeoutSeconds != null || totalTimeoutSeconds != null;
    if (catalogFile != null && sample) {
      throw usage("--catalog and --sample name two sources; give one");
    }
    if ((catalogFile != null || sample) && networkOptions) {
      throw usage(
          (catalogFile != null ? "--catalog" : "--sample")
              + " reads no network source; drop --endpoint, --identity and the credential options");
    }
    if (catalogFile != null) {
      return fileSource();
    }
    // Explicit options first: a user name, or a secret given as an option for RACKSPACE_USERNAME's user.
    Optional<String> user =
        sample ? Optional.empty()
            : given(username).or(() -> apiKey != null || password != null ? inv.env(ENV_USERNAME) : Optional.empty());
    if (user.isPresent()) {
      return identitySource(inv, user.get());
    }
    if (endpoint != null && (given(token).isPresent() || inv.env(ENV_TOKEN).isPresent())) {
      return tokenSource(inv);
    }
    if (token != null) {
      throw usage("--token needs --endpoint, the compute endpoint the token is for");
    }
    if (!sample) {
      Optional<Source> fromChain = chainSource(inv);
      if (fromChain.isPresent()) {
        return fromChain.get();
      }
    }
    if (endpoint != null) {
      return tokenSource(inv);
    }
    if (identity != null || region != null || apiKey != null || password != null) {
      throw usage("identity needs a user name: give --username or set " + ENV_USERNAME);
    }
    if (networkOptions) {
      throw usage(
          "--insecure-http, --insecure-http-host, --max-attempts, --timeout and --total-timeout apply to "
              + "--endpoint or identity only");
    }
    return new Source(
        InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).build(), "the sample catalog");
  }

  /**
   * The library's credential chain over this run's environment: OS_* variables, RACKSPACE_* variables, then the
   * first clouds.yaml of the working directory, {@code $XDG_CONFIG_HOME/openstack} or {@code $HOME/.config/openstack}
   * (from this run's environment only) and {@code /etc/openstack}. The explicit --identity, --region and --endpoint
   * apply over what it found.
   */
  private Optional<Source> chainSource(Invocation inv) {
    Map<String, String> env = new HashMap<>();
    for (String name : CHAIN_VARIABLES) {
      inv.env(name).ifPresent(v -> env.put(name, v));
    }
    CHAIN_SECRETS.forEach(name -> inv.env(name).ifPresent(inv.redactor()::add));
    CredentialChain chain =
        CredentialChain.of(env, CredentialChain.standardCloudsYamlFiles(env, Path.of("").toAbsolutePath()));
    Optional<ResolvedSource> found;
    try {
      found = chain.resolve();
    } catch (IllegalStateException e) {
      throw usage(Failures.oneLine(e.getMessage()));
    }
    if (found.isEmpty()) {
      if (inv.debug()) {
        inv.warn("debug: no credentials in OS_* or RACKSPACE_* variables or in a clouds.yaml (looked at "
            + chain.cloudsYamlFiles() + ")");
      }
      return Optional.empty();
    }
    ResolvedSource resolved = found.get();
    if (inv.debug()) {
      // ResolvedSource's text names the origin and the settings read, never a secret.
      inv.warn("debug: credentials from " + resolved);
    }
    HttpCatalogConfig.Builder<HttpImageCatalog> config = http();
    try {
      resolved.applyTo(config);
      if (identity != null) {
        config.identityUrl(identity);
      }
      if (region != null) {
        config.region(region);
      }
      if (endpoint != null) {
        config.endpoint(endpoint);
      }
      String where = resolved.hasToken()
          ? (endpoint != null ? endpoint : resolved.endpoint().orElseThrow()).toString()
          : (identity != null ? identity
                  : resolved.identityUrl().orElse(RackspaceIdentityAuthenticator.DEFAULT_IDENTITY_URL))
              + " as " + resolved.credentials().orElseThrow().username()
              + (region != null ? " in " + region : resolved.region().map(r -> " in " + r).orElse(""));
      return Optional.of(new Source(
          config.build(), where,
          "the credentials from " + resolved.origin() + " (" + String.join(", ", resolved.settings()) + ")"));
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw usage(resolved.origin() + ": " + Failures.oneLine(e.getMessage()));
    }
  }

  /** The variables the credential chain reads (and no others of the environment). */
  static final List<String> CHAIN_VARIABLES = List.of(
      "OS_AUTH_URL", "OS_USERNAME", "OS_PASSWORD", "OS_API_KEY", "OS_PROJECT_ID", "OS_TENANT_ID",
      "OS_PROJECT_NAME", "OS_TENANT_NAME", "OS_REGION_NAME", "OS_AUTH_TOKEN", "OS_ENDPOINT", "OS_CLOUD",
      ENV_USERNAME, ENV_API_KEY, ENV_PASSWORD, "RACKSPACE_REGION", "XDG_CONFIG_HOME", "HOME");

  private Source fileSource() {
    List<Image> images;
    try {
      images = CatalogFiles.read(catalogFile);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    try {
      return new Source(InMemoryImageCatalog.builder().images(images).build(), "catalog file " + catalogFile);
    } catch (IllegalArgumentException e) {
      throw usage("catalog file " + catalogFile + " is not usable: " + e.getMessage());
    }
  }

  private Source tokenSource(Invocation inv) {
    String secret =
        given(token)
            .or(() -> inv.env(ENV_TOKEN))
            .orElseThrow(
                () ->
                    usage(
                        "--endpoint needs a token: set " + ENV_TOKEN + " or give --token (or sign in with "
                            + "--username)"));
    HttpCatalogConfig.Builder<HttpImageCatalog> config = http();
    try {
      HttpImageCatalog catalog = config.token(secret, endpoint).build();
      return new Source(
          catalog,
          endpoint.toString(),
          "the token (" + (token != null ? "--token" : ENV_TOKEN) + "): tokens expire, get a new one");
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw usage(Failures.oneLine(e.getMessage()));
    }
  }

  private Source identitySource(Invocation inv, String user) {
    if (apiKey != null && password != null) {
      throw usage("give --api-key or --password, not both");
    }
    if (token != null) {
      throw usage("--token is for --endpoint without a user name; identity issues its own tokens");
    }
    HttpCatalogConfig.Builder<HttpImageCatalog> config = http();
    try {
      // An option beats the environment; of the two variables, the API key is Rackspace's recommended way.
      if (apiKey != null) {
        config.credentials(Credentials.apiKey(user, apiKey));
      } else if (password != null) {
        config.credentials(Credentials.password(user, password));
      } else if (inv.env(ENV_API_KEY).isPresent()) {
        config.credentials(Credentials.apiKey(user, inv.env(ENV_API_KEY).get()));
      } else if (inv.env(ENV_PASSWORD).isPresent()) {
        config.credentials(Credentials.password(user, inv.env(ENV_PASSWORD).get()));
      } else {
        throw usage(
            "user " + user + " needs an API key or a password: set " + ENV_API_KEY + " (or "
                + ENV_PASSWORD + "), or give --api-key");
      }
      if (identity != null) {
        config.identityUrl(identity);
      }
      if (region != null) {
        config.region(region);
      }
      if (endpoint != null) {
        config.endpoint(endpoint);
      }
      String where = (identity == null ? RackspaceIdentityAuthenticator.DEFAULT_IDENTITY_URL : identity)
          + " as " + user + (region == null ? "" : " in " + region);
      String secretName =
          apiKey != null ? "--api-key" : password != null ? "--password"
              : inv.env(ENV_API_KEY).isPresent() ? ENV_API_KEY : ENV_PASSWORD;
      return new Source(
          config.build(),
          where,
          "the user name (" + (username != null ? "--username" : ENV_USERNAME) + ") and " + secretName);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw usage(Failures.oneLine(e.getMessage()));
    }
  }

  /**
   * The one configuration's builder with the transport options applied; the library names its own settings in
   * its messages ({@code allowInsecureHttp} is {@code --insecure-http} here).
   */
  private HttpCatalogConfig.Builder<HttpImageCatalog> http() {
    HttpCatalogConfig.Builder<HttpImageCatalog> b = HttpImageCatalog.builder().allowInsecureHttp(insecureHttp);
    if (!insecureHttpHosts.isEmpty()) {
      // Each host was checked by its converter; the set drops repeats.
      b.insecureHttpHosts(Set.copyOf(insecureHttpHosts));
    }
    if (maxAttempts != null) {
      if (maxAttempts < 1) {
        throw usage("--max-attempts must be at least 1: " + maxAttempts);
      }
      b.retryPolicy(RetryPolicy.defaults().toBuilder().maxAttempts(maxAttempts).build());
    }
    if (timeoutSeconds != null) {
      b.connectTimeout(timeout()).requestTimeout(timeout());
    }
    if (totalTimeoutSeconds != null) {
      if (totalTimeoutSeconds < 1) {
        throw usage("--total-timeout must be at least 1 second: " + totalTimeoutSeconds);
      }
      b.apiCallTimeout(Duration.ofSeconds(totalTimeoutSeconds));
    }
    return b;
  }

  private Duration timeout() {
    if (timeoutSeconds < 1) {
      throw usage("--timeout must be at least 1 second: " + timeoutSeconds);
    }
    return Duration.ofSeconds(timeoutSeconds);
  }

  private static Optional<String> given(String option) {
    return option == null || option.isBlank() ? Optional.empty() : Optional.of(option);
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }

}
