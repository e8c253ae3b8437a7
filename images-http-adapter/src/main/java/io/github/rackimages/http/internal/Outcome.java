package io.github.rackimages.http.internal;

/**
 * What {@link ResponseClassifier} made of one attempt: a value, a refused token to renew, or a failure that the
 * {@link RetryDecider} retries or reports.
 */
sealed interface Outcome<T> {

  /** The call's value. */
  record Success<T>(T value) implements Outcome<T> {}

  /** The token was refused for the first time: renew it and try again. */
  record Reauthenticate<T>(Failure refused) implements Outcome<T> {}

  /** A failure, retryable or final as {@link Failure#retryable()} says. */
  record Failed<T>(Failure failure) implements Outcome<T> {}
}
