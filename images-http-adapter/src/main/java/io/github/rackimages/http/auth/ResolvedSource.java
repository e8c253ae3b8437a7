package io.github.rackimages.http.auth;

import io.github.rackimages.http.HttpCatalogConfig;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link CredentialChain} found, and where: Rackspace Identity credentials (with an identity URL and a
 * region when the source gave them), or a token with the compute endpoint it is for. {@link #applyTo} copies it
 * onto a {@link HttpCatalogConfig.Builder}; {@link #origin()} and {@link #toString()} say where it came from and
 * never show the API key, password or token.
 *
 * <pre>{@code
 * HttpCatalogConfig.Builder<HttpImageCatalog> builder = HttpImageCatalog.builder();
 * CredentialChain.defaults().resolve().orElseThrow().applyTo(builder);
 * ImageCatalog catalog = builder.build();
 * }</pre>
 *
 * @since 1.0
 */
public final class ResolvedSource {

  private final String origin;
  private final List<String> settings;
  private final Credentials credentials;
  private final URI identityUrl;
  private final String region;
  private final String projectId;
  private final String token;
  private final URI endpoint;

  private ResolvedSource(
      String origin, List<String> settings, Credentials credentials, URI identityUrl, String region,
      String projectId, String token, URI endpoint) {
    this.origin = origin;
    this.settings = List.copyOf(settings);
    this.credentials = credentials;
    this.identityUrl = identityUrl;
    this.region = region;
    this.projectId = projectId;
    this.token = token;
    this.endpoint = endpoint;
  }

  static ResolvedSource credentials(
      String origin, List<String> settings, Credentials credentials, URI identityUrl, String region,
      String projectId) {
    return new ResolvedSource(
        origin, settings, Objects.requireNonNull(credentials), identityUrl, region, projectId, null, null);
  }

  static ResolvedSource token(String origin, List<String> settings, String token, URI endpoint, String projectId) {
    return new ResolvedSource(
        origin, settings, null, null, null, projectId, Objects.requireNonNull(token), Objects.requireNonNull(endpoint));
  }

  /**
   * Where the settings came from: {@code environment OS_*}, {@code environment RACKSPACE_*} or
   * {@code clouds.yaml at <path>, cloud '<name>'}.
   */
  public String origin() {
    return origin;
  }

  /** The names of the variables or clouds.yaml keys that were read (names only, never values). */
  public List<String> settings() {
    return settings;
  }

  /** The Rackspace Identity credentials; empty for a token. */
  public Optional<Credentials> credentials() {
    return Optional.ofNullable(credentials);
  }

  /** The identity endpoint the source named; empty for Rackspace's (or with a token). */
  public Optional<URI> identityUrl() {
    return Optional.ofNullable(identityUrl);
  }

  /** The region the source named; empty for the user's default region (or with a token). */
  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  /**
   * The project (tenant) the source named. Reported, not applied: Rackspace Identity scopes the token to the
   * user's own tenant, and the compute endpoint names it.
   */
  public Optional<String> projectId() {
    return Optional.ofNullable(projectId);
  }

  /** Whether the source gave a token (with {@link #endpoint()}) rather than credentials. */
  public boolean hasToken() {
    return token != null;
  }

  /** The compute endpoint the token is for; empty with credentials. */
  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  /** The token, for {@link #applyTo} only. */
  String token() {
    return token;
  }

  /**
   * Sets the credentials, identity URL and region, or the token and its endpoint, on {@code builder}; settings the
   * source did not name are left as they are. Call it before your own settings, which then win.
   *
   * @return {@code builder}
   * @throws IllegalArgumentException if the identity URL or the endpoint is not an absolute http(s) URL without
   *     user info, query or fragment
   */
  public <R> HttpCatalogConfig.Builder<R> applyTo(HttpCatalogConfig.Builder<R> builder) {
    Objects.requireNonNull(builder, "builder");
    if (token != null) {
      return builder.token(token, endpoint);
    }
    builder.credentials(credentials);
    if (identityUrl != null) {
      builder.identityUrl(identityUrl);
    }
    if (region != null) {
      builder.region(region);
    }
    return builder;
  }

  /** The origin and every setting, with the API key, password and token shown as {@code ****}. */
  @Override
  public String toString() {
    return "ResolvedSource[" + origin + " " + settings + ": "
        + (token != null
            ? "token=****, endpoint=" + endpoint
            : credentials + (identityUrl == null ? "" : ", identityUrl=" + identityUrl)
                + (region == null ? "" : ", region=" + region))
        + (projectId == null ? "" : ", projectId=" + projectId) + "]";
  }
}
