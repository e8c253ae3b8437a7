package io.github.rackimages.examples;

import io.github.rackimages.http.AttemptEvent;
import io.github.rackimages.http.HttpCatalogListener;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/**
 * Records every HTTP attempt of an {@link io.github.rackimages.http.HttpImageCatalog} as a JDK Flight Recorder
 * event, {@value #EVENT_NAME}, so that a recording ({@code -XX:StartFlightRecording}, JDK Mission Control,
 * {@code jfr print --events HttpAttempt}) shows the catalog's traffic next to the JVM's own events.
 *
 * <pre>{@code
 * ImageCatalog catalog = HttpImageCatalog.builder()
 *     .credentials(credentials).region("DFW")
 *     .listener(new JfrCatalogListener())
 *     .build();
 * }</pre>
 *
 * <p>Costs next to nothing when no recording has the event enabled.
 */
public final class JfrCatalogListener implements HttpCatalogListener {

  /** The name of the JFR event: {@value}. */
  public static final String EVENT_NAME = "io.github.rackimages.HttpAttempt";

  @Override
  public void onAttempt(AttemptEvent e) {
    HttpAttempt event = new HttpAttempt();
    if (!event.isEnabled()) {
      return;
    }
    event.method = e.method();
    event.target = e.target();
    event.attempt = e.attempt();
    event.status = e.status().orElse(0);
    event.failure = e.failure().orElse(null);
    event.requestId = e.requestId().orElse(null);
    event.attemptDuration = e.duration().toNanos();
    event.decision = e.decision().name();
    event.retryDelay = e.retryDelay().toNanos();
    event.commit();
  }

  /** One attempt, as JFR records it; the fields are {@link AttemptEvent}'s. */
  @Name(EVENT_NAME)
  @Label("Image Catalog HTTP Attempt")
  @Category({"Rackspace Images", "HTTP"})
  @Description("One HTTP attempt of HttpImageCatalog, with what the call did next")
  @StackTrace(false)
  static final class HttpAttempt extends Event {
    @Label("Method")
    String method;

    @Label("Target")
    @Description("Path and query; no host, no token")
    String target;

    @Label("Attempt")
    int attempt;

    @Label("Status")
    @Description("The response's status code; 0 when there was no response")
    int status;

    @Label("Failure")
    @Description("What failed when there was no response")
    String failure;

    @Label("Request Id")
    String requestId;

    @Label("Attempt Duration")
    @Timespan(Timespan.NANOSECONDS)
    long attemptDuration;

    @Label("Decision")
    @Description("DONE, RETRY, GIVE_UP or RENEW")
    String decision;

    @Label("Retry Delay")
    @Timespan(Timespan.NANOSECONDS)
    long retryDelay;
  }
}
