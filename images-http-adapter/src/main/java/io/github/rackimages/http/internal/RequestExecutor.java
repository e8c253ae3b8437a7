package io.github.rackimages.http.internal;

import io.github.rackimages.core.Durations;
import io.github.rackimages.core.ErrorDetails;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.http.AttemptEvent;
import io.github.rackimages.http.HttpCatalogListener;
import io.github.rackimages.http.RetryPolicy;
import io.github.rackimages.http.auth.Authenticator;
import io.github.rackimages.nova.json.NovaJson;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * Runs {@link Call}s through one request state machine: {@link RequestFactory} builds each attempt's request,
 * {@link ResponseClassifier} turns its response into an {@link Outcome}, {@link #next} turns that into the next
 * {@link Step} (with {@link RetryDecider} for failures), and the step says: done, give up, renew the token, or
 * wait and attempt again. The blocking path loops over these steps on the calling thread; the asynchronous path
 * composes the same steps as futures. Thread-safe and stateless between calls. Just over 300 lines because the
 * two drivers of the one state machine sit side by side, so that a change to one is seen against the other.
 */
public final class RequestExecutor {

  private final HttpClient client;
  private final Authenticator authenticator;
  private final RequestFactory requests;
  private final ResponseClassifier classifier;
  private final RetryDecider retries;
  private final Duration requestTimeout;
  private final Sleeper sleeper;
  private final Executor executor;
  private final System.Logger logger;
  private final Listeners listeners;

  /**
   * An executor; the catalog validated every argument.
   *
   * @param endpoint the endpoint every request goes to, or {@code null} for the one the session names
   * @param apiCallTimeout the most a whole call may take, or {@code null} for no limit
   * @param executor where the asynchronous path reads bodies and waits
   * @param listeners told of every attempt, in this order
   */
  public RequestExecutor(
      HttpClient client,
      Authenticator authenticator,
      URI endpoint,
      boolean allowInsecureHttp,
      Set<String> insecureHosts,
      Duration requestTimeout,
      Duration apiCallTimeout,
      RetryPolicy retryPolicy,
      long maxBodyBytes,
      Clock clock,
      Sleeper sleeper,
      System.Logger logger,
      Executor executor,
      NovaJson json,
      List<HttpCatalogListener> listeners) {
    this.client = client;
    this.authenticator = authenticator;
    this.requests =
        new RequestFactory(
            authenticator, endpoint, allowInsecureHttp, insecureHosts, requestTimeout, "rackimages/" + Version.current());
    this.classifier = new ResponseClassifier(json, requestTimeout, maxBodyBytes, clock);
    this.retries = new RetryDecider(retryPolicy, clock, apiCallTimeout);
    this.requestTimeout = requestTimeout;
    this.sleeper = sleeper;
    this.executor = executor;
    this.logger = logger;
    this.listeners = new Listeners(listeners, logger);
  }

  /**
   * Runs a call on the calling thread.
   *
   * @throws ImageCatalogException for every failure, after the retries the policy allows
   */
  public <T> T execute(Call<T> call) {
    CallState<T> st = retries.start(call);
    while (true) {
      HttpRequest request = next(st);
      long sent = System.nanoTime();
      Step<T> step;
      try {
        step = answered(st, request, client.send(request, HttpResponse.BodyHandlers.ofInputStream()), sent);
      } catch (IOException | RuntimeException e) {
        step = failed(st, request, e, sent);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ImageCatalogTransportException(
            RequestFactory.describe(request) + ": interrupted while waiting for the response", ErrorDetails.none(), e);
      }
      if (step instanceof Step.Done<T> done) {
        return done.value();
      } else if (step instanceof Step.GiveUp<T> giveUp) {
        throw giveUp.exception();
      } else if (step instanceof Step.Renew<T> renew) {
        renew(st, renew.refused());
      } else if (step instanceof Step.Retry<T> retry) {
        try {
          sleeper.sleep(retry.delay());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw retry.failure().toException("interrupted while waiting " + Durations.human(retry.delay())
              + " to retry (" + retries.spent(st) + ")");
        }
      }
    }
  }

  /**
   * Runs a call without blocking the caller: requests go through {@link HttpClient#sendAsync}, bodies are read
   * and waits made on the executor. The future fails with the {@link ImageCatalogException} itself.
   */
  public <T> CompletableFuture<T> executeAsync(Call<T> call) {
    CallState<T> st = retries.start(call);
    CompletableFuture<T> result = new CompletableFuture<>();
    attemptAsync(st).whenComplete(
        (value, error) -> {
          if (error == null) {
            result.complete(value);
          } else {
            result.completeExceptionally(asCatalogException(unwrap(error)));
          }
        });
    // A caller that cancels stops the call: the request in flight is cancelled (the JDK's client then aborts
    // the exchange), a wait for a retry is dropped, and no further attempt starts.
    result.whenComplete(
        (value, error) -> {
          if (error instanceof CancellationException) {
            st.cancel();
          }
        });
    return result;
  }

  private <T> CompletableFuture<T> attemptAsync(CallState<T> st) {
    return CompletableFuture.supplyAsync(() -> next(st), executor)
        .thenCompose(
            request -> {
              long sent = System.nanoTime();
              return st.pending(client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()))
                  .handleAsync(
                      (response, error) ->
                          error == null ? answered(st, request, response, sent) : failedAsync(st, request, error, sent),
                      executor);
            })
        .thenCompose(
            step -> {
              if (step instanceof Step.Done<T> done) {
                return CompletableFuture.completedFuture(done.value());
              } else if (step instanceof Step.GiveUp<T> giveUp) {
                return CompletableFuture.failedFuture(giveUp.exception());
              } else if (step instanceof Step.Renew<T> renew) {
                return CompletableFuture.runAsync(() -> renew(st, renew.refused()), executor)
                    .thenCompose(v -> attemptAsync(st));
              } else {
                Step.Retry<T> retry = (Step.Retry<T>) step;
                return st.pending(sleeper.delay(retry.delay(), executor)).thenCompose(v -> attemptAsync(st));
              }
            });
  }

  // ---- the steps both paths share

  /** The step after a response arrived. */
  private <T> Step<T> answered(CallState<T> st, HttpRequest request, HttpResponse<InputStream> answer, long sent) {
    HttpResponse<InputStream> response = SecretFreeResponse.of(answer, st.secret());
    Optional<String> requestId = StatusErrors.requestId(response.headers());
    log(st, request, String.valueOf(response.statusCode()), sent, requestId.orElse("-"));
    Step<T> step = next(st, classifier.classify(st, request, response));
    tell(st, request, OptionalInt.of(response.statusCode()), Optional.empty(), requestId, sent, step);
    return step;
  }

  /** The step after the client threw instead of answering. */
  private <T> Step<T> failed(CallState<T> st, HttpRequest request, Exception error, long sent) {
    log(st, request, (error instanceof IOException ? "failed (" : "unreadable (")
        + error.getClass().getSimpleName() + ")", sent, "-");
    Step<T> step = next(st, classifier.thrown(request, error));
    tell(st, request, OptionalInt.empty(), Optional.of(error.getClass().getSimpleName()), Optional.empty(), sent, step);
    return step;
  }

  private <T> Step<T> failedAsync(CallState<T> st, HttpRequest request, Throwable thrown, long sent) {
    Throwable error = unwrap(thrown);
    if (error instanceof ImageCatalogException e) {
      return new Step.GiveUp<>(e);
    }
    if (error instanceof CancellationException c) {
      throw c;
    }
    if (error instanceof IOException || error instanceof RuntimeException) {
      return failed(st, request, (Exception) error, sent);
    }
    throw new CompletionException(error);
  }

  /** The transition of the state machine: what an attempt's outcome makes the call do next. */
  private <T> Step<T> next(CallState<T> st, Outcome<T> outcome) {
    if (outcome instanceof Outcome.Success<T> success) {
      return new Step.Done<>(success.value());
    }
    if (outcome instanceof Outcome.Reauthenticate<T> reauthenticate) {
      return new Step.Renew<>(reauthenticate.refused());
    }
    return retries.decide(st, ((Outcome.Failed<T>) outcome).failure());
  }

  /** The next attempt's request; a sign-in that ran past the call's budget ends the call as a time-out. */
  private <T> HttpRequest next(CallState<T> st) {
    Duration timeout = retries.attemptTimeout(st, requestTimeout);
    try {
      return requests.next(st, timeout);
    } catch (ImageCatalogException e) {
      throw retries.orOverBudget(st, e);
    }
  }

  private <T> void renew(CallState<T> st, Failure refused) {
    st.renewed = true;
    try {
      Duration left = retries.left(st);
      st.session = left == null ? authenticator.renew(st.session)
          : authenticator.renew(st.session, left.isNegative() ? Duration.ZERO : left);
      st.useRenewed = true;
    } catch (ImageCatalogException e) {
      ImageCatalogException overBudget = retries.orOverBudget(st, e);
      if (overBudget != e) {
        throw overBudget;
      }
      throw refused
          .withMessage(refused.message() + " and could not be renewed: " + e.getMessage())
          .withCause(e)
          .toException(retries.attemptsNote(st));
    }
  }

  private void log(CallState<?> st, HttpRequest request, String status, long sent, String requestId) {
    if (logger.isLoggable(Level.DEBUG)) {
      long ms = (System.nanoTime() - sent) / 1_000_000;
      logger.log(
          Level.DEBUG,
          RequestFactory.describe(request) + " -> " + status + " in " + ms + " ms (request " + requestId
              + ", attempt " + st.attempts + ")");
    }
  }

  /** Tells the listeners how an attempt went and what the call does next. */
  private void tell(CallState<?> st, HttpRequest request, OptionalInt status, Optional<String> failure,
      Optional<String> requestId, long sent, Step<?> step) {
    if (listeners.isEmpty()) {
      return;
    }
    AttemptEvent.Decision decision;
    Duration wait = Duration.ZERO;
    if (step instanceof Step.Done<?>) {
      decision = AttemptEvent.Decision.DONE;
    } else if (step instanceof Step.Renew<?>) {
      decision = AttemptEvent.Decision.RENEW;
    } else if (step instanceof Step.Retry<?> retry) {
      decision = AttemptEvent.Decision.RETRY;
      wait = retry.delay();
    } else {
      decision = AttemptEvent.Decision.GIVE_UP;
    }
    listeners.onAttempt(new AttemptEvent(request.method(), RequestFactory.target(request), Math.max(1, st.attempts),
        status, failure, requestId, Duration.ofNanos(System.nanoTime() - sent), decision, wait));
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
}
