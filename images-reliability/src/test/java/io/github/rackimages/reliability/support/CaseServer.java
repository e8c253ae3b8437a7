package io.github.rackimages.reliability.support;

import io.github.rackimages.reliability.support.HostileCase.Operation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * A loopback server that answers every request with the current {@link HostileCase}, delivered as the case says;
 * for a stream, requests that carry a marker get an empty last page, so that a walk ends after the damaged page.
 */
public final class CaseServer implements AutoCloseable {

  /** The path of every endpoint, like a Rackspace {@code publicURL}. */
  public static final String TENANT_PATH = "/v2/123456";

  private final LoopbackServer server;
  private volatile HostileCase current;

  public CaseServer() {
    this.server = LoopbackServer.start("cases", (request, reply) -> answer(request, reply));
  }

  /** The compute endpoint. */
  public URI endpoint() {
    return URI.create(server.origin() + TENANT_PATH);
  }

  /** The server underneath (for its request log). */
  public LoopbackServer server() {
    return server;
  }

  /** Answers with {@code c} from now on. */
  public void serve(HostileCase c) {
    this.current = c;
  }

  private void answer(Request request, LoopbackServer.Reply reply) throws IOException {
    HostileCase c = current;
    if (c == null) {
      reply.send(418, Map.of("Content-Type", "text/plain"), "no case".getBytes(StandardCharsets.UTF_8));
      return;
    }
    if (c.operation() == Operation.STREAM && request.rawQuery().orElse("").contains("marker=")) {
      reply.send(200, Map.of("Content-Type", "application/json"), "{\"images\": []}".getBytes(StandardCharsets.UTF_8));
      return;
    }
    switch (c.delivery()) {
      case PROPER -> reply.send(c.status(), c.headers(), c.body());
      case CUT_CONNECTION -> reply.raw(head(c, c.body().length * 2L + 16));
      case RESET_MID_BODY -> reply.rawThenReset(head(c, c.body().length * 2L + 16));
      case RAW -> reply.raw(c.body());
    }
  }

  /** Status line, headers and a Content-Length of {@code declared}, followed by the case's body. */
  private static byte[] head(HostileCase c, long declared) {
    StringBuilder h = new StringBuilder("HTTP/1.1 ").append(c.status()).append(" Status\r\n");
    c.headers().forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
    h.append("Content-Length: ").append(declared).append("\r\n\r\n");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
    out.writeBytes(Arrays.copyOf(c.body(), c.body().length));
    return out.toByteArray();
  }

  @Override
  public void close() {
    server.close();
  }
}
