package io.github.rackimages.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error pages in Nova's fault format: what Jetty refuses itself (a garbage request line, a bad URI or
 * percent-escape, a request head too large, a broken body) gets {@code {"<faultName>": {"code": N, "message":
 * "..."}}} with {@code Content-Type: application/json; charset=UTF-8} and {@code X-Compute-Request-Id}, as every
 * other answer of the emulator. The message is WebOb's standard text for the status, never Jetty's reason, so no
 * exception or class name reaches the client.
 */
final class NovaErrorHandler extends ErrorHandler {

  private static final System.Logger LOG = System.getLogger(ImageEmulator.LOGGER_NAME);

  private final EmulatorService service;

  NovaErrorHandler(EmulatorService service) {
    this.service = service;
  }

  /** An error of a request Jetty parsed (a bad URI, a failure outside the emulator's handler). */
  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = response.getStatus();
    if (request.getAttribute(ERROR_STATUS) instanceof Integer carried) {
      status = carried;
    }
    if (status < 400 || status > 599) {
      status = 500;
    }
    Reply reply = service.fault(status, message(status));
    String requestId = "req-" + UUID.randomUUID();
    int answered = status;
    LOG.log(System.Logger.Level.DEBUG, () -> "refused by the server: " + answered + " (" + requestId + ")");
    byte[] body = render(reply);
    response.setStatus(status);
    HttpFields.Mutable headers = response.getHeaders();
    headers.put(HttpHeader.CONTENT_TYPE, reply.contentType());
    headers.put(EmulatorHandler.REQUEST_ID, requestId);
    reply.headers().forEach(headers::put);
    headers.put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  /** The answer to a request Jetty could not parse at all (a garbage request line, a head too large). */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    Reply reply = service.fault(status, message(status));
    fields.put(new HttpField(HttpHeader.CONTENT_TYPE, reply.contentType()));
    fields.put(EmulatorHandler.REQUEST_ID, "req-" + UUID.randomUUID());
    return ByteBuffer.wrap(render(reply));
  }

  /** WebOb's explanation for the status, as Nova's fault wrapper sends it; a plain reason phrase otherwise. */
  static String message(int status) {
    return switch (status) {
      case 400 -> "The server could not comply with the request since it is either malformed or otherwise incorrect.";
      case 404 -> NovaFaults.NOT_FOUND;
      case 405 -> "The method is not allowed for this resource.";
      case 408 -> "The server has waited too long for the request to be sent by the client.";
      case 413 -> "The request is larger than the server is willing or able to process.";
      case 414 -> "The request URI was too long for this server.";
      case 431 -> "The request header fields were too large.";
      case 500 -> NovaFaults.GENERIC_500;
      case 503 -> NovaFaults.UNAVAILABLE;
      default -> HttpStatus.getMessage(status) + ".";
    };
  }

  private static byte[] render(Reply reply) {
    try {
      return reply.render();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "NovaErrorHandler";
  }
}
