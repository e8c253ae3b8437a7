package io.github.rackimages.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogProtocolException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.RetryPolicy;
import io.github.rackimages.reliability.support.Figures;
import io.github.rackimages.reliability.support.LoopbackServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Servers on raw loopback sockets that break the protocol rather than the network: an HTTP/1.1 violation, plain
 * HTTP where TLS was expected and TLS where plain HTTP was. Each is an {@link
 * ImageCatalogProtocolException} saying what the server did, made after one request (not retried: the same server
 * breaks the same rule again), and never a transport failure telling the user to check the network.
 *
 * <p>Bad chunked encoding is not here: the JDK client reports it as {@code IOException("closed")}, the same as a
 * connection cut mid-chunk, so it stays a (retried) transport failure; see the report of this change.
 */
class ProtocolViolationsTest {

  private static final String TOKEN = "canary-token-protocol";
  private static final Figures FIGURES = new Figures("protocol-violations");
  // A TLS alert record (fatal, unexpected_message) as a TLS server sends to a client speaking plain HTTP.
  private static final byte[] TLS_ALERT = {0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x0a};

  @AfterAll
  static void write() {
    FIGURES.write("protocol violations on raw sockets, async and blocking");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "invalid-status-line|http|HTTP/1.1",
        "bad-chunk-size|http|chunk",
        "header-without-colon|http|malformed",
        "tls-alert-to-plain-http|http|TLS",
        "plain-http-to-tls|https|TLS"
      })
  void aProtocolViolationIsAProtocolErrorSayingWhatTheServerDid(String name, String scheme, String said)
      throws Exception {
    byte[] answer = answer(name);
    // An https client sends a binary ClientHello, never a request head: that server answers on connection.
    try (RawServer server = scheme.equals("https") ? RawServer.answeringAtOnce(answer)
        : RawServer.of(LoopbackServer.start("protocol-" + name, (request, reply) -> reply.raw(answer)))) {
      HttpImageCatalog catalog =
          HttpImageCatalog.builder()
              .token(TOKEN, URI.create(scheme + "://127.0.0.1:" + server.port() + "/v2/123456"))
              .requestTimeout(Duration.ofSeconds(5))
              .retryPolicy(RetryPolicy.builder().maxAttempts(4).baseDelay(Duration.ofMillis(1))
                  .maxDelay(Duration.ofMillis(5)).build())
              .build();

      ImageCatalogException blocking = null;
      try {
        catalog.list(ImageFilter.all(), PageRequest.first(10));
      } catch (ImageCatalogException e) {
        blocking = e;
      }
      int requestsBlocking = server.connections();
      Throwable async = null;
      try {
        catalog.listAsync(ImageFilter.all(), PageRequest.first(10)).get(30, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException e) {
        async = e.getCause();
      }

      System.out.println(name + ": " + (blocking == null ? "no failure" : blocking.getClass().getSimpleName() + ": "
          + blocking.getMessage()));
      assertThat(blocking).isInstanceOf(ImageCatalogProtocolException.class);
      assertThat(blocking.getMessage()).contains(said).doesNotContain("network").doesNotContain(TOKEN);
      assertThat(blocking.isRetryable()).isFalse();
      assertThat(requestsBlocking).as("not retried").isEqualTo(1);
      assertThat(async).isInstanceOf(ImageCatalogProtocolException.class);
      FIGURES.count("cases");
      FIGURES.count("protocol errors, blocking and async: " + name);
    }
  }

  private static byte[] answer(String name) {
    return switch (name) {
      case "bad-chunk-size" -> ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{\"images\": []}\r\n0\r\n\r\n");
      case "chunk-without-crlf" -> ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
          + "Transfer-Encoding: chunked\r\n\r\n4\r\n{\"im0\r\n\r\n");
      case "invalid-status-line" -> ascii("HTTP/1.1 2OO Fine\r\nContent-Length: 0\r\n\r\n");
      case "header-without-colon" -> ascii("HTTP/1.1 200 OK\r\nContent-Type application/json\r\n"
          + "Content-Length: 2\r\n\r\n{}");
      case "tls-alert-to-plain-http" -> TLS_ALERT;
      case "plain-http-to-tls" -> ascii("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
      default -> throw new IllegalArgumentException(name);
    };
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** A loopback server counting its connections: {@link LoopbackServer}, or one that answers on connection. */
  private interface RawServer extends AutoCloseable {
    int port();

    int connections();

    @Override
    void close();

    static RawServer of(LoopbackServer server) {
      return new RawServer() {
        public int port() {
          return server.port();
        }

        public int connections() {
          return server.connections();
        }

        public void close() {
          server.close();
        }
      };
    }

    static RawServer answeringAtOnce(byte[] answer) throws java.io.IOException {
      java.net.ServerSocket socket = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
      java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
      Thread acceptor = new Thread(() -> {
        while (!socket.isClosed()) {
          try (java.net.Socket s = socket.accept()) {
            connections.incrementAndGet();
            s.getOutputStream().write(answer);
            s.getOutputStream().flush();
            // Read until the client closes: closing with its ClientHello still unread would reset the connection,
            // and the client could then see a reset (a retried transport failure) before it reads the answer.
            s.setSoTimeout(10_000);
            byte[] drain = new byte[4096];
            while (s.getInputStream().read(drain) >= 0) {
              // Drained.
            }
          } catch (java.io.IOException e) {
            // The next connection, or closed.
          }
        }
      }, LoopbackServer.THREAD_PREFIX + "tls-expected");
      acceptor.setDaemon(true);
      acceptor.start();
      return new RawServer() {
        public int port() {
          return socket.getLocalPort();
        }

        public int connections() {
          return connections.get();
        }

        public void close() {
          try {
            socket.close();
          } catch (java.io.IOException e) {
            // Closing.
          }
        }
      };
    }
  }
}
