package io.github.rackimages.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Clients that never finish their request neither stop service nor keep their connections for ever. */
class SlowClientsTest {

  private static final byte[] HALF_A_HEAD =
      "GET /v2/123456/images HTTP/1.1\r\nHost: x\r\nX-Auth-".getBytes(StandardCharsets.ISO_8859_1);

  @Test
  void aThousandConnectionsStalledMidRequestDoNotKeepANormalRequestWaiting() throws IOException {
    List<Socket> stalled = new ArrayList<>();
    try (ImageEmulator emulator =
        ImageEmulator.builder()
            .catalog(Fixtures.smallCatalog())
            .threads(4)
            .timeouts(Duration.ofMinutes(2), Duration.ofMinutes(2))
            .start()) {
      Wire wire = new Wire(emulator);
      try {
        for (int i = 0; i < 1000; i++) {
          Socket socket = new Socket(emulator.uri().getHost(), emulator.port());
          stalled.add(socket);
          socket.getOutputStream().write(HALF_A_HEAD);
          socket.getOutputStream().flush();
        }

        long start = System.nanoTime();
        HttpResponse<byte[]> answer = Wire.send(wire.request("/images").timeout(Duration.ofSeconds(5)).build());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answer.statusCode()).isEqualTo(200);
        System.out.println("A normal request took " + took.toMillis() + " ms beside 1000 stalled connections.");
        // The stalled connections were held, not dropped: one of them can still finish its request.
        Socket last = stalled.get(stalled.size() - 1);
        last.getOutputStream()
            .write(("Token: " + wire.token() + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        last.setSoTimeout(5000);
        String head = new String(last.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
        assertThat(head).isEqualTo("HTTP/1.1 200");
      } finally {
        for (Socket socket : stalled) {
          socket.close();
        }
      }
    }
  }

  @Test
  void aRequestHeadTricklingInIsCutOffAfterTheHeaderTimeout() throws Exception {
    try (ImageEmulator emulator =
            ImageEmulator.builder()
                .catalog(Fixtures.smallCatalog())
                .timeouts(Duration.ofMinutes(1), Duration.ofMillis(300))
                .start();
        Socket socket = new Socket(emulator.uri().getHost(), emulator.port())) {
      socket.setSoTimeout(100);
      OutputStream out = socket.getOutputStream();
      out.write(HALF_A_HEAD);
      // One byte every 100 ms: the connection is never idle, its head never complete.
      boolean closed = false;
      for (int i = 0; i < 50 && !closed; i++) {
        try {
          out.write('a');
          out.flush();
          closed = readsEnd(socket.getInputStream());
        } catch (IOException e) {
          closed = true;
        }
      }

      assertThat(closed).as("closed within 5 s").isTrue();
    }
  }

  @Test
  void aSilentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
    try (ImageEmulator emulator =
            ImageEmulator.builder()
                .catalog(Fixtures.smallCatalog())
                .timeouts(Duration.ofMillis(300), Duration.ofMinutes(1))
                .start();
        Socket socket = new Socket(emulator.uri().getHost(), emulator.port())) {
      socket.setSoTimeout(5000);

      assertThat(socket.getInputStream().read()).isEqualTo(-1);
    }
  }

  @Test
  void pausesBetweenRequestsOnAKeptAliveConnectionDoNotCountAsHeaderTime() throws Exception {
    try (ImageEmulator emulator =
            ImageEmulator.builder()
                .catalog(Fixtures.smallCatalog())
                .timeouts(Duration.ofMinutes(1), Duration.ofMillis(200))
                .start();
        Socket socket = new Socket(emulator.uri().getHost(), emulator.port())) {
      String token = emulator.issueToken();
      socket.setSoTimeout(5000);
      for (int i = 0; i < 3; i++) {
        socket.getOutputStream()
            .write(
                ("GET /v2/123456/images/" + Fixtures.UBUNTU.id() + " HTTP/1.1\r\nHost: x\r\nX-Auth-Token: " + token
                        + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(readAnswerHead(socket.getInputStream())).startsWith("HTTP/1.1 200");
        Thread.sleep(600);
      }
    }
  }

  /** Whether the server closed the connection (reads end), waiting at most the socket's timeout. */
  private static boolean readsEnd(InputStream in) throws IOException {
    try {
      return in.read() < 0;
    } catch (SocketTimeoutException e) {
      return false;
    }
  }

  /** Reads one answer: its head, then as many body bytes as its Content-Length says. */
  private static String readAnswerHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        break;
      }
      head.append((char) c);
    }
    String text = head.toString();
    int at = text.toLowerCase(java.util.Locale.ROOT).indexOf("content-length: ");
    if (at >= 0) {
      int length = Integer.parseInt(text.substring(at + 16, text.indexOf('\r', at)).trim());
      in.readNBytes(length);
    }
    return text;
  }
}
