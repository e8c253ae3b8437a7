package io.github.rackimages.http.auth;

import io.github.rackimages.http.RetryPolicy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.http.auth.IdentityServer.Reply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API key, the password and the token never show in an exception (message, cause chain, details), a
 * {@code toString()} or a log line, whatever the identity service answers; the user name may.
 */
class SecretsTest {

  private static final String KEY = "CANARY-KEY-123";
  private static final String PASSWORD = "CANARY-PW-456";
  private static final String TOKEN = "CANARY-TOKEN-789";
  private static final List<String> CANARIES = List.of(KEY, PASSWORD, TOKEN, "CANARY");

  private IdentityServer server;
  private LogCapture log;
  private final MutableClock clock = new MutableClock(Access.NOW);

  @BeforeEach
  void start() {
    server = IdentityServer.start();
    log = new LogCapture();
  }

  @AfterEach
  void stop() {
    log.close();
    server.close();
  }

  private RackspaceIdentityAuthenticator.Builder builder(Function<RackspaceIdentityAuthenticator.Builder,
      RackspaceIdentityAuthenticator.Builder> credentials) {
    return credentials.apply(RackspaceIdentityAuthenticator.builder()
        .retryPolicy(RetryPolicy.none()) // One identity answer at a time: IdentityRetryTest covers retries.
        .identityUrl(server.identityUrl())
        .httpClient(IdentityServer.CLIENT)
        .clock(clock));
  }

  /**
   * Every answer that makes authentication fail, several of them echoing the user's secret back (in a message, in
   * details, in an HTML page, in a field named like a secret) and some holding the token in an unusable 200.
   */
  private static List<Reply> failingReplies(String secret) {
    return List.of(
        Reply.json(401, "{\"unauthorized\": {\"code\": 401, \"message\": \"credential " + secret + " refused\"}}"),
        Reply.json(400, "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid request body\", \"details\": "
            + "\"{\\\"apiKey\\\": \\\"" + secret + "\\\", \\\"password\\\": \\\"" + secret + "\\\"}\"}}"),
        Reply.of(403, "text/html", "<html>apiKey=" + secret + "&password=" + secret + "</html>"),
        // Secret-named fields are redacted whatever their value, even one this library does not know.
        Reply.of(400, "text/plain", "rejected: {\"password\": \"CANARY-OTHER\", \"apiKey\":\"CANARY-OTHER\"}"),
        Reply.json(413, "{\"overLimit\": {\"code\": 413, \"message\": \"slow " + secret + "\"}}")
            .withHeader("Retry-After", "5"),
        Reply.json(500, "{\"identityFault\": {\"code\": 500, \"message\": \"" + secret + "\"}}"),
        Reply.json(503, "{\"serviceUnavailable\": {\"code\": 503, \"message\": \"" + secret + "\"}}"),
        // A 200 holding the token but unusable in many ways: the token must not leak through the message.
        Reply.json(200, Access.threeRegions(TOKEN, Access.EXPIRES, "HKG")),
        Reply.json(200, Access.threeRegions(TOKEN, "2000-01-01T00:00:00Z", "ORD")),
        Reply.json(200, Access.threeRegions(TOKEN, "not-a-date", "ORD")),
        Reply.json(200, "{\"access\": {\"token\": {\"id\": \"" + TOKEN + " x\", \"expires\": \"2015-06-06T12:00:00Z\"}}}"),
        Reply.json(200, "{\"access\": {\"token\": {\"id\": \"" + TOKEN + "\", \"expires\": 5}}}"),
        Reply.json(200, "{\"access\": {\"token\": {\"id\": \"" + TOKEN + "\" \"expires\": 5}}}"),
        Reply.json(200, "{\"access\": {\"token\": {\"id\": \"" + TOKEN + "\""),
        Reply.json(200, "{\"access\": {\"token\": {\"id\": \"" + TOKEN + "\", \"expires\": \"2015-06-06T12:00:00Z\"},"
            + " \"serviceCatalog\": [{\"name\": \"cloudServersOpenStack\", \"endpoints\": [{\"region\": \"ORD\","
            + " \"publicURL\": \"http://remote.example.test/v2/1\"}]}]}}"));
  }

  @Test
  void noFailureEverShowsASecretWithAnApiKey() {
    assertNoSecretInFailures(b -> b.apiKey("jdoe", KEY), KEY);
  }

  @Test
  void noFailureEverShowsASecretWithAPassword() {
    assertNoSecretInFailures(b -> b.password("jdoe", PASSWORD), PASSWORD);
  }

  private void assertNoSecretInFailures(
      Function<RackspaceIdentityAuthenticator.Builder, RackspaceIdentityAuthenticator.Builder> credentials,
      String secret) {
    List<Reply> replies = failingReplies(secret);
    List<String> texts = new ArrayList<>();
    for (Reply reply : replies) {
      server.always(reply);
      RackspaceIdentityAuthenticator auth = builder(credentials).build();
      Throwable failure = catchThrowable(auth::session);
      assertThat(failure).as("reply %s", reply.status()).isInstanceOf(ImageCatalogException.class);
      texts.add(everythingShown(failure));
      texts.add(auth.toString());
    }
    assertThat(server.requestCount()).isEqualTo(replies.size());
    assertThat(texts).allSatisfy(t -> assertThat(t).doesNotContain(CANARIES));
    assertThat(log.lines()).hasSize(replies.size()).allSatisfy(line -> assertThat(line).doesNotContain(CANARIES));
  }

  @Test
  void secretsInErrorBodiesAreRedactedNotDropped() {
    server.always(Reply.json(401, "{\"unauthorized\": {\"code\": 401, \"message\": \"key " + KEY + " refused\"}}"));

    ImageCatalogException e = (ImageCatalogException) catchThrowable(builder(b -> b.apiKey("jdoe", KEY)).build()::session);

    assertThat(e.serviceMessage()).contains("key **** refused");
  }

  @Test
  void aRefusedConnectionShowsNoSecret() {
    URI closed;
    try (IdentityServer gone = IdentityServer.start()) {
      closed = gone.identityUrl();
    }
    RackspaceIdentityAuthenticator auth = RackspaceIdentityAuthenticator.builder()
        .retryPolicy(RetryPolicy.none()) // One identity answer at a time: IdentityRetryTest covers retries.
        .identityUrl(closed).httpClient(IdentityServer.CLIENT).apiKey("jdoe", KEY).build();

    Throwable failure = catchThrowable(auth::session);

    assertThat(failure).isInstanceOf(ImageCatalogException.class);
    assertThat(everythingShown(failure)).doesNotContain(CANARIES);
    assertThat(log.lines()).hasSize(1).allSatisfy(line -> assertThat(line).doesNotContain(CANARIES));
  }

  @Test
  void aSuccessfulSessionShowsNoSecretAnywhere() {
    server.always(Reply.json(200, Access.threeRegions(TOKEN, Access.EXPIRES, "ORD")));
    RackspaceIdentityAuthenticator auth = builder(b -> b.apiKey("jdoe", KEY)).build();

    AuthSession session = auth.session();
    AuthSession renewed = auth.renew(session);

    assertThat(session.token().secret()).isEqualTo(TOKEN);
    assertThat(List.of(session.toString(), renewed.toString(), auth.toString(), String.join("\n", log.lines())))
        .allSatisfy(t -> assertThat(t).doesNotContain(CANARIES));
  }

  @Test
  void eachIdentityCallLogsOneDebugLineWithMethodPathStatusAndDuration() {
    server.enqueue(Reply.json(200, Access.threeRegions(TOKEN, Access.EXPIRES, "ORD")),
        Reply.json(401, "{\"unauthorized\": {\"code\": 401, \"message\": \"no\"}}"));
    RackspaceIdentityAuthenticator auth = builder(b -> b.apiKey("jdoe", KEY)).build();

    AuthSession session = auth.session();
    auth.session();
    catchThrowable(() -> auth.renew(session));

    assertThat(log.lines()).hasSize(2);
    assertThat(log.lines().get(0)).matches("FINE identity POST /v2\\.0/tokens -> 200 in \\d+ ms");
    assertThat(log.lines().get(1)).matches("FINE identity POST /v2\\.0/tokens -> 401 in \\d+ ms");
  }

  /** The message, the toString, the details and the whole cause chain, as a log would print them. */
  private static String everythingShown(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    StringBuilder all = new StringBuilder(out.toString());
    if (t instanceof ImageCatalogException e) {
      all.append('\n').append(e.details()).append('\n').append(e.details().bodyExcerpt().orElse(""));
    }
    return all.toString();
  }
}
