package io.github.rackimages.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback server that answers every connection with the same raw bytes and then closes the socket: for
 * answers no well-behaved HTTP server library will send (a body shorter than its Content-Length, cut off by a
 * closed connection).
 */
final class RawSocketServer implements AutoCloseable {

  private final ServerSocket socket;
  private final Thread acceptor;
  private final AtomicInteger connections = new AtomicInteger();

  private RawSocketServer(byte[] response) throws IOException {
    socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    acceptor =
        new Thread(
            () -> {
              while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                  connections.incrementAndGet();
                  readHead(s.getInputStream());
                  OutputStream out = s.getOutputStream();
                  out.write(response);
                  out.flush();
                } catch (IOException e) {
                  // Closed by the test, or the client went away.
                }
              }
            },
            "raw-socket-server");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A server answering {@code head} (status line and headers, CRLF-separated, without the blank line) and body. */
  static RawSocketServer answering(String head, String body) {
    try {
      return new RawSocketServer((head + "\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a loopback server", e);
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort() + CannedServer.TENANT_PATH);
  }

  int connections() {
    return connections.get();
  }

  private static void readHead(InputStream in) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      seen.write(b);
      String s = seen.toString(StandardCharsets.ISO_8859_1);
      if (s.endsWith("\r\n\r\n")) {
        return;
      }
    }
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      // Closing a listening socket on loopback does not fail in a way a test cares about.
    }
  }
}
