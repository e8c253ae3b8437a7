package io.github.rackimages.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.core.ImageCatalogAuthenticationException;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogProtocolException;
import io.github.rackimages.core.ImageCatalogServiceFaultException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.CannedServer.CannedResponse;
import io.github.rackimages.http.auth.AccessToken;
import io.github.rackimages.http.auth.AuthSession;
import io.github.rackimages.http.auth.Authenticator;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpImageCatalogAuthTest extends CatalogTestSupport {

  @Test
  void a401RenewsTheTokenOnceAndRepeatsTheRequest() {
    CountingAuthenticator auth = new CountingAuthenticator(server.endpoint());
    server.enqueue(
        CannedResponse.status(401).body("text/html", "<html>Unauthorized</html>"),
        CannedResponse.json(200, NovaBodies.detailPage(List.of("a"), null)));

    assertThat(catalog(auth).list(ImageFilter.all(), PageRequest.first(5)).items()).hasSize(1);

    assertThat(auth.renewals()).isEqualTo(1);
    assertThat(server.takeRequest().header("X-Auth-Token")).contains("token-1");
    assertThat(server.takeRequest().header("X-Auth-Token")).contains("token-2");
  }

  @Test
  void a401AfterRenewalIsReported() {
    CountingAuthenticator auth = new CountingAuthenticator(server.endpoint());
    server.enqueue(
        CannedResponse.fault(401, "unauthorized", "This server could not verify that you are authorized."),
        CannedResponse.fault(401, "unauthorized", "Still no."));

    ImageCatalogException e = listFails(catalog(auth));

    assertThat(e).isExactlyInstanceOf(ImageCatalogAuthenticationException.class);
    assertThat(e.getMessage()).contains("refused again after it was renewed").doesNotContain("token-2");
    assertThat(e.serviceMessage()).contains("Still no.");
    assertThat(auth.renewals()).isEqualTo(1);
    assertThat(server.drainRequests()).hasSize(2);
  }

  @Test
  void aRenewalDoesNotUseUpTheRetryBudget() {
    CountingAuthenticator auth = new CountingAuthenticator(server.endpoint());
    server.enqueue(
        CannedResponse.status(401),
        CannedResponse.status(500),
        CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));
    HttpImageCatalog catalog =
        builder().authenticator(auth).retryPolicy(RetryPolicy.builder().maxAttempts(2).jitter(0).build()).build();

    assertThat(catalog.list(ImageFilter.all(), PageRequest.first(5)).items()).isEmpty();
    assertThat(server.drainRequests()).hasSize(3);
  }

  @Test
  void aFixedTokenCannotBeRenewedSoItsFirst401IsReported() {
    server.enqueue(CannedResponse.status(401), CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));

    ImageCatalogException e = listFails(catalog());

    assertThat(e).isExactlyInstanceOf(ImageCatalogAuthenticationException.class);
    assertThat(e.getMessage()).contains("could not be renewed");
    assertThat(e.getMessage().split("HTTP 401", -1)).as("the status is said once: " + e.getMessage()).hasSize(2);
    assertThat(e.getCause()).isInstanceOf(ImageCatalogAuthenticationException.class);
    assertThat(server.drainRequests()).hasSize(1);
  }

  @Test
  void aFailureOfTheAuthenticatorIsReportedAsItIs() {
    Authenticator broken =
        new Authenticator() {
          @Override
          public AuthSession session() {
            throw new ImageCatalogServiceFaultException("identity is down", ErrorDetails.status(500), null);
          }

          @Override
          public AuthSession renew(AuthSession refused) {
            throw new AssertionError("not expected");
          }
        };

    ImageCatalogException e = listFails(catalog(broken));

    assertThat(e).isExactlyInstanceOf(ImageCatalogServiceFaultException.class).hasMessageContaining("identity is down");
    assertThat(server.pendingRequestCount()).isZero();
  }

  @Test
  void anAuthenticatorEndpointOverPlainHttpToARemoteHostIsRefusedBeforeAnyRequest() {
    Authenticator remote = fixed(URI.create("http://compute.example.invalid/v2/1"));

    ImageCatalogException e = listFails(catalog(remote));

    assertThat(e).isExactlyInstanceOf(ImageCatalogProtocolException.class);
    assertThat(e.getMessage()).contains("refusing to send the token over plain http").doesNotContain(TOKEN);
  }

  @Test
  void theSessionEndpointIsUsedWithoutATrailingSlash() {
    server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));

    catalog(fixed(URI.create(server.endpoint() + "/"))).list(ImageFilter.all(), PageRequest.first(5));

    assertThat(server.takeRequest().path()).isEqualTo(CannedServer.TENANT_PATH + "/images/detail");
  }

  private static Authenticator fixed(URI endpoint) {
    AuthSession session = new AuthSession(AccessToken.of(TOKEN), endpoint);
    return new Authenticator() {
      @Override
      public AuthSession session() {
        return session;
      }

      @Override
      public AuthSession renew(AuthSession refused) {
        return session;
      }
    };
  }

  private HttpImageCatalog catalog(Authenticator auth) {
    return builder().authenticator(auth).build();
  }

  private static ImageCatalogException listFails(HttpImageCatalog catalog) {
    ImageCatalogException e =
        catchThrowableOfType(ImageCatalogException.class, () -> catalog.list(ImageFilter.all(), PageRequest.first(5)));
    assertThat(e).as("the call must fail with an ImageCatalogException").isNotNull();
    return e;
  }
}
