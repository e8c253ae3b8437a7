package io.github.rackimages.http;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A loopback server, a test clock, a recording sleeper and a capturing logger for each test. */
abstract class CatalogTestSupport {

  /** The token every fixed-token test uses; no log line, message or excerpt may contain it. */
  static final String TOKEN = "tk-5ecret-0f-the-test";

  CannedServer server;
  TestClock clock;
  RecordingSleeper sleeper;
  CapturingLogger logger;

  @BeforeEach
  void startServer() {
    server = CannedServer.start();
    clock = new TestClock(Instant.parse("2015-12-02T05:00:00Z"));
    sleeper = new RecordingSleeper(clock);
    logger = new CapturingLogger();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  /** A builder for a catalog on the test server with a fixed token and no retries. */
  HttpCatalogConfig.Builder<HttpImageCatalog> builder() {
    return HttpImageCatalog.builder()
        .token(TOKEN, server.endpoint())
        .clock(clock)
        .sleeper(sleeper)
        .logger(logger)
        .requestTimeout(Duration.ofSeconds(5))
        .retryPolicy(RetryPolicy.none());
  }

  HttpImageCatalog catalog() {
    return builder().build();
  }
}
