package io.github.rackimages.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.CannedServer.CannedResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real logging path: with {@code java.logging} present the JDK routes {@link System.Logger} to
 * java.util.logging, so a handler on the logger named {@value HttpImageCatalog#LOGGER_NAME} sees what a user's
 * logging setup would see (DEBUG arrives as FINE).
 */
class HttpImageCatalogLoggingTest {

  private static final String TOKEN = "tk-l0gging-secret";

  private final Logger jul = Logger.getLogger(HttpImageCatalog.LOGGER_NAME);
  private final List<LogRecord> records = Collections.synchronizedList(new ArrayList<>());
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          records.add(r);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private Level previous;
  private CannedServer server;

  @BeforeEach
  void capture() {
    previous = jul.getLevel();
    jul.setLevel(Level.ALL);
    handler.setLevel(Level.ALL);
    jul.addHandler(handler);
    server = CannedServer.start();
  }

  @AfterEach
  void release() {
    jul.removeHandler(handler);
    jul.setLevel(previous);
    server.close();
  }

  @Test
  void eachRequestIsOneDebugLineOnTheLibrarysLogger() {
    server.enqueue(
        CannedResponse.status(500),
        CannedResponse.json(200, NovaBodies.detailPage(List.of("a"), null)).header("X-Compute-Request-Id", "req-9"));
    HttpImageCatalog catalog =
        HttpImageCatalog.builder()
            .token(TOKEN, server.endpoint())
            .retryPolicy(RetryPolicy.builder().baseDelay(Duration.ofMillis(1)).build())
            .build();

    catalog.list(ImageFilter.builder().name("a b").build(), PageRequest.first(3));

    List<LogRecord> lines = List.copyOf(records);
    assertThat(lines).hasSize(2);
    assertThat(lines).allSatisfy(r -> assertThat(r.getLevel()).isEqualTo(Level.FINE));
    assertThat(lines.get(0).getMessage())
        .startsWith("GET /v2/123456/images/detail?name=a%20b&limit=3 -> 500 in ")
        .endsWith("(request -, attempt 1)");
    assertThat(lines.get(1).getMessage())
        .matches("GET /v2/123456/images/detail\\?name=a%20b&limit=3 -> 200 in \\d+ ms \\(request req-9, attempt 2\\)");
    assertThat(lines).noneMatch(r -> r.getMessage().contains(TOKEN));
  }

  @Test
  void nothingIsFormattedWhenDebugIsOff() {
    jul.setLevel(Level.INFO);
    server.enqueue(CannedResponse.json(200, NovaBodies.detailPage(List.of(), null)));

    HttpImageCatalog.builder().token(TOKEN, server.endpoint()).build().list(ImageFilter.all(), PageRequest.first(3));

    assertThat(records).isEmpty();
  }
}
