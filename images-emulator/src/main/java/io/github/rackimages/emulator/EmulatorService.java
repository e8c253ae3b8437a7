package io.github.rackimages.emulator;

import io.github.rackimages.core.ImageCatalogException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Turns one request into the answer the real service would give, whatever server carries it: the simulated
 * latency, then the identity service ({@code /v2.0}), the compute API ({@code /v2/}) or 404 elsewhere; a failure
 * of the catalog becomes its Nova fault, and an unexpected one Nova's generic 500, never a stack trace.
 */
final class EmulatorService {

  private static final System.Logger LOG = System.getLogger(ImageEmulator.LOGGER_NAME);

  /** {@code /<tenant>/images/<id>}: the path of an image's {@code bookmark} link. */
  private static final Pattern BOOKMARK = Pattern.compile("/[^/]+/images/[^/]+");

  private final Identity identity;
  private final ComputeApi compute;
  private final NovaFaults faults;
  private final FaultSwitches switches;
  private final RequestCounts counts;
  private final Clock clock;

  EmulatorService(
      Identity identity,
      ComputeApi compute,
      NovaFaults faults,
      FaultSwitches switches,
      RequestCounts counts,
      Clock clock) {
    this.identity = identity;
    this.compute = compute;
    this.faults = faults;
    this.switches = switches;
    this.counts = counts;
    this.clock = clock;
  }

  /**
   * The answer to this request; never throws for anything the request or the catalog does.
   *
   * @param requestId the id the answer will carry, for the log
   */
  Reply answer(Incoming request, String requestId) {
    try {
      pause();
      return dispatch(request);
    } catch (ImageCatalogException e) {
      return faults.fromCatalog(e, clock.instant());
    } catch (IOException e) {
      // Reading the request body failed: the client went away or sent a broken body.
      LOG.log(System.Logger.Level.DEBUG, () -> "could not read " + request.describe() + ": " + e);
      return faults.fault(400, Identity.PARSE_ERROR);
    } catch (RuntimeException | AssertionError e) {
      // The stack trace stays in the server's log; the client gets Nova's generic text and the request id.
      LOG.log(
          System.Logger.Level.WARNING,
          "unexpected failure answering " + request.describe() + " (" + requestId + ")",
          e);
      return faults.computeFault();
    }
  }

  /** Nova's generic 500, for a failure while writing an answer. */
  Reply computeFault() {
    return faults.computeFault();
  }

  /** The bytes of Nova's generic 500, which cannot fail to be written. */
  byte[] computeFaultBytes() {
    try {
      return faults.computeFault().render();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A fault with Nova's name for the status, for requests refused before they reach {@link #answer}. */
  Reply fault(int status, String message) {
    return faults.fault(status, message);
  }

  private Reply dispatch(Incoming request) throws IOException {
    String path = request.rawPath();
    if (path.equals("/v2.0") || path.startsWith("/v2.0/")) {
      counts.countIdentity();
      if (!path.equals("/v2.0/tokens")) {
        return faults.fault(404, NovaFaults.NOT_FOUND);
      }
      if (!request.method().equals("POST")) {
        return faults.badMethod(request.method(), "POST");
      }
      return identity.authenticate(request.body());
    }
    if (path.startsWith("/v2/")) {
      counts.countImages();
      return compute.answer(request, path.substring("/v2/".length()));
    }
    if (BOOKMARK.matcher(path).matches()) {
      // The version-less bookmark (and alternate) link of an image: answered as the versioned path.
      counts.countImages();
      return compute.answer(request, path.substring(1));
    }
    return faults.fault(404, NovaFaults.NOT_FOUND);
  }

  /** The simulated latency; an interruption (the emulator stopping) cuts it short. */
  private void pause() {
    Duration latency = switches.latency();
    if (latency.isZero()) {
      return;
    }
    try {
      TimeUnit.NANOSECONDS.sleep(latency.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
