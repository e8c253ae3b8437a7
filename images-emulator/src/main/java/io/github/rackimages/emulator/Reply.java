package io.github.rackimages.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One answer of the emulator before it is sent: status, content type, extra headers and a body writer. The body is
 * written into a buffer first (see {@link EmulatorHandler}), so that a failure while writing it still becomes a clean
 * 500 and the {@code Content-Length} is exact.
 */
final class Reply {

  /** The content type of successful answers, as Rackspace sends it. */
  static final String JSON = "application/json";

  /** The content type of faults, as Rackspace sends it. */
  static final String FAULT_JSON = "application/json; charset=UTF-8";

  /** Writes a body. */
  @FunctionalInterface
  interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private final int status;
  private final String contentType;
  private final Map<String, String> headers;
  private final Body body;
  private final boolean requestId;

  private Reply(int status, String contentType, Map<String, String> headers, Body body, boolean requestId) {
    this.status = status;
    this.contentType = contentType;
    this.headers = headers;
    this.body = body;
    this.requestId = requestId;
  }

  /** A 200 JSON answer. */
  static Reply ok(Body body) {
    return new Reply(200, JSON, Map.of(), Objects.requireNonNull(body, "body"), true);
  }

  /** A fault answer (the body writer writes the Nova fault). */
  static Reply fault(int status, Body body) {
    return new Reply(status, FAULT_JSON, Map.of(), Objects.requireNonNull(body, "body"), true);
  }

  /** An answer from below Nova's request layer (WebOb's own pages): no request id. */
  static Reply bare(int status, String contentType, Body body) {
    Objects.requireNonNull(contentType, "contentType");
    return new Reply(status, contentType, Map.of(), Objects.requireNonNull(body, "body"), false);
  }

  /** This answer with another status (and everything else the same). */
  Reply withStatus(int newStatus) {
    return new Reply(newStatus, contentType, headers, body, requestId);
  }

  /** This answer with one more header. */
  Reply withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new Reply(status, contentType, Map.copyOf(more), body, requestId);
  }

  int status() {
    return status;
  }

  String contentType() {
    return contentType;
  }

  Map<String, String> headers() {
    return headers;
  }

  /** Whether the answer carries {@code X-Compute-Request-Id} (everything Nova's request layer answers). */
  boolean carriesRequestId() {
    return requestId;
  }

  Body body() {
    return body;
  }

  /** The body's bytes, written into a buffer; a failure of the writer propagates. */
  byte[] render() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    body.writeTo(out);
    return out.toByteArray();
  }

  @Override
  public String toString() {
    return "Reply[" + status + "]";
  }
}
