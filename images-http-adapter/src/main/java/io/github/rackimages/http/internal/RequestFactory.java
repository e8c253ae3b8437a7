package io.github.rackimages.http.internal;

import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.http.auth.AuthSession;
import io.github.rackimages.http.auth.Authenticator;
import io.github.rackimages.http.internal.Failure.Kind;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Builds each attempt's request from the endpoint (the configured one, else the session's), never from a link the
 * service returned, and refuses to send the token over plain http to a host that is not loopback unless allowed
 * ({@link Endpoints#acceptable}, checked at every attempt: {@code localhost} is resolved each time).
 */
final class RequestFactory {

  private final Authenticator authenticator;
  private final URI endpoint;
  private final boolean allowInsecureHttp;
  private final Set<String> insecureHosts;
  private final Duration requestTimeout;
  private final String userAgent;

  /** @param endpoint the endpoint every request goes to, or {@code null} for the session's */
  RequestFactory(
      Authenticator authenticator,
      URI endpoint,
      boolean allowInsecureHttp,
      Set<String> insecureHosts,
      Duration requestTimeout,
      String userAgent) {
    this.authenticator = authenticator;
    this.endpoint = endpoint;
    this.allowInsecureHttp = allowInsecureHttp;
    this.insecureHosts = insecureHosts;
    this.requestTimeout = requestTimeout;
    this.userAgent = userAgent;
  }

  /**
   * The next attempt's request, with the token current now: every attempt asks the authenticator for its session
   * (a cached one while fresh), so that a token that expired during a retry wait is replaced, not sent; only the
   * attempt right after a renewal uses the renewed session. Counts the attempt.
   *
   * @throws CancellationException if the caller cancelled the call
   * @throws io.github.rackimages.core.ImageCatalogException if no session can be had or the endpoint is unusable
   */
  <T> HttpRequest next(CallState<T> st, Duration timeout) {
    if (st.cancelled) {
      throw new CancellationException("the call was cancelled");
    }
    if (!st.useRenewed || st.session == null) {
      // With a call budget, a sign-in under way is waited for no longer than this attempt may take.
      st.session = st.deadline == null ? authenticator.session() : authenticator.session(timeout);
    }
    st.useRenewed = false;
    URI base = base(st.session);
    Call<T> call = st.call;
    URI uri = URI.create(base + call.path() + (call.query() == null ? "" : "?" + call.query()));
    st.collection = URI.create(base + call.path());
    st.attempts++;
    return HttpRequest.newBuilder(uri)
        .GET()
        .timeout(timeout)
        .header("X-Auth-Token", st.secret())
        .header("Accept", "application/json")
        .header("User-Agent", userAgent)
        .build();
  }

  private URI base(AuthSession session) {
    URI base;
    if (endpoint != null) {
      base = endpoint;
    } else {
      try {
        base = Endpoints.normalize(session.endpoint());
      } catch (IllegalArgumentException e) {
        throw Failure.of(Kind.PROTOCOL, "the authenticator gave an unusable endpoint: " + e.getMessage(),
                ErrorDetails.none(), null)
            .toException("");
      }
    }
    if (!Endpoints.acceptable(base, allowInsecureHttp, insecureHosts)) {
      throw Failure.of(Kind.PROTOCOL, "refusing to send the token over plain http to " + Endpoints.safe(base)
                  + ": use an https endpoint (" + Endpoints.INSECURE_HINT + ")", ErrorDetails.none(), null)
          .toException("");
    }
    return base;
  }

  /** {@code GET /v2/123/images/detail?limit=2}, for messages and logs. */
  static String describe(HttpRequest request) {
    return request.method() + " " + target(request);
  }

  /** The path and query a request went to: no host, and no token (which travels in a header). */
  static String target(HttpRequest request) {
    URI uri = request.uri();
    return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }
}
