package io.github.rackimages.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.fake.SampleCatalogs;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.auth.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JFR listener on a catalog talking to the emulator over HTTP: a recording, dumped and read back. */
class JfrCatalogListenerTest {

  private final ImageEmulator emulator =
      ImageEmulator.builder()
          .catalog(InMemoryImageCatalog.builder().images(SampleCatalogs.rackspace()).build())
          .port(0)
          .start();

  @AfterEach
  void stop() {
    emulator.stop();
  }

  @Test
  void everyAttemptIsCommittedAsAFlightRecorderEvent(@TempDir Path dir) throws Exception {
    HttpImageCatalog catalog =
        HttpImageCatalog.builder()
            .credentials(Credentials.apiKey(ImageEmulator.DEFAULT_USERNAME, ImageEmulator.DEFAULT_API_KEY))
            .identityUrl(emulator.identityUrl())
            .region("DFW")
            .listener(new JfrCatalogListener())
            .build();
    Path file = dir.resolve("attempts.jfr");

    try (Recording recording = new Recording()) {
      recording.enable(JfrCatalogListener.EVENT_NAME).withThreshold(Duration.ZERO);
      recording.start();
      catalog.list(ImageFilter.all(), PageRequest.first(3));
      catalog.listSummaries(ImageFilter.all(), PageRequest.first(2));
      recording.stop();
      recording.dump(file);
    }

    List<RecordedEvent> events =
        RecordingFile.readAllEvents(file).stream()
            .filter(e -> e.getEventType().getName().equals(JfrCatalogListener.EVENT_NAME))
            .toList();
    assertThat(events).hasSize(2);
    assertThat(events).extracting(e -> e.getString("target"))
        .allSatisfy(t -> assertThat(t).doesNotContain("127.0.0.1").doesNotContain(ImageEmulator.DEFAULT_API_KEY))
        .anySatisfy(t -> assertThat(t).endsWith("/images/detail?limit=3"))
        .anySatisfy(t -> assertThat(t).endsWith("/images?limit=2"));
    assertThat(events).allSatisfy(e -> {
      assertThat(e.getString("method")).isEqualTo("GET");
      assertThat(e.getInt("status")).isEqualTo(200);
      assertThat(e.getString("decision")).isEqualTo("DONE");
      assertThat(e.getInt("attempt")).isEqualTo(1);
      assertThat(e.getLong("attemptDuration")).isPositive();
      assertThat(e.getString("failure")).isNull();
    });
  }

  @Test
  void withoutARecordingTheListenerDoesNothing() {
    new JfrCatalogListener().onAttempt(LoggingCatalogListenerTest.event());
  }
}
