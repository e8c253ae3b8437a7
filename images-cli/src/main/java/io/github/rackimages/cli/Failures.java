package io.github.rackimages.cli;

import io.github.rackimages.core.ImageCatalogAuthenticationException;
import io.github.rackimages.core.ImageCatalogBadRequestException;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageCatalogForbiddenException;
import io.github.rackimages.core.ImageCatalogNotFoundException;
import io.github.rackimages.core.ImageCatalogProtocolException;
import io.github.rackimages.core.ImageCatalogServiceFaultException;
import io.github.rackimages.core.ImageCatalogThrottledException;
import io.github.rackimages.core.ImageCatalogTransportException;
import io.github.rackimages.core.ImageCatalogUnavailableException;
import io.github.rackimages.http.auth.ImageCatalogRegionException;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Turns a failure into the one line a person reads on stderr (what went wrong, then what to do) and the exit code
 * a script reads. Stack traces only with {@code --debug}.
 */
final class Failures {

  private Failures() {}

  /** Reports {@code failure} of command {@code command} ("images list") and returns the exit code. */
  static int report(Throwable failure, String command, Invocation inv) {
    if (failure instanceof OutputClosed) {
      return ExitCode.FAILURE;
    }
    if (inv.debug()) {
      StringWriter trace = new StringWriter();
      failure.printStackTrace(new PrintWriter(trace));
      inv.warn(trace.toString().stripTrailing());
    }
    int code = exitCode(failure);
    String message = oneLine(describe(failure));
    String hint = hint(failure, inv);
    if (failure instanceof ImageCatalogException e && e.resumeMarker().isPresent()) {
      String resume = "add --marker " + e.resumeMarker().get().value() + " to go on from there";
      hint = hint.isEmpty() ? resume : hint + "; " + resume;
    }
    inv.warn(command + ": " + message + (hint.isEmpty() ? "" : "; " + hint));
    return code;
  }

  static int exitCode(Throwable failure) {
    if (failure instanceof CommandFailure f) {
      return f.exitCode();
    }
    if (failure instanceof ImageCatalogAuthenticationException
        || failure instanceof ImageCatalogForbiddenException) {
      return ExitCode.AUTHENTICATION;
    }
    if (failure instanceof ImageCatalogRegionException) {
      // The user's choice, not the service's fault: a usage error, found only once identity listed the regions.
      return ExitCode.USAGE;
    }
    return ExitCode.FAILURE;
  }

  private static String describe(Throwable failure) {
    if (failure instanceof ImageCatalogException || failure instanceof CommandFailure) {
      return failure.getMessage();
    }
    if (failure instanceof OutOfMemoryError) {
      return "ran out of memory (" + failure.getMessage() + ")";
    }
    // Not one of ours: name its type, since its message alone may say little.
    return "unexpected " + failure.getClass().getName()
        + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
  }

  private static String hint(Throwable failure, Invocation inv) {
    String source = inv.source();
    if (failure instanceof ImageCatalogAuthenticationException) {
      return "check " + inv.credentials();
    }
    if (failure instanceof ImageCatalogForbiddenException) {
      return "the account may not list images: ask its administrator for a role that may";
    }
    if (failure instanceof ImageCatalogThrottledException t) {
      return t.retryAfter()
          .map(d -> "the service is rate-limiting this account: try again in " + d.toSeconds() + " s")
          .orElse("the service is rate-limiting this account: try again later, or list fewer pages");
    }
    if (failure instanceof ImageCatalogUnavailableException
        || failure instanceof ImageCatalogServiceFaultException) {
      return "the service failed: try again later (--max-attempts allows more retries)";
    }
    if (failure instanceof ImageCatalogNotFoundException) {
      return source + " does not offer the images API: --endpoint must be the compute endpoint, ending in "
          + "/v2/<tenant>";
    }
    if (failure instanceof ImageCatalogBadRequestException) {
      return "the service rejected the request: check the filters and --marker";
    }
    if (failure instanceof ImageCatalogTransportException) {
      return "could not reach " + source + ": check the URL, the network and --timeout";
    }
    if (failure instanceof ImageCatalogRegionException) {
      return "choose one with --region";
    }
    if (failure instanceof ImageCatalogProtocolException) {
      return "check --endpoint, --identity and --region: the answer was not what the images API sends";
    }
    if (failure instanceof ImageCatalogException || failure instanceof CommandFailure) {
      return "";
    }
    if (failure instanceof OutOfMemoryError) {
      return "give Java more heap (IMAGES_JAVA_OPTS=-Xmx... for bin/images), or list smaller pages with --limit";
    }
    return "run again with --debug for the stack trace";
  }

  /** Multi-line messages (a server's text, a nested cause) are folded so that the report stays one line. */
  static String oneLine(String text) {
    return text == null ? "" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
  }
}
