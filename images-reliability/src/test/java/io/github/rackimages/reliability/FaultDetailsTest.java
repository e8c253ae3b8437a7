package io.github.rackimages.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.RetryPolicy;
import io.github.rackimages.reliability.support.LoopbackServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code details} of a fault body reach the exception, redacted: shaped like Nova 2014.1's {@code RateLimitFault}
 * ({@code nova/api/openstack/wsgi.py}, "This request was rate-limited." with "Only N VERB request(s) can be made to
 * URI every UNIT.") and the Rackspace docs' {@code overLimit} sample; values our own.
 */
class FaultDetailsTest {

  private static final String TOKEN = "tok-0123456789abcdef";

  private static ImageCatalogException listAgainst(String body) {
    try (LoopbackServer server = LoopbackServer.start("fault-details", (request, reply) -> reply.send(
            413, Map.of("Content-Type", "application/json", "x-compute-request-id", "req-7"),
            body.getBytes(StandardCharsets.UTF_8)))) {
      HttpImageCatalog catalog = HttpImageCatalog.builder()
          .token(TOKEN, URI.create(server.origin() + "/v2/123456"))
          .retryPolicy(RetryPolicy.none())
          .build();
      return catchThrowableOfType(
          () -> catalog.list(ImageFilter.all(), PageRequest.first(10)), ImageCatalogException.class);
    }
  }

  @Test
  void theDetailsOfAFaultAreKeptAndShown() {
    ImageCatalogException e = listAgainst("{\"overLimit\": {\"code\": 413, \"message\": \"This request was rate-limited.\","
        + " \"details\": \"Only 10 GET request(s) can be made to * every minute.\", \"retryAfter\": \"59\"}}");

    assertThat(e.details().serviceDetails()).contains("Only 10 GET request(s) can be made to * every minute.");
    assertThat(e.getMessage()).contains("This request was rate-limited.")
        .contains("Only 10 GET request(s) can be made to * every minute.");
  }

  @Test
  void detailsAreRedactedBeforeTheyAreKept() {
    ImageCatalogException e = listAgainst("{\"overLimit\": {\"code\": 413, \"message\": \"slow down\","
        + " \"details\": \"token " + TOKEN + " {\\\"apiKey\\\": \\\"k-123\\\", \\\"password\\\": \\\"hunter2\\\"}\"}}");

    assertThat(e.details().serviceDetails()).hasValueSatisfying(d -> assertThat(d).contains("token ****"));
    assertThat(e.getMessage() + e).doesNotContain(TOKEN).doesNotContain("k-123").doesNotContain("hunter2");
  }
}
