package io.github.rackimages.emulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Raw bytes to an emulator on a fresh connection, and what comes back: for requests no HTTP client would send. */
final class RawHttp {

  /** An answer split at the end of its head; empty when the server closed without answering. */
  record Answer(String head, String body) {
    int status() {
      return head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
    }

    String all() {
      return head + "\r\n\r\n" + body;
    }
  }

  /** Writes the request, half-closes, and reads until the server closes (or 5 s pass without a byte). */
  static Answer exchange(ImageEmulator emulator, String request) throws IOException {
    try (Socket socket = new Socket(emulator.uri().getHost(), emulator.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        socket.shutdownOutput();
      } catch (IOException e) {
        // The server may refuse and close before reading everything.
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      try {
        int n;
        while ((n = in.read(buf)) > 0) {
          answer.write(buf, 0, n);
        }
      } catch (IOException e) {
        // A reset after the answer still leaves the answer read so far.
      }
      String text = answer.toString(StandardCharsets.UTF_8);
      int end = text.indexOf("\r\n\r\n");
      return end < 0 ? new Answer(text, "") : new Answer(text.substring(0, end), text.substring(end + 4));
    }
  }

  private RawHttp() {}
}
