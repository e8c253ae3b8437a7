package io.github.rackimages.core;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What is known about a failed call: the HTTP status, the service's fault name ({@code badRequest},
 * {@code overLimit}, ...), the service's own message and details, the request id ({@code X-Compute-Request-Id})
 * and a short, redacted excerpt of the response body. Every part is optional: an in-memory adapter knows none, a
 * network fault knows no status. Immutable; start from {@link #none()} or {@link #status(int)} and add parts
 * with the {@code with*} methods. Serializable, as the exceptions that carry it are.
 *
 * @since 1.0
 */
public final class ErrorDetails implements Serializable {

  private static final long serialVersionUID = 1L;

  private static final ErrorDetails NONE = new ErrorDetails(0, null, null, null, null, null);

  private final int status;
  private final String faultName;
  private final String serviceMessage;
  // Added after 1.0's first form: a stream without it reads it as null, which is what "not sent" means.
  private final String serviceDetails;
  private final String requestId;
  private final String bodyExcerpt;

  private ErrorDetails(
      int status, String faultName, String serviceMessage, String serviceDetails, String requestId,
      String bodyExcerpt) {
    this.status = status;
    this.faultName = faultName;
    this.serviceMessage = serviceMessage;
    this.serviceDetails = serviceDetails;
    this.requestId = requestId;
    this.bodyExcerpt = bodyExcerpt;
  }

  /** Nothing known. */
  public static ErrorDetails none() {
    return NONE;
  }

  /**
   * An HTTP status and nothing else yet.
   *
   * @throws IllegalArgumentException if {@code status} is not within 100..599
   */
  public static ErrorDetails status(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("HTTP status must be 100..599: " + status);
    }
    return new ErrorDetails(status, null, null, null, null, null);
  }

  /**
   * With the service's fault name, such as {@code itemNotFound}.
   *
   * @throws NullPointerException if {@code faultName} is null
   */
  public ErrorDetails withFaultName(String faultName) {
    return new ErrorDetails(
        status, Objects.requireNonNull(faultName, "faultName"), serviceMessage, serviceDetails, requestId, bodyExcerpt);
  }

  /**
   * With the message the service wrote in its fault body.
   *
   * @throws NullPointerException if {@code message} is null
   */
  public ErrorDetails withServiceMessage(String message) {
    return new ErrorDetails(
        status, faultName, Objects.requireNonNull(message, "message"), serviceDetails, requestId, bodyExcerpt);
  }

  /**
   * With the {@code details} the service wrote in its fault body beside the message (Nova's rate limiter and
   * Rackspace's proxies write one), stored as given: the adapter redacts it first.
   *
   * @throws NullPointerException if {@code details} is null
   */
  public ErrorDetails withServiceDetails(String details) {
    return new ErrorDetails(
        status, faultName, serviceMessage, Objects.requireNonNull(details, "details"), requestId, bodyExcerpt);
  }

  /**
   * With the request id the service gave the call.
   *
   * @throws NullPointerException if {@code requestId} is null
   */
  public ErrorDetails withRequestId(String requestId) {
    return new ErrorDetails(
        status, faultName, serviceMessage, serviceDetails, Objects.requireNonNull(requestId, "requestId"), bodyExcerpt);
  }

  /**
   * With the part of the response body the adapter kept, stored as given: the adapter shortens it and redacts
   * secrets first (how much to keep is its choice, not this value's).
   *
   * @throws NullPointerException if {@code excerpt} is null
   */
  public ErrorDetails withBody(String excerpt) {
    return new ErrorDetails(
        status, faultName, serviceMessage, serviceDetails, requestId, Objects.requireNonNull(excerpt, "excerpt"));
  }

  /** The HTTP status, when the failure came with one. */
  public OptionalInt statusCode() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /** The service's fault name, such as {@code badRequest} or {@code overLimit}, when it sent one. */
  public Optional<String> faultName() {
    return Optional.ofNullable(faultName);
  }

  /** The message the service wrote in its fault body, when it wrote one. */
  public Optional<String> serviceMessage() {
    return Optional.ofNullable(serviceMessage);
  }

  /** The {@code details} the service wrote in its fault body beside the message, when it wrote them. */
  public Optional<String> serviceDetails() {
    return Optional.ofNullable(serviceDetails);
  }

  /** The request id the service gave the call ({@code X-Compute-Request-Id}), when known. */
  public Optional<String> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The start of the response body, already redacted, when one was kept. */
  public Optional<String> bodyExcerpt() {
    return Optional.ofNullable(bodyExcerpt);
  }

  /**
   * A one-line description such as {@code HTTP 413 overLimit "This request was rate-limited." (details: "Only 10
   * GET request(s) can be made to * every minute.") (request req-1)}.
   */
  String describe() {
    StringBuilder s = new StringBuilder();
    if (status != 0) {
      s.append("HTTP ").append(status);
    }
    if (faultName != null) {
      s.append(s.length() == 0 ? "" : " ").append(faultName);
    }
    if (serviceMessage != null) {
      s.append(s.length() == 0 ? "" : " ").append('"').append(serviceMessage).append('"');
    }
    if (serviceDetails != null) {
      s.append(s.length() == 0 ? "" : " ").append("(details: \"").append(serviceDetails).append("\")");
    }
    if (requestId != null) {
      s.append(s.length() == 0 ? "" : " ").append("(request ").append(requestId).append(')');
    }
    return s.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ErrorDetails d
        && status == d.status
        && Objects.equals(faultName, d.faultName)
        && Objects.equals(serviceMessage, d.serviceMessage)
        && Objects.equals(serviceDetails, d.serviceDetails)
        && Objects.equals(requestId, d.requestId)
        && Objects.equals(bodyExcerpt, d.bodyExcerpt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, faultName, serviceMessage, serviceDetails, requestId, bodyExcerpt);
  }

  @Override
  public String toString() {
    return "ErrorDetails[" + describe() + "]";
  }
}
