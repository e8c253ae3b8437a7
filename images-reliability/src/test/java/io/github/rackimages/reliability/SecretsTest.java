package io.github.rackimages.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogProtocolException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.cli.Cli;
import io.github.rackimages.http.HttpCatalogConfig;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.RetryPolicy;
import io.github.rackimages.http.auth.AccessToken;
import io.github.rackimages.http.auth.AuthSession;
import io.github.rackimages.http.auth.Credentials;
import io.github.rackimages.http.auth.FixedTokenAuthenticator;
import io.github.rackimages.http.auth.RackspaceIdentityAuthenticator;
import io.github.rackimages.http.guice.HttpImageCatalogModule;
import io.github.rackimages.reliability.support.HostileIdentity;
import io.github.rackimages.reliability.support.JsonText;
import io.github.rackimages.reliability.support.LoopbackServer;
import io.github.rackimages.reliability.support.Request;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A canary token, API key and password run through every path (debug logging on, every error type, the CLI with
 * {@code --debug}, the {@code toString()} of every configuration object, authenticator and exception): none may
 * appear in anything captured. The token goes to the endpoint's origin only, whatever the service's links and
 * redirects say; credentials only to the identity URL; plain http to another machine is refused.
 */
class SecretsTest {

  static final String TOKEN = "canaryTOKEN-5f0e1d2c3b4a";
  static final String API_KEY = "canaryAPIKEY-0a9b8c7d6e";
  static final String PASSWORD = "canaryPASSWORD-1z2y3x";
  static final String USER = "canary-user";

  /** How the service answers compute requests, by scenario. */
  enum Compute {
    OK_WITH_FOREIGN_NEXT_LINK,
    REDIRECT_302,
    REDIRECT_307,
    REDIRECT_308,
    FAULT_ECHOING_SECRETS,
    MALFORMED_ECHOING_TOKEN,
    HTML_ECHOING_TOKEN,
    ALWAYS_401,
    REQUEST_ID_IS_THE_TOKEN,
    CUT_BODY_ECHOING_TOKEN
  }

  private static LoopbackServer service;
  private static LoopbackServer elsewhere;
  private static LoopbackServer trap;
  private static volatile Compute mode = Compute.OK_WITH_FOREIGN_NEXT_LINK;
  private static volatile int faultStatus = 400;
  private static volatile boolean identityRedirects;
  private static final List<String> captured = new ArrayList<>();
  private static Logger library;
  private static Handler capture;

  @BeforeAll
  static void start() {
    elsewhere = LoopbackServer.start("elsewhere", (r, reply) -> reply.send(200, Map.of("Content-Type", "application/json"), "{\"images\": []}".getBytes(StandardCharsets.UTF_8)));
    trap = LoopbackServer.start("trap", (r, reply) -> reply.reset());
    service = LoopbackServer.start("secrets-service", SecretsTest::answer);
    library = Logger.getLogger("io.github.rackimages");
    SimpleFormatter f = new SimpleFormatter();
    capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            synchronized (captured) {
              captured.add(f.format(record));
            }
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    capture.setLevel(Level.ALL);
    library.setLevel(Level.ALL);
    library.addHandler(capture);
  }

  @AfterAll
  static void stop() {
    library.removeHandler(capture);
    library.setLevel(null);
    service.close();
    elsewhere.close();
    trap.close();
  }

  @BeforeEach
  void reset() {
    mode = Compute.OK_WITH_FOREIGN_NEXT_LINK;
    identityRedirects = false;
  }

  private static void answer(Request r, LoopbackServer.Reply reply) throws IOException {
    Map<String, String> json = Map.of("Content-Type", "application/json");
    // The compute service is only ever sent the token, so that is what it can echo in free text; credentials it
    // can only quote in fields named after them, which must be masked whatever their value.
    String echo = "token " + TOKEN + " is bad; X-Auth-Token: " + TOKEN + "; apiKey=" + API_KEY + "; password: " + PASSWORD;
    if (r.rawPath().startsWith("/v2.0/tokens")) {
      if (identityRedirects) {
        reply.send(307, Map.of("Location", elsewhere.origin() + "/v2.0/tokens"), new byte[0]);
        return;
      }
      byte[] access = JsonText.replace(
          HostileIdentity.access(TOKEN, Instant.now()),
          List.of("access", "serviceCatalog", 2, "endpoints", 0, "publicURL"),
          ("\"" + service.origin() + "/v2/123456\"").getBytes(StandardCharsets.UTF_8));
      reply.send(200, json, access);
      return;
    }
    String path = r.rawPath();
    boolean list = path.endsWith("/images") || path.endsWith("/images/detail");
    switch (mode) {
      case OK_WITH_FOREIGN_NEXT_LINK -> {
        boolean first = !r.rawQuery().orElse("").contains("marker=");
        String id = first ? "11111111-aaaa" : "22222222-bbbb";
        String next = elsewhere.origin() + path + "?limit=1&marker=" + id;
        String image = "{\"id\": \"" + id + "\", \"name\": \"n\", \"status\": \"ACTIVE\", \"created\": \"2015-01-01T00:00:00Z\","
            + " \"links\": [{\"rel\": \"self\", \"href\": \"" + elsewhere.origin() + "/v2/123456/images/" + id + "\"}]}";
        String body = list
            ? "{\"images\": [" + image + "]" + (first ? ", \"images_links\": [{\"rel\": \"next\", \"href\": \"" + next + "\"}]" : "") + "}"
            : "{\"image\": " + image + "}";
        reply.send(200, json, body.getBytes(StandardCharsets.UTF_8));
      }
      case REDIRECT_302, REDIRECT_307, REDIRECT_308 -> reply.send(
          Integer.parseInt(mode.name().substring(9)),
          Map.of("Location", elsewhere.origin() + r.target() + "&token=" + TOKEN),
          new byte[0]);
      case FAULT_ECHOING_SECRETS -> reply.send(
          faultStatus,
          Map.of("Content-Type", "application/json; charset=UTF-8", "Retry-After", "0"),
          ("{\"fault\": {\"code\": " + faultStatus + ", \"message\": \"" + echo + "\", \"details\": \"{\\\"password\\\": \\\""
              + PASSWORD + "\\\", \\\"X-Auth-Token\\\": \\\"" + TOKEN + "\\\"}\"}}").getBytes(StandardCharsets.UTF_8));
      case MALFORMED_ECHOING_TOKEN -> reply.send(200, json, ("{\"images\": [{\"id\": \"" + TOKEN + "\", " + TOKEN + "}]}").getBytes(StandardCharsets.UTF_8));
      case HTML_ECHOING_TOKEN -> reply.send(200, Map.of("Content-Type", "text/html"), ("<html>" + echo + "</html>").getBytes(StandardCharsets.UTF_8));
      case ALWAYS_401 -> reply.send(401, Map.of("Content-Type", "application/json", "WWW-Authenticate", "Keystone uri='x', token='" + TOKEN + "'"),
          ("{\"unauthorized\": {\"code\": 401, \"message\": \"token " + TOKEN + " expired\"}}").getBytes(StandardCharsets.UTF_8));
      case REQUEST_ID_IS_THE_TOKEN -> reply.send(503, Map.of("Content-Type", "application/json", "X-Compute-Request-Id", TOKEN),
          "{\"serviceUnavailable\": {\"code\": 503}}".getBytes(StandardCharsets.UTF_8));
      case CUT_BODY_ECHOING_TOKEN -> reply.raw(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{\"images\": [{\"id\": \"" + TOKEN).getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A client whose only way to any host but loopback is the trap: nothing here may reach a real address. */
  private static HttpClient trappedClient() {
    ProxySelector toTrap =
        new ProxySelector() {
          @Override
          public List<Proxy> select(URI uri) {
            String host = uri.getHost();
            return host != null && (host.equals("127.0.0.1") || host.equals("localhost"))
                ? List.of(Proxy.NO_PROXY)
                : List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", trap.port())));
          }

          @Override
          public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        };
    return HttpClient.newBuilder().proxy(toTrap).followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
  }

  private static RackspaceIdentityAuthenticator identity(Credentials credentials) {
    return RackspaceIdentityAuthenticator.builder()
        .identityUrl(URI.create(service.origin() + "/v2.0"))
        .credentials(credentials)
        .httpClient(trappedClient())
        .requestTimeout(Duration.ofSeconds(2))
        .build();
  }

  private static List<HttpImageCatalog> catalogs() {
    RetryPolicy quick = RetryPolicy.builder().maxAttempts(2).baseDelay(Duration.ZERO).maxDelay(Duration.ofMillis(1)).build();
    return List.of(
        HttpImageCatalog.builder().token(TOKEN, URI.create(service.origin() + "/v2/123456")).httpClient(trappedClient())
            .retryPolicy(quick).requestTimeout(Duration.ofSeconds(2)).build(),
        HttpImageCatalog.builder().authenticator(identity(Credentials.apiKey(USER, API_KEY))).httpClient(trappedClient())
            .retryPolicy(quick).requestTimeout(Duration.ofSeconds(2)).build(),
        HttpImageCatalog.builder().authenticator(identity(Credentials.password(USER, PASSWORD))).httpClient(trappedClient())
            .retryPolicy(quick).requestTimeout(Duration.ofSeconds(2)).build());
  }

  /** Everything a user could see of a call: its result, or its exception with causes and stack trace. */
  private static String runEveryCall(HttpImageCatalog catalog) {
    StringBuilder seen = new StringBuilder(catalog.toString()).append('\n');
    List<Supplier<Object>> calls =
        List.of(
            () -> catalog.list(ImageFilter.all(), PageRequest.first(1)),
            () -> catalog.listSummaries(ImageFilter.all(), PageRequest.first(1)),
            () -> catalog.find(ImageId.of("11111111-aaaa")),
            () -> catalog.stream(ImageFilter.all(), PageRequest.first(1)).toList(),
            () -> catalog.listAsync(ImageFilter.all(), PageRequest.first(1)).join(),
            () -> catalog.findAsync(ImageId.of("x")).join());
    for (Supplier<Object> call : calls) {
      try {
        seen.append(call.get()).append('\n');
      } catch (RuntimeException e) {
        Throwable t = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        assertThat(t).as("every failure is typed").isInstanceOf(ImageCatalogException.class);
        seen.append(everything(t));
      }
    }
    return seen.toString();
  }

  static String everything(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    StringBuilder s = new StringBuilder(w.toString());
    for (Throwable c = t; c != null; c = c.getCause()) {
      s.append(c).append('\n');
      if (c instanceof ImageCatalogException e) {
        s.append(e.details()).append(e.details().bodyExcerpt().orElse("")).append(e.details().serviceMessage().orElse(""))
            .append(e.requestId().orElse("")).append(e.faultName().orElse(""));
      }
    }
    return s.toString();
  }

  private static void assertNoSecretIn(String what, String text) {
    for (String secret : List.of(TOKEN, API_KEY, PASSWORD)) {
      assertThat(text).as(what + " must not hold " + secret).doesNotContain(secret);
    }
  }

  private static String logs() {
    synchronized (captured) {
      String all = String.join("", captured);
      captured.clear();
      return all;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"OK_WITH_FOREIGN_NEXT_LINK", "REDIRECT_302", "REDIRECT_307", "REDIRECT_308", "FAULT_ECHOING_SECRETS",
      "MALFORMED_ECHOING_TOKEN", "HTML_ECHOING_TOKEN", "ALWAYS_401", "REQUEST_ID_IS_THE_TOKEN", "CUT_BODY_ECHOING_TOKEN"})
  void noSecretAppearsInResultsExceptionsOrDebugLogsAndTheTokenGoesNowhereElse(String scenario) {
    mode = Compute.valueOf(scenario);
    service.clearRequests();
    elsewhere.clearRequests();
    logs();
    StringBuilder seen = new StringBuilder();
    for (HttpImageCatalog catalog : catalogs()) {
      seen.append(runEveryCall(catalog));
    }
    String log = logs();

    assertThat(log).as("debug logging was on").isNotEmpty();
    assertNoSecretIn(scenario + ": what the calls showed", seen.toString());
    assertNoSecretIn(scenario + ": the debug log", log);
    assertThat(elsewhere.requests()).as(scenario + ": requests to another origin").isEmpty();
    assertThat(trap.requests()).as(scenario + ": requests to a non-loopback host").isEmpty();
    for (Request r : service.requests()) {
      boolean toIdentity = r.rawPath().startsWith("/v2.0/");
      if (!toIdentity) {
        assertThat(r.asText()).as("a compute request").doesNotContain(API_KEY).doesNotContain(PASSWORD);
        assertThat(r.header("X-Auth-Token")).hasValue(TOKEN);
      } else {
        assertThat(r.header("X-Auth-Token")).as("identity is never sent a token").isEmpty();
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 403, 404, 405, 409, 413, 429, 500, 502, 503})
  void everyErrorTypeKeepsTheSecretsOut(int status) {
    mode = Compute.FAULT_ECHOING_SECRETS;
    faultStatus = status;
    logs();
    StringBuilder seen = new StringBuilder();
    for (HttpImageCatalog catalog : catalogs()) {
      seen.append(runEveryCall(catalog));
    }
    assertNoSecretIn("HTTP " + status, seen.toString());
    assertNoSecretIn("HTTP " + status + " debug log", logs());
  }

  @Test
  void identityErrorsAndRedirectsKeepTheCredentialsOutAndAtTheIdentityUrl() {
    LoopbackServer identityErrors =
        LoopbackServer.start("identity-errors", (r, reply) -> {
          // Identity echoes what it was sent, in free text, and quotes both kinds of secret in named fields.
          String sent = r.bodyText().contains(API_KEY) ? API_KEY : PASSWORD;
          reply.send(401, Map.of("Content-Type", "application/json"),
              ("{\"unauthorized\": {\"code\": 401, \"message\": \"bad credentials " + sent + "\", \"details\": \"{\\\"apiKey\\\": \\\""
                  + API_KEY + "\\\", \\\"password\\\": \\\"" + PASSWORD + "\\\"}\"}}").getBytes(StandardCharsets.UTF_8));
        });
    try {
      logs();
      StringBuilder seen = new StringBuilder();
      for (Credentials c : List.of(Credentials.apiKey(USER, API_KEY), Credentials.password(USER, PASSWORD))) {
        RackspaceIdentityAuthenticator auth =
            RackspaceIdentityAuthenticator.builder().identityUrl(URI.create(identityErrors.origin() + "/v2.0")).credentials(c).build();
        seen.append(auth).append(c);
        assertThatThrownBy(auth::session).satisfies(t -> seen.append(everything(t)));
      }
      identityRedirects = true;
      for (Credentials c : List.of(Credentials.apiKey(USER, API_KEY), Credentials.password(USER, PASSWORD))) {
        RackspaceIdentityAuthenticator auth = identity(c);
        assertThatThrownBy(auth::session).isInstanceOf(ImageCatalogException.class).satisfies(t -> seen.append(everything(t)));
      }
      assertNoSecretIn("identity errors", seen.toString());
      assertNoSecretIn("identity debug log", logs());
      assertThat(elsewhere.requests()).as("credentials followed a redirect").isEmpty();
    } finally {
      identityErrors.close();
    }
  }

  @Test
  void toStringOfEveryConfigurationObjectAuthenticatorAndSessionHidesTheSecrets() {
    URI endpoint = URI.create(service.origin() + "/v2/123456");
    List<Object> objects = new ArrayList<>();
    objects.add(Credentials.apiKey(USER, API_KEY));
    objects.add(Credentials.password(USER, PASSWORD));
    objects.add(AccessToken.of(TOKEN));
    objects.add(AccessToken.of(TOKEN, Instant.now()));
    objects.add(new AuthSession(AccessToken.of(TOKEN), endpoint));
    objects.add(FixedTokenAuthenticator.of(TOKEN, endpoint));
    objects.add(identity(Credentials.apiKey(USER, API_KEY)));
    objects.add(identity(Credentials.password(USER, PASSWORD)));
    objects.addAll(catalogs());
    HttpCatalogConfig byKey = HttpCatalogConfig.builder().identityUrl(URI.create(service.origin() + "/v2.0"))
        .credentials(Credentials.apiKey(USER, API_KEY)).build();
    HttpCatalogConfig byToken = HttpCatalogConfig.builder().token(TOKEN, endpoint).build();
    objects.add(byKey);
    objects.add(byToken);
    objects.add(new HttpImageCatalogModule(byKey));
    objects.add(new HttpImageCatalogModule(byToken));
    objects.add(RetryPolicy.defaults());
    try (ImageEmulator emulator = ImageEmulator.builder().user(USER, API_KEY, PASSWORD).start()) {
      objects.add(emulator);
    }
    String all = objects.stream().map(String::valueOf).collect(Collectors.joining("\n"));
    assertNoSecretIn("toString()", all);
    assertThat(all).contains(USER);
  }

  @Test
  void theEmulatorsDebugLogHoldsNoCredentialOrToken() {
    try (ImageEmulator emulator = ImageEmulator.builder().user(USER, API_KEY, PASSWORD).start()) {
      logs();
      RackspaceIdentityAuthenticator auth =
          RackspaceIdentityAuthenticator.builder().identityUrl(emulator.identityUrl()).apiKey(USER, API_KEY).build();
      String issued = auth.session().token().secret();
      HttpImageCatalog catalog = HttpImageCatalog.builder().authenticator(auth).build();
      catalog.list(ImageFilter.all(), PageRequest.first(2));
      RackspaceIdentityAuthenticator wrong =
          RackspaceIdentityAuthenticator.builder().identityUrl(emulator.identityUrl()).password(USER, PASSWORD + "x").build();
      assertThatThrownBy(wrong::session).isInstanceOf(ImageCatalogException.class);
      String log = logs();
      assertThat(log).contains("io.github.rackimages.emulator");
      assertNoSecretIn("emulator log", log);
      assertThat(log).doesNotContain(issued);
    }
  }

  /** The CLI with {@code --debug}: a token from the environment, an API key and a password from options or variables. */
  @ParameterizedTest
  @ValueSource(strings = {"OK_WITH_FOREIGN_NEXT_LINK", "REDIRECT_307", "FAULT_ECHOING_SECRETS", "MALFORMED_ECHOING_TOKEN",
      "HTML_ECHOING_TOKEN", "ALWAYS_401", "REQUEST_ID_IS_THE_TOKEN", "CUT_BODY_ECHOING_TOKEN"})
  void theCliWithDebugShowsNoSecret(String scenario) {
    mode = Compute.valueOf(scenario);
    faultStatus = 500;
    elsewhere.clearRequests();
    String endpoint = service.origin() + "/v2/123456";
    String identityUrl = service.origin() + "/v2.0";
    List<String[]> commands =
        List.of(
            new String[] {"--debug", "list", "--endpoint", endpoint, "--all", "--limit", "1", "--max-attempts", "1"},
            new String[] {"--debug", "list", "--detail", "--endpoint", endpoint, "--format", "json", "--max-attempts", "1"},
            new String[] {"--debug", "show", "11111111-aaaa", "--endpoint", endpoint, "--max-attempts", "1"},
            new String[] {"--debug", "list", "--endpoint", endpoint, "--token", TOKEN, "--max-attempts", "1"},
            new String[] {"--debug", "list", "--identity", identityUrl, "--username", USER, "--max-attempts", "1"},
            new String[] {"--debug", "list", "--identity", identityUrl, "--username", USER, "--api-key", API_KEY, "--max-attempts", "1"},
            new String[] {"--debug", "list", "--identity", identityUrl, "--username", USER, "--password", PASSWORD, "--max-attempts", "1"},
            new String[] {"--debug", "list", "--sample", "--token", TOKEN},
            new String[] {"--debug", "list", "--endpoint", endpoint, "--token", TOKEN, "--bogus"},
            new String[] {"--debug", "list", "--endpoint", "http://192.0.2.1/v2/1", "--token", TOKEN});
    List<Map<String, String>> envs = new ArrayList<>();
    Map<String, String> token = new LinkedHashMap<>();
    token.put("IMAGES_TOKEN", TOKEN);
    envs.add(token);
    Map<String, String> key = new LinkedHashMap<>(token);
    key.put("RACKSPACE_API_KEY", API_KEY);
    envs.add(key);
    Map<String, String> password = new LinkedHashMap<>(token);
    password.put("RACKSPACE_PASSWORD", PASSWORD);
    envs.add(password);
    for (String[] args : commands) {
      for (Map<String, String> env : envs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
          code = Cli.run(args, env, o, e);
        }
        String shown = "exit " + code + "\n" + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertNoSecretIn(scenario + " " + String.join(" ", args).replace(TOKEN, "T").replace(API_KEY, "K").replace(PASSWORD, "P"), shown);
      }
    }
    assertThat(elsewhere.requests()).as("requests to another origin").isEmpty();
    assertThat(trap.requests()).isEmpty();
  }

  /** 192.0.2.1 is a documentation address; every configuration here is refused before any connection. */
  @Test
  void plainHttpToAHostThatIsNotLoopbackIsRefusedUnlessTheUserOptsIn() {
    URI remote = URI.create("http://192.0.2.1/v2/123456");
    assertThatThrownBy(() -> HttpImageCatalog.builder().token(TOKEN, remote).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plain http").hasMessageNotContaining(TOKEN);
    assertThatThrownBy(() -> HttpImageCatalog.builder().token(TOKEN, URI.create("https://192.0.2.1/v2/1")).endpoint(remote).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RackspaceIdentityAuthenticator.builder().identityUrl(URI.create("http://192.0.2.1/v2.0")).apiKey(USER, API_KEY).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(API_KEY);
    assertThatThrownBy(() -> RackspaceIdentityAuthenticator.builder().endpointOverride(remote).apiKey(USER, API_KEY).build())
        .isInstanceOf(IllegalArgumentException.class);
    // The Guice config is plain data; the catalog built from it (as the module does) refuses it.
    HttpCatalogConfig config = HttpCatalogConfig.builder().token(TOKEN, remote).build();
    assertThatThrownBy(() -> HttpImageCatalog.create(config))
        .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining(TOKEN);
    // Opting in lets the call go, in clear text, to that host and no other: a stand-in for it (reached through a
    // proxy, so that nothing leaves loopback) receives the requests for it (the JDK client may repeat a GET the
    // server reset), each carrying the token.
    LoopbackServer optedIn = LoopbackServer.start("opted-in-remote", (r, reply) -> reply.reset());
    try {
      HttpClient toOptedIn = HttpClient.newBuilder()
          .proxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", optedIn.port())))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
      HttpImageCatalog insecure = HttpImageCatalog.builder()
          .token(TOKEN, remote).allowInsecureHttp(true).httpClient(toOptedIn).retryPolicy(RetryPolicy.none()).build();
      assertThat(optedIn.requests()).as("no I/O before the first call").isEmpty();
      assertThatThrownBy(() -> insecure.list(ImageFilter.all(), PageRequest.first(1)))
          .isInstanceOf(ImageCatalogTransportException.class)
          .satisfies(t -> assertNoSecretIn("the opted-in failure", everything(t)));
      assertThat(optedIn.requests()).isNotEmpty().allSatisfy(r -> {
        assertThat(r.target()).startsWith("http://192.0.2.1/v2/123456/images");
        assertThat(r.header("X-Auth-Token")).contains(TOKEN);
      });
    } finally {
      optedIn.close();
    }

    // Identity on loopback hands out a plain-http catalog endpoint on another machine: refused before any
    // connection to it (the client's only route off loopback is the trap, which must stay silent).
    LoopbackServer identityWithRemoteEndpoint =
        LoopbackServer.start("identity-remote", (r, reply) -> reply.send(200, Map.of("Content-Type", "application/json"),
            JsonText.replace(HostileIdentity.access(TOKEN, Instant.now()),
                List.of("access", "serviceCatalog", 2, "endpoints", 0, "publicURL"),
                "\"http://192.0.2.1/v2/123456\"".getBytes(StandardCharsets.UTF_8))));
    try {
      HttpImageCatalog catalog =
          HttpImageCatalog.builder()
              .authenticator(
                  RackspaceIdentityAuthenticator.builder()
                      .identityUrl(URI.create(identityWithRemoteEndpoint.origin() + "/v2.0"))
                      .apiKey(USER, API_KEY)
                      .httpClient(trappedClient())
                      .build())
              .httpClient(trappedClient())
              .build();
      assertThatThrownBy(() -> catalog.list(ImageFilter.all(), PageRequest.first(1)))
          .isInstanceOf(ImageCatalogProtocolException.class)
          .hasMessageContaining("plain http")
          .satisfies(t -> assertNoSecretIn("the refusal", everything(t)));
      assertThat(trap.requests()).as("connections off loopback").isEmpty();
    } finally {
      identityWithRemoteEndpoint.close();
    }
  }
}
