package io.github.rackimages.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.reliability.support.Figures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The emulator under hostile clients (issue "Reliability"): many connections trickling their request heads, a
 * thousand idle connections, garbage request lines. Throughout, a well-behaved client keeps listing images and every
 * one of its requests must be answered 200 within {@value #BOUND_MILLIS} ms; no answer to anyone names a Java class.
 * The measured times go to the figures.
 */
class EmulatorHostileClientsTest {

  private static final long BOUND_MILLIS = 5_000;
  private static final Pattern JAVA_NAME =
      Pattern.compile("(java|javax|jakarta|org\\.eclipse|io\\.github)\\.[a-z]+\\.|Exception|\\tat ");
  private static final Figures FIGURES = new Figures("emulator-hostile-clients");
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static ImageEmulator emulator;
  private static String token;
  private static String tenantPath;

  private final List<Long> probeMillis = Collections.synchronizedList(new ArrayList<>());
  private final List<String> probeFailures = Collections.synchronizedList(new ArrayList<>());
  private final AtomicBoolean probing = new AtomicBoolean();
  private final ExecutorService pool = Executors.newCachedThreadPool();
  private Future<?> prober;

  @BeforeAll
  static void start() {
    emulator = ImageEmulator.builder().start();
    token = emulator.issueToken();
    tenantPath = emulator.computeEndpoint().getPath();
  }

  @AfterAll
  static void stop() {
    emulator.stop();
    FIGURES.write("slow heads, idle connections and garbage request lines against the emulator");
  }

  @BeforeEach
  void startProbing() {
    probing.set(true);
    prober = pool.submit(this::probe);
  }

  @AfterEach
  void stopPool() {
    probing.set(false);
    pool.shutdownNow();
  }

  @Test
  void slowRequestHeadsDoNotDelayOthers() throws Exception {
    int connections = 200;
    List<Socket> sockets = new ArrayList<>();
    String head = "GET " + tenantPath + "/images?limit=1 HTTP/1.1\r\nHost: x\r\nX-Auth-Token: " + token
        + "\r\nX-Filler: " + "f".repeat(40) + "\r\n";
    byte[] bytes = head.getBytes(StandardCharsets.ISO_8859_1);
    try {
      for (int i = 0; i < connections; i++) {
        sockets.add(new Socket(InetAddress.getLoopbackAddress(), emulator.port()));
      }
      // One byte per connection every 100 ms for 5 s: each head stays unfinished, well within the 10 s head timeout.
      for (int tick = 0; tick < 50; tick++) {
        for (Socket s : sockets) {
          try {
            s.getOutputStream().write(bytes[tick % bytes.length]);
            s.getOutputStream().flush();
          } catch (IOException e) {
            FIGURES.count("slow heads: connections closed by the server while trickling");
          }
        }
        Thread.sleep(100);
      }
      FIGURES.add("slow heads: connections trickling", connections);
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
    assertProbesHeld("slow heads");
  }

  @Test
  void aThousandIdleConnectionsDoNotDelayOthers() throws Exception {
    int connections = 1_000;
    List<Socket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < connections; i++) {
        sockets.add(new Socket(InetAddress.getLoopbackAddress(), emulator.port()));
      }
      FIGURES.add("idle: connections held open", sockets.size());
      Thread.sleep(3_000);
    } finally {
      for (Socket s : sockets) {
        s.close();
      }
    }
    assertProbesHeld("idle connections");
  }

  @Test
  void garbageRequestLinesGetNoJavaNamesAndDoNotDelayOthers() throws Exception {
    List<String> garbage =
        List.of(
            "GARBAGE\r\n\r\n",
            "GET\r\n\r\n",
            "GET / HTTP/9.9\r\n\r\n",
            "GET /v2 HTTP/1.1 extra\r\nHost: x\r\n\r\n",
            "\u0000\u0001\u0002\u0003\r\n\r\n",
            "GET /%%%% HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET " + tenantPath + "/images?name=a|b HTTP/1.1\r\nHost: x\r\n\r\n",
            "G\u00c9T / HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
            "GET " + tenantPath + "/images HTTP/1.1\r\nHost: [::1\r\n\r\n",
            "GET " + tenantPath + "/images HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
            "GET " + tenantPath + "/images HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: bogus\r\n\r\n",
            " GET / HTTP/1.1\r\n\r\n",
            "\r\n\r\n\r\n",
            "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n");
    List<Future<String>> answers = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      for (String line : garbage) {
        answers.add(pool.submit(() -> exchange(line)));
      }
    }
    List<String> leaks = new ArrayList<>();
    for (Future<String> f : answers) {
      String answer = f.get(30, TimeUnit.SECONDS);
      FIGURES.count("garbage: request lines sent");
      String status = answer.length() < 12 ? answer.trim() : answer.substring(0, 12).trim();
      FIGURES.count(answer.isEmpty() ? "garbage: closed without an answer" : "garbage: answered " + status);
      if (JAVA_NAME.matcher(answer).find()) {
        leaks.add(answer);
      }
    }
    assertThat(leaks).as("answers naming a Java class").isEmpty();
    assertProbesHeld("garbage request lines");
  }

  /** A well-behaved client listing images again and again while the hostile ones do their worst. */
  private void probe() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(emulator.computeEndpoint() + "/images?limit=2"))
            .header("X-Auth-Token", token)
            .timeout(Duration.ofSeconds(30))
            .build();
    while (probing.get()) {
      long start = System.nanoTime();
      try {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        probeMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        if (response.statusCode() != 200) {
          probeFailures.add(response.statusCode() + " " + response.body());
        }
        if (JAVA_NAME.matcher(response.body()).find()) {
          probeFailures.add("a Java name in " + response.body());
        }
        Thread.sleep(50);
      } catch (IOException e) {
        probeFailures.add(e.toString());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void assertProbesHeld(String phase) throws Exception {
    Thread.sleep(200);
    probing.set(false);
    prober.get(40, TimeUnit.SECONDS);
    List<Long> sorted = new ArrayList<>(probeMillis);
    Collections.sort(sorted);
    FIGURES.add(phase + ": normal requests answered", sorted.size());
    FIGURES.add(phase + ": normal request max ms", sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1));
    FIGURES.add(phase + ": normal request median ms", sorted.isEmpty() ? -1 : sorted.get(sorted.size() / 2));
    assertThat(probeFailures).as(phase + ": failed normal requests").isEmpty();
    assertThat(sorted).as(phase + ": normal requests").isNotEmpty();
    assertThat(sorted.get(sorted.size() - 1)).as(phase + ": slowest normal request (ms)").isLessThan(BOUND_MILLIS);
  }

  /** Sends the bytes on a fresh connection, half-closes, reads until the server closes (5 s at most). */
  private static String exchange(String request) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        socket.shutdownOutput();
      } catch (IOException e) {
        // Refused before everything was sent: read what was answered.
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
        // A reset after the answer leaves what was read.
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }
}
