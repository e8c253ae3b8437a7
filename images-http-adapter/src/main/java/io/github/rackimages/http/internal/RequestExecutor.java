package io.github.rackimages.http.internal;

import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.http.RetryPolicy;
import io.github.rackimages.http.auth.AuthSession;
import io.github.rackimages.http.auth.Authenticator;
import io.github.rackimages.http.internal.Failure.Kind;
import io.github.rackimages.nova.json.NovaJson;
import io.github.rackimages.nova.json.WireFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLSession;

/**
 * Runs {@link Call}s: builds each request from the endpoint (never from a link), sends the token to the
 * endpoint's origin only, renews the token once on a 401, retries what {@link RetryPolicy} allows, reads bodies
 * as capped streams and turns every failure into an {@link ImageCatalogException}. Thread-safe and stateless
 * between calls; the same steps serve the blocking and the asynchronous path.
 */
public final class RequestExecutor {

  /** Everything the executor needs; validated by the catalog's builder. */
  public record Settings(
      HttpClient client,
      Authenticator authenticator,
      URI endpointOverride,
      boolean allowInsecureHttp,
      Duration requestTimeout,
      RetryPolicy retryPolicy,
      long maxBodyBytes,
      Clock clock,
      Sleeper sleeper,
      System.Logger logger,
      Executor executor,
      String userAgent) {

    public Settings {
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(authenticator, "authenticator");
      Objects.requireNonNull(requestTimeout, "requestTimeout");
      Objects.requireNonNull(retryPolicy, "retryPolicy");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(sleeper, "sleeper");
      Objects.requireNonNull(logger, "logger");
      Objects.requireNonNull(executor, "executor");
      Objects.requireNonNull(userAgent, "userAgent");
    }
  }

  /** The most bytes of an error body read, for its fault and excerpt. */
  static final int ERROR_BODY_BYTES = 64 * 1024;

  private final Settings s;
  private final StatusErrors errors;

  /** An executor with these settings, reading bodies with {@code json}. */
  public RequestExecutor(Settings settings, NovaJson json) {
    this.s = Objects.requireNonNull(settings, "settings");
    this.errors = new StatusErrors(Objects.requireNonNull(json, "json"));
  }

  /**
   * Runs a call on the calling thread.
   *
   * @throws ImageCatalogException for every failure, after the retries the policy allows
   */
  public <T> T execute(Call<T> call) {
    State<T> st = new State<>(call, s.clock().instant());
    while (true) {
      HttpRequest request = prepare(st);
      long sent = System.nanoTime();
      Outcome<T> outcome;
      try {
        HttpResponse<InputStream> response = s.client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        outcome = handle(st, request, response, sent);
      } catch (IOException e) {
        outcome = ioFailure(st, request, e, sent);
      } catch (RuntimeException e) {
        // The JDK client throws IllegalArgumentException for a response head it cannot read (a Content-Length
        // of letters or past 2^63): the service's fault, so a typed failure, not an escaped JDK exception.
        outcome = unreadable(st, request, e, sent);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ImageCatalogTransportException(
            describe(request) + ": interrupted while waiting for the response", ErrorDetails.none(), e);
      }
      switch (outcome.type) {
        case DONE:
          return outcome.value;
        case FAIL:
          throw outcome.exception;
        case RENEW:
          renew(st, outcome.failure);
          break;
        case RETRY:
          try {
            s.sleeper().sleep(outcome.wait);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw outcome.failure.toException(
                "interrupted while waiting " + millis(outcome.wait) + " to retry (" + spent(st) + ")");
          }
          break;
        default:
          throw new IllegalStateException("unknown outcome " + outcome.type);
      }
    }
  }

  /**
   * Runs a call without blocking the caller: requests go through {@link HttpClient#sendAsync}, bodies are read
   * and waits made on the settings' executor. The future fails with the {@link ImageCatalogException} itself.
   */
  public <T> CompletableFuture<T> executeAsync(Call<T> call) {
    State<T> st = new State<>(call, s.clock().instant());
    CompletableFuture<T> result = new CompletableFuture<>();
    CompletableFuture<T> work = attemptAsync(st);
    work.whenComplete(
        (value, error) -> {
          if (error == null) {
            result.complete(value);
          } else {
            result.completeExceptionally(asCatalogException(unwrap(error)));
          }
        });
    // A caller that cancels stops the call before its next attempt (a request in flight runs to its end).
    result.whenComplete(
        (value, error) -> {
          if (error instanceof CancellationException) {
            st.cancelled = true;
          }
        });
    return result;
  }

  private <T> CompletableFuture<T> attemptAsync(State<T> st) {
    return CompletableFuture.supplyAsync(() -> prepare(st), s.executor())
        .thenCompose(
            request -> {
              long sent = System.nanoTime();
              return s.client()
                  .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                  .handleAsync(
                      (response, error) ->
                          error == null
                              ? handle(st, request, response, sent)
                              : ioFailure(st, request, unwrap(error), sent),
                      s.executor());
            })
        .thenCompose(
            outcome -> {
              switch (outcome.type) {
                case DONE:
                  return CompletableFuture.completedFuture(outcome.value);
                case FAIL:
                  return CompletableFuture.failedFuture(outcome.exception);
                case RENEW:
                  return CompletableFuture.runAsync(() -> renew(st, outcome.failure), s.executor())
                      .thenCompose(v -> attemptAsync(st));
                case RETRY:
                  return s.sleeper().delay(outcome.wait, s.executor()).thenCompose(v -> attemptAsync(st));
                default:
                  throw new IllegalStateException("unknown outcome " + outcome.type);
              }
            });
  }

  /** The failure inside the wrappers {@link CompletableFuture} puts around it. */
  private static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** What an asynchronous call fails with: an {@link ImageCatalogException}, whatever went wrong. */
  private static Throwable asCatalogException(Throwable t) {
    if (t instanceof ImageCatalogException || t instanceof CancellationException || t instanceof Error) {
      return t;
    }
    return new ImageCatalogException("unexpected failure: " + t.getClass().getName(), ErrorDetails.none(), t);
  }

  // ---- the steps of one attempt

  private <T> HttpRequest prepare(State<T> st) {
    if (st.cancelled) {
      throw new CancellationException("the call was cancelled");
    }
    if (st.session == null) {
      st.session = s.authenticator().session();
    }
    URI base = base(st.session);
    Call<T> call = st.call;
    URI uri = URI.create(base + call.path() + (call.query() == null ? "" : "?" + call.query()));
    st.collection = URI.create(base + call.path());
    st.attempts++;
    return HttpRequest.newBuilder(uri)
        .GET()
        .timeout(s.requestTimeout())
        .header("X-Auth-Token", st.session.token().secret())
        .header("Accept", "application/json")
        .header("User-Agent", s.userAgent())
        .build();
  }

  private URI base(AuthSession session) {
    URI base;
    if (s.endpointOverride() != null) {
      base = s.endpointOverride();
    } else {
      try {
        base = Endpoints.normalize(session.endpoint());
      } catch (IllegalArgumentException e) {
        throw Failure.of(Kind.PROTOCOL, "the authenticator gave an unusable endpoint: " + e.getMessage(),
                ErrorDetails.none(), null)
            .toException("");
      }
    }
    if (!Endpoints.acceptable(base, s.allowInsecureHttp())) {
      throw Failure.of(
              Kind.PROTOCOL,
              "refusing to send the token over plain http to " + Endpoints.safe(base)
                  + ": use an https endpoint (plain http is allowed for loopback hosts, or with"
                  + " allowInsecureHttp(true))",
              ErrorDetails.none(),
              null)
          .toException("");
    }
    return base;
  }

  private <T> Outcome<T> handle(State<T> st, HttpRequest request, HttpResponse<InputStream> answer, long sent) {
    // Headers are the service's text too: a request id or a Location that echoes the token must not show it.
    HttpResponse<InputStream> response = withoutSecret(answer, st.session.token().secret());
    int status = response.statusCode();
    log(st, request, String.valueOf(status), sent, StatusErrors.requestId(response.headers()).orElse("-"));
    InputStream raw = response.body();
    BodyWatch watch = BodyWatch.start(raw, s.requestTimeout());
    try {
      if (status == 200 || status == 203) {
        return success(st, request, response, raw, watch);
      }
      if (status == 404 && st.call.onNotFound() != null) {
        return Outcome.done(st.call.onNotFound().get());
      }
      if (status >= 300 && status < 400) {
        String location =
            response.headers().firstValue("Location").map(RequestExecutor::safeLocation).orElse("nowhere");
        return Outcome.fail(
            Failure.of(
                    Kind.PROTOCOL,
                    describe(request) + ": the service redirected to " + location
                        + "; redirects are not followed, so that the token goes nowhere else: configure the"
                        + " endpoint it points to",
                    StatusErrors.base(status, response.headers()),
                    null)
                .toException(attemptsNote(st)));
      }
      if (status < 300) {
        return Outcome.fail(
            Failure.of(
                    Kind.PROTOCOL,
                    describe(request) + ": unexpected success status " + status + " (expected 200 or 203)",
                    StatusErrors.base(status, response.headers()),
                    null)
                .toException(attemptsNote(st)));
      }
      byte[] body = new byte[(int) Math.min(ERROR_BODY_BYTES, s.maxBodyBytes())];
      int length = readPrefix(raw, body);
      if (watch.expired()) {
        return decide(st, bodyTimeout(request, response, null));
      }
      Failure failure =
          errors.map(
              status,
              response.headers(),
              describe(request),
              st.call.isList(),
              body,
              length,
              st.session.token().secret(),
              s.clock().instant());
      if (status == 401) {
        if (!st.renewed) {
          return Outcome.renew(failure);
        }
        failure = failure.withMessage(describe(request) + ": the token was refused again after it was renewed");
      }
      return decide(st, failure);
    } finally {
      watch.stop();
      closeQuietly(raw);
    }
  }

  /** The response with the token cut out of every header value that holds it (the same response if none does). */
  private static HttpResponse<InputStream> withoutSecret(HttpResponse<InputStream> response, String secret) {
    HttpHeaders original = response.headers();
    boolean echoes = original.map().values().stream().flatMap(List::stream).anyMatch(v -> v.contains(secret));
    if (!echoes) {
      return response;
    }
    Map<String, List<String>> cut = new LinkedHashMap<>();
    original.map().forEach((k, values) -> cut.put(k, values.stream().map(v -> v.replace(secret, "****")).toList()));
    HttpHeaders headers = HttpHeaders.of(cut, (k, v) -> true);
    return new HttpResponse<>() {
      @Override
      public int statusCode() {
        return response.statusCode();
      }

      @Override
      public HttpRequest request() {
        return response.request();
      }

      @Override
      public Optional<HttpResponse<InputStream>> previousResponse() {
        return response.previousResponse();
      }

      @Override
      public HttpHeaders headers() {
        return headers;
      }

      @Override
      public InputStream body() {
        return response.body();
      }

      @Override
      public Optional<SSLSession> sslSession() {
        return response.sslSession();
      }

      @Override
      public URI uri() {
        return response.uri();
      }

      @Override
      public HttpClient.Version version() {
        return response.version();
      }
    };
  }

  private Failure bodyTimeout(HttpRequest request, HttpResponse<?> response, Throwable cause) {
    return Failure.of(
        Kind.TRANSPORT,
        describe(request) + ": the body did not arrive within the request timeout of " + millis(s.requestTimeout()),
        StatusErrors.base(response.statusCode(), response.headers()),
        cause);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // The body was read as far as needed; a failure to release the connection changes nothing for the call.
    }
  }

  private <T> Outcome<T> success(
      State<T> st, HttpRequest request, HttpResponse<InputStream> response, InputStream raw, BodyWatch watch) {
    int status = response.statusCode();
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (!contentType.isEmpty() && !StatusErrors.isJson(contentType)) {
      byte[] prefix = new byte[512];
      int length = readPrefix(raw, prefix);
      ErrorDetails details = StatusErrors.base(status, response.headers());
      String excerpt = Redaction.excerpt(prefix, length, st.session.token().secret(), ErrorDetails.MAX_EXCERPT);
      if (!excerpt.isEmpty()) {
        details = details.withBodyExcerpt(excerpt);
      }
      return Outcome.fail(
          Failure.of(
                  Kind.PROTOCOL,
                  describe(request) + ": expected a JSON body but got Content-Type '"
                      + Redaction.message(contentType, null) + "'",
                  details,
                  null)
              .toException(attemptsNote(st)));
    }
    long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
    if (declared > s.maxBodyBytes()) {
      return Outcome.fail(tooLarge(st, request, response).toException(attemptsNote(st)));
    }
    try {
      return Outcome.done(st.call.reader().read(new CappedInputStream(raw, s.maxBodyBytes()), st.collection));
    } catch (WireFormatException | UncheckedIOException e) {
      if (watch.expired()) {
        return decide(st, bodyTimeout(request, response, e));
      }
      Throwable t = e;
      while (t != null) {
        if (t instanceof CappedInputStream.BodyTooLargeException) {
          return Outcome.fail(tooLarge(st, request, response).withCause(e).toException(attemptsNote(st)));
        }
        if (t instanceof IOException io) {
          return decide(
              st,
              Failure.of(
                  Kind.TRANSPORT,
                  describe(request) + ": the connection failed while reading the body (" + ioText(io) + ")",
                  StatusErrors.base(status, response.headers()),
                  e));
        }
        t = t.getCause();
      }
      return Outcome.fail(
          Failure.of(
                  Kind.PROTOCOL,
                  describe(request) + ": malformed body: " + Redaction.message(e.getMessage(), null),
                  StatusErrors.base(status, response.headers()),
                  e)
              .toException(attemptsNote(st)));
    }
  }

  private Failure tooLarge(State<?> st, HttpRequest request, HttpResponse<?> response) {
    return Failure.of(
        Kind.PROTOCOL,
        describe(request) + ": the body is larger than the limit of " + s.maxBodyBytes()
            + " bytes (maxBodyBytes); ask for smaller pages or raise the limit",
        StatusErrors.base(response.statusCode(), response.headers()),
        null);
  }

  private <T> Outcome<T> ioFailure(State<T> st, HttpRequest request, Throwable error, long sent) {
    log(st, request, "failed (" + error.getClass().getSimpleName() + ")", sent, "-");
    if (!(error instanceof IOException io)) {
      if (error instanceof ImageCatalogException e) {
        return Outcome.fail(e);
      }
      if (error instanceof CancellationException c) {
        throw c;
      }
      if (error instanceof RuntimeException r) {
        return unreadable(st, request, r, sent);
      }
      throw new CompletionException(error);
    }
    return decide(
        st,
        Failure.of(Kind.TRANSPORT, describe(request) + ": " + ioText(io), ErrorDetails.none(), io));
  }

  /** A response the client library could not read (it threw an unchecked exception): a protocol failure. */
  private <T> Outcome<T> unreadable(State<T> st, HttpRequest request, RuntimeException e, long sent) {
    log(st, request, "unreadable (" + e.getClass().getSimpleName() + ")", sent, "-");
    String m = e.getMessage();
    return Outcome.fail(
        Failure.of(
                Kind.PROTOCOL,
                describe(request) + ": the response could not be read ("
                    + e.getClass().getSimpleName() + (m == null ? "" : ": " + Redaction.message(m, null)) + ")",
                ErrorDetails.none(),
                e)
            .toException(attemptsNote(st)));
  }

  private String ioText(IOException e) {
    if (e instanceof HttpConnectTimeoutException) {
      return "could not connect in time";
    }
    if (e instanceof HttpTimeoutException) {
      return "no response within the request timeout of " + millis(s.requestTimeout());
    }
    if (e instanceof ConnectException) {
      return "could not connect (" + (e.getMessage() == null ? "connection refused" : e.getMessage()) + ")";
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + Redaction.message(m, null));
  }

  private <T> void renew(State<T> st, Failure refused) {
    st.renewed = true;
    try {
      st.session = s.authenticator().renew(st.session);
    } catch (ImageCatalogException e) {
      throw refused
          .withMessage(refused.message() + " and could not be renewed: " + e.getMessage())
          .withCause(e)
          .toException(attemptsNote(st));
    }
  }

  /** Retry, or give up with the failure and a note of the attempts and time spent. */
  private <T> Outcome<T> decide(State<T> st, Failure failure) {
    if (!failure.retryable()) {
      return Outcome.fail(failure.toException(attemptsNote(st)));
    }
    RetryPolicy policy = s.retryPolicy();
    int counted = st.attempts - (st.renewed ? 1 : 0);
    if (counted >= policy.maxAttempts()) {
      return Outcome.fail(failure.toException("gave up after " + spent(st)));
    }
    st.retries++;
    Duration wait =
        failure.retryAfter().orElseGet(() -> policy.backoff(st.retries, ThreadLocalRandom.current().nextDouble()));
    Duration elapsed = Duration.between(st.start, s.clock().instant());
    if (elapsed.plus(wait).compareTo(policy.maxTotalTime()) > 0) {
      return Outcome.fail(
          failure.toException(
              "gave up after "
                  + spent(st)
                  + ": the next wait of "
                  + millis(wait)
                  + " would pass the retry budget of "
                  + millis(policy.maxTotalTime())));
    }
    return Outcome.retry(wait, failure);
  }

  private String spent(State<?> st) {
    Duration elapsed = Duration.between(st.start, s.clock().instant());
    return st.attempts + (st.attempts == 1 ? " attempt" : " attempts") + " in " + millis(elapsed);
  }

  private String attemptsNote(State<?> st) {
    return st.attempts > 1 ? "after " + spent(st) : "";
  }

  private static String millis(Duration d) {
    return d.toMillis() + " ms";
  }

  private static String describe(HttpRequest request) {
    URI uri = request.uri();
    return request.method() + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
  }

  private static String safeLocation(String location) {
    try {
      return Endpoints.safe(new URI(location.trim()));
    } catch (java.net.URISyntaxException e) {
      return "an unreadable location";
    }
  }

  private void log(State<?> st, HttpRequest request, String status, long sent, String requestId) {
    System.Logger logger = s.logger();
    if (logger.isLoggable(Level.DEBUG)) {
      long ms = (System.nanoTime() - sent) / 1_000_000;
      logger.log(
          Level.DEBUG,
          describe(request) + " -> " + status + " in " + ms + " ms (request " + requestId + ", attempt "
              + st.attempts + ")");
    }
  }

  private static int readPrefix(InputStream in, byte[] into) {
    int n = 0;
    try {
      while (n < into.length) {
        int r = in.read(into, n, into.length - n);
        if (r < 0) {
          break;
        }
        n += r;
      }
    } catch (IOException e) {
      // Keep what arrived: the status alone still tells what failed.
    }
    return n;
  }

  // ---- state

  private static final class State<T> {
    final Call<T> call;
    final Instant start;
    AuthSession session;
    URI collection;
    int attempts;
    int retries;
    boolean renewed;
    volatile boolean cancelled;

    State(Call<T> call, Instant start) {
      this.call = call;
      this.start = start;
    }
  }

  private enum Type {
    DONE,
    FAIL,
    RENEW,
    RETRY
  }

  private static final class Outcome<T> {
    final Type type;
    final T value;
    final ImageCatalogException exception;
    final Failure failure;
    final Duration wait;

    private Outcome(Type type, T value, ImageCatalogException exception, Failure failure, Duration wait) {
      this.type = type;
      this.value = value;
      this.exception = exception;
      this.failure = failure;
      this.wait = wait;
    }

    static <T> Outcome<T> done(T value) {
      return new Outcome<>(Type.DONE, value, null, null, null);
    }

    static <T> Outcome<T> fail(ImageCatalogException e) {
      return new Outcome<>(Type.FAIL, null, e, null, null);
    }

    static <T> Outcome<T> renew(Failure refused) {
      return new Outcome<>(Type.RENEW, null, null, refused, null);
    }

    static <T> Outcome<T> retry(Duration wait, Failure failure) {
      return new Outcome<>(Type.RETRY, null, null, failure, wait);
    }
  }
}
