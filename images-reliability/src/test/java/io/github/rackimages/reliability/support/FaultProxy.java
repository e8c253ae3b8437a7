package io.github.rackimages.reliability.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A loopback proxy in front of a real service (the emulator) that injects faults at the socket and HTTP level:
 * the plan decides, request by request, to pass it on or to answer with a fault. Counts every fault injected.
 */
public final class FaultProxy implements AutoCloseable {

  /** What the proxy does to one request. */
  public enum Fault {
    NONE,
    /** 503 serviceUnavailable with {@code Retry-After: 0}. */
    UNAVAILABLE_503,
    /** 413 overLimit with {@code Retry-After} in seconds (0). */
    THROTTLED_413_SECONDS,
    /** 413 overLimit with {@code Retry-After} as an HTTP date one second ahead. */
    THROTTLED_413_DATE,
    /** 413 overLimit with no wait at all: an absolute limit, not retried. */
    THROTTLED_413_NO_WAIT,
    /** 500 computeFault. */
    SERVICE_FAULT_500,
    /** The connection reset before any byte of the answer. */
    RESET_BEFORE_ANSWER,
    /** The service's answer, reset (RST) half-way through its body. */
    RESET_MID_BODY,
    /** The service's answer, the connection closed half-way through its body. */
    CUT_MID_BODY,
    /** No answer at all: the client's timeout must end it. */
    STALL,
    /** Every token is revoked just before the request passes on: the service answers 401. */
    EXPIRE_TOKENS
  }

  private final LoopbackServer server;
  private final URI upstream;
  private final HttpClient client =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
  private final Map<Fault, AtomicLong> injected = new EnumMap<>(Fault.class);
  private volatile Function<Request, Fault> plan = r -> Fault.NONE;
  private volatile Runnable revokeTokens = () -> {};

  public FaultProxy(URI upstream) {
    this.upstream = upstream;
    for (Fault f : Fault.values()) {
      injected.put(f, new AtomicLong());
    }
    this.server = LoopbackServer.start("fault-proxy", this::handle);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI origin() {
    return server.origin();
  }

  /** The requests the proxy received. */
  public List<Request> requests() {
    return server.requests();
  }

  /** Decides each request's fault from now on. */
  public void plan(Function<Request, Fault> plan) {
    this.plan = plan;
  }

  /** What {@link Fault#EXPIRE_TOKENS} runs. */
  public void onExpireTokens(Runnable revoke) {
    this.revokeTokens = revoke;
  }

  /** How many faults of each kind were injected (NONE: requests passed on untouched). */
  public Map<Fault, Long> injected() {
    Map<Fault, Long> out = new LinkedHashMap<>();
    injected.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  /** How many faults were injected in all. */
  public long faults() {
    return injected.entrySet().stream().filter(e -> e.getKey() != Fault.NONE).mapToLong(e -> e.getValue().get()).sum();
  }

  private void handle(Request request, LoopbackServer.Reply reply) throws IOException {
    Fault fault = plan.apply(request);
    injected.get(fault).incrementAndGet();
    switch (fault) {
      case NONE -> pass(request, reply);
      case UNAVAILABLE_503 -> fault(reply, 503, "serviceUnavailable", Map.of("Retry-After", "0"));
      case THROTTLED_413_SECONDS -> fault(reply, 413, "overLimit", Map.of("Retry-After", "0"));
      case THROTTLED_413_DATE -> fault(
          reply, 413, "overLimit",
          Map.of("Retry-After", DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(1))));
      case THROTTLED_413_NO_WAIT -> fault(reply, 413, "overLimit", Map.of());
      case SERVICE_FAULT_500 -> fault(reply, 500, "computeFault", Map.of());
      case RESET_BEFORE_ANSWER -> reply.reset();
      case RESET_MID_BODY -> reply.rawThenReset(halfAnswer(forward(request)));
      case CUT_MID_BODY -> reply.raw(halfAnswer(forward(request)));
      case STALL -> reply.stall();
      case EXPIRE_TOKENS -> {
        revokeTokens.run();
        pass(request, reply);
      }
    }
  }

  private static void fault(LoopbackServer.Reply reply, int status, String name, Map<String, String> extra)
      throws IOException {
    Map<String, String> h = new LinkedHashMap<>(extra);
    h.put("Content-Type", "application/json; charset=UTF-8");
    h.put("X-Compute-Request-Id", "req-proxy-fault");
    String body = "{\"" + name + "\": {\"code\": " + status + ", \"message\": \"injected by the fault proxy\"}}";
    reply.send(status, h, body.getBytes(StandardCharsets.UTF_8));
  }

  private void pass(Request request, LoopbackServer.Reply reply) throws IOException {
    HttpResponse<byte[]> r = forward(request);
    reply.send(r.statusCode(), headersOf(r), r.body());
  }

  private static Map<String, String> headersOf(HttpResponse<byte[]> r) {
    Map<String, String> h = new LinkedHashMap<>();
    for (String name : List.of("Content-Type", "Retry-After", "X-Compute-Request-Id", "WWW-Authenticate", "Location")) {
      r.headers().firstValue(name).ifPresent(v -> h.put(name, v));
    }
    return h;
  }

  /** Status line and headers declaring the whole body, then the first half of the body. */
  private static byte[] halfAnswer(HttpResponse<byte[]> r) {
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(r.statusCode()).append(" Whatever\r\n");
    headersOf(r).forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("Content-Length: ").append(r.body().length).append("\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(Arrays.copyOf(r.body(), r.body().length / 2));
    return out.toByteArray();
  }

  private HttpResponse<byte[]> forward(Request request) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream + request.target())).timeout(Duration.ofSeconds(5));
    for (String name : List.of("X-Auth-Token", "Content-Type", "Accept")) {
      request.header(name).ifPresent(v -> b.header(name, v));
    }
    b.method(request.method(), request.body().length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
