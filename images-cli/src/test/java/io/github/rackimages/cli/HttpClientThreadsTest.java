package io.github.rackimages.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.emulator.ImageEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The command leaves no HTTP client thread waiting in native code, which would hold up the JVM's exit. */
class HttpClientThreadsTest {

  @Test
  void theSelectorThreadOfAClientThatMadeARequestEnds() throws Exception {
    try (ImageEmulator emulator = ImageEmulator.builder().start()) {
      HttpClient client = HttpClient.newHttpClient();
      URI uri = URI.create(emulator.uri() + "/");
      client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
      assertThat(selectors()).as("the client's selector thread").isNotEmpty();

      assertThat(HttpClientThreads.endSelectors()).isPositive();

      for (Thread t : selectors()) {
        t.join(10_000);
      }
      assertThat(selectors()).as("selector threads still alive").isEmpty();
      assertThat(Thread.currentThread().isInterrupted()).as("the caller interrupted").isFalse();
    }
  }

  private static List<Thread> selectors() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.isAlive() && t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
        .collect(Collectors.toList());
  }
}
