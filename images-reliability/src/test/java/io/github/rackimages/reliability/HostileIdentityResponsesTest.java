package io.github.rackimages.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.http.auth.AuthSession;
import io.github.rackimages.http.auth.Credentials;
import io.github.rackimages.http.auth.RackspaceIdentityAuthenticator;
import io.github.rackimages.reliability.support.Bounded;
import io.github.rackimages.reliability.support.Figures;
import io.github.rackimages.reliability.support.HostileIdentity;
import io.github.rackimages.reliability.support.LoopbackServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Hostile answers of the identity service, served over loopback to a real {@link RackspaceIdentityAuthenticator}:
 * each must end in a typed {@link ImageCatalogException} or a usable session, within its budget, and no message
 * may hold the token, the API key or the password.
 */
class HostileIdentityResponsesTest {

  static final String TOKEN = "canary-identity-token-4b1d9e";
  static final String API_KEY = "canary-api-key-77c3a0f2";
  static final String PASSWORD = "canary-password-9e8f1d";
  static final Duration TIMEOUT = Duration.ofSeconds(2);
  static final Duration BUDGET = TIMEOUT.plusSeconds(4);

  private static LoopbackServer server;
  private static volatile HostileIdentity.Case current;
  private static HttpClient client;
  private static Bounded bounded;
  private static final Figures FIGURES = new Figures("hostile-identity");

  @BeforeAll
  static void start() {
    server =
        LoopbackServer.start(
            "identity",
            (request, reply) -> {
              HostileIdentity.Case c = current;
              if (c.raw()) {
                reply.raw(c.body());
              } else {
                reply.send(c.status(), c.headers(), c.body());
              }
            });
    client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    bounded = new Bounded();
  }

  @AfterAll
  static void stop() {
    server.close();
    bounded.close();
    FIGURES.write("hostile answers of the identity service");
  }

  @Test
  void seededMutationsOfARealisticAnswerEndInATypedFailureOrAUsableSession() {
    Instant now = Instant.now();
    List<HostileIdentity.Case> cases = new ArrayList<>();
    for (long seed = 1; seed <= 12; seed++) {
      cases.addAll(HostileIdentity.mutations(seed, TOKEN, now));
    }
    List<String> failures = runAll(cases);

    assertThat(failures).as("cases that ended badly").isEmpty();
    assertThat(cases).hasSizeGreaterThan(500);
  }

  @Test
  void unusableAndHostileAnswersEndInATypedFailureWithoutASecretInTheMessage() {
    List<HostileIdentity.Case> cases = HostileIdentity.fixedCorpus(TOKEN, API_KEY, PASSWORD, Instant.now());
    List<String> failures = runAll(cases);

    assertThat(failures).as("cases that ended badly").isEmpty();
    assertThat(cases).hasSizeGreaterThan(100);
  }

  private List<String> runAll(List<HostileIdentity.Case> cases) {
    List<String> failures = new ArrayList<>();
    for (HostileIdentity.Case c : cases) {
      String f = runOne(c);
      FIGURES.count("cases: all");
      FIGURES.count("cases: " + c.family());
      if (f != null) {
        FIGURES.count("FAILED: " + c.family());
        if (failures.size() < 40) {
          failures.add(f + "\n    case: " + c.describe());
        }
      }
    }
    return failures;
  }

  private int run;

  private String runOne(HostileIdentity.Case c) {
    current = c;
    boolean byPassword = run++ % 2 == 1;
    // A new authenticator per case: the token cache must not answer for the service.
    RackspaceIdentityAuthenticator auth =
        RackspaceIdentityAuthenticator.builder()
            .identityUrl(URI.create(server.origin() + "/v2.0"))
            .credentials(byPassword ? Credentials.password("demo", PASSWORD) : Credentials.apiKey("demo", API_KEY))
            .httpClient(client)
            .requestTimeout(TIMEOUT)
            .build();
    Bounded.Result<AuthSession> r = bounded.run(auth::session, BUDGET.plusSeconds(2));
    if (r.hung()) {
      FIGURES.count("outcome: hung");
      return "hung";
    }
    if (r.elapsed().compareTo(BUDGET) > 0) {
      return "took " + r.elapsed().toMillis() + " ms";
    }
    if (r.thrown() != null) {
      if (!(r.thrown() instanceof ImageCatalogException e)) {
        FIGURES.count("outcome: undeclared exception");
        return "undeclared exception " + r.thrown() + " at " + List.of(r.thrown().getStackTrace()).subList(0, Math.min(6, r.thrown().getStackTrace().length));
      }
      FIGURES.count("outcome: " + e.getClass().getSimpleName());
      String all = e.getMessage() + " " + e.details() + " " + e.details().bodyExcerpt().orElse("") + " "
          + e.details().serviceMessage().orElse("") + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
      // The secret the client sent, and the token where the answer carried it (a 200). Identity is never sent a
      // token; a secret the client was not given (the API key when it sent a password) it cannot know to cut,
      // except where a field names it, which DefectRegressionTest checks.
      String sent = byPassword ? PASSWORD : API_KEY;
      for (String secret : c.status() == 200 ? List.of(TOKEN, sent) : List.of(sent)) {
        if (all.contains(secret)) {
          return "a secret in the exception: " + all;
        }
      }
      return null;
    }
    FIGURES.count("outcome: a session");
    if (c.mustFail()) {
      return "gave a session " + r.value() + " instead of failing";
    }
    AuthSession s = r.value();
    String touched = c.touched().toString();
    if (!s.token().secret().equals(TOKEN) && !touched.startsWith("[access, token")) {
      return "a session with another token";
    }
    if (!s.endpoint().toString().equals(HostileIdentity.COMPUTE.get("DFW"))
        && !touched.startsWith("[access, serviceCatalog") && !touched.startsWith("[access, user")) {
      return "a session for another endpoint: " + s.endpoint();
    }
    if (s.toString().contains(TOKEN)) {
      return "the session's toString shows the token";
    }
    return null;
  }
}
