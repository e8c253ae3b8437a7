package io.github.rackimages.http.internal;

import io.github.rackimages.core.ImageCatalogException;
import java.time.Duration;

/**
 * What the driver does after an attempt: the states of the one request state machine that both the blocking and
 * the asynchronous path run.
 */
sealed interface Step<T> {

  /** Finish with the value. */
  record Done<T>(T value) implements Step<T> {}

  /** Finish with the exception. */
  record GiveUp<T>(ImageCatalogException exception) implements Step<T> {}

  /** Renew the refused token, then attempt again. */
  record Renew<T>(Failure refused) implements Step<T> {}

  /** Wait {@code delay}, then attempt again; {@code failure} is reported if the wait is interrupted. */
  record Retry<T>(Duration delay, Failure failure) implements Step<T> {}
}
