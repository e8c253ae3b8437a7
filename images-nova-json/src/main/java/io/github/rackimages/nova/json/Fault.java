package io.github.rackimages.nova.json;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A Nova fault body, {@code {"<faultName>": {"code": 400, "message": "...", "details": "...",
 * "retryAfter": "..."}}}. Every part but the name is optional, since proxies in front of the service send
 * partial bodies.
 */
public final class Fault {

  private final String name;
  private final Integer code;
  private final String message;
  private final String details;
  private final String retryAfter;
  private final String retryAt;

  private Fault(String name, Integer code, String message, String details, String retryAfter, String retryAt) {
    this.name = Objects.requireNonNull(name, "fault name");
    this.code = code;
    this.message = message;
    this.details = details;
    this.retryAfter = retryAfter;
    this.retryAt = retryAt;
  }

  /** A fault with a name, a code and a message, as a server writes it. */
  public static Fault of(String name, int code, String message) {
    return new Fault(name, code, Objects.requireNonNull(message, "message"), null, null, null);
  }

  static Fault read(String name, Integer code, String message, String details, String retryAfter, String retryAt) {
    return new Fault(name, code, message, details, retryAfter, retryAt);
  }

  /** With the {@code details} text. */
  public Fault withDetails(String details) {
    return new Fault(name, code, message, Objects.requireNonNull(details, "details"), retryAfter, retryAt);
  }

  /** With {@code retryAfter}: seconds, or an ISO-8601 instant, as text. */
  public Fault withRetryAfter(String retryAfter) {
    return new Fault(name, code, message, details, Objects.requireNonNull(retryAfter, "retryAfter"), retryAt);
  }

  /** The top-level key: {@code badRequest}, {@code itemNotFound}, {@code overLimit}, ... */
  public String name() {
    return name;
  }

  public OptionalInt code() {
    return code == null ? OptionalInt.empty() : OptionalInt.of(code);
  }

  public Optional<String> message() {
    return Optional.ofNullable(message);
  }

  public Optional<String> details() {
    return Optional.ofNullable(details);
  }

  /** {@code retryAfter} as sent: seconds or an ISO-8601 instant. */
  public Optional<String> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** {@code retryAt} as sent (the key some Rackspace documents use): an ISO-8601 instant. */
  public Optional<String> retryAt() {
    return Optional.ofNullable(retryAt);
  }

  @Override
  public String toString() {
    return "Fault[" + name + (code == null ? "" : " " + code) + (message == null ? "" : ": " + message) + "]";
  }
}
