package io.github.rackimages.http;

/**
 * Hears about every HTTP attempt {@link HttpImageCatalog} makes, to feed logs, metrics or traces without the
 * library depending on any of them. Set it with {@link HttpCatalogConfig.Builder#listener}; several may be set.
 *
 * <pre>{@code
 * HttpImageCatalog catalog = HttpImageCatalog.builder()
 *     .token(token, endpoint)
 *     .listener(e -> timer(e.decision()).record(e.duration()))
 *     .build();
 * }</pre>
 *
 * <p>Called once per attempt, after its response was read (or the client failed) and the catalog decided what to
 * do next, on the thread that made the attempt: the caller's for the blocking methods, the configured executor's
 * for the asynchronous ones. Implementations MUST be thread-safe and should return quickly: the call waits for
 * them. An exception a listener throws never reaches the caller: it is logged once at {@code WARNING} on
 * {@value HttpImageCatalog#LOGGER_NAME} (later ones at {@code DEBUG}) and the call goes on. Events hold no token,
 * API key or password.
 *
 * @since 1.0
 */
@FunctionalInterface
public interface HttpCatalogListener {

  /** One attempt is over. */
  void onAttempt(AttemptEvent event);
}
