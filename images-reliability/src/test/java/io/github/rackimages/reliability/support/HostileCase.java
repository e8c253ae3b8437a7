package io.github.rackimages.reliability.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One response a hostile or broken service might send, and what the client must make of it.
 *
 * @param family the kind of damage (for the figures): {@code truncation}, {@code wrong-type}, ...
 * @param detail what exactly was done, to reproduce it
 * @param seed the seed of the generator that made it ({@code 0} for the fixed corpus)
 * @param operation which call of the catalog receives it
 * @param status the status code sent (ignored for {@link Delivery#RAW})
 * @param headers the response headers sent
 * @param body the body bytes (or, for {@link Delivery#RAW}, the whole response)
 * @param delivery how the response is sent
 * @param expect what the client must make of it
 * @param limit the page size asked for (list operations)
 * @param touchedImage the index of the image the damage is in, or -1 when no single image is touched
 * @param touchedField the image field the damage is in, or {@code null}
 */
public record HostileCase(
    String family,
    String detail,
    long seed,
    Operation operation,
    int status,
    Map<String, String> headers,
    byte[] body,
    Delivery delivery,
    Expect expect,
    int limit,
    int touchedImage,
    String touchedField) {

  /** The catalog call that receives the response. */
  public enum Operation {
    LIST,
    SUMMARIES,
    FIND,
    STREAM
  }

  /** How a response is sent. */
  public enum Delivery {
    /** Status, headers, a Content-Length matching the body, the body; the connection stays open. */
    PROPER,
    /** A Content-Length of twice the body, the body, then the connection is closed: a body cut off. */
    CUT_CONNECTION,
    /** As {@link #CUT_CONNECTION}, but the connection is reset (RST) after the partial body. */
    RESET_MID_BODY,
    /** The body field holds the whole response, status line and headers included, sent as it is; then close. */
    RAW
  }

  /** What the client must make of a response. */
  public enum Expect {
    /** The exact page (or image) the unharmed body held. */
    CORRECT_PAGE,
    /** A typed {@code ImageCatalogException}. */
    TYPED_FAILURE,
    /**
     * Either a typed failure, or a page whose images not touched by the damage are exactly the originals (and the
     * touched one keeps its id unless the id was damaged).
     */
    FAILURE_OR_SOUND_PAGE,
    /** An empty last page: the body lists no image, and its links are of no use. */
    EMPTY_LAST_PAGE
  }

  public HostileCase {
    Objects.requireNonNull(family, "family");
    headers = new LinkedHashMap<>(headers);
  }

  /** A case with {@code application/json} and a 200. */
  public static HostileCase json(
      String family, String detail, long seed, Operation op, byte[] body, Expect expect, int limit,
      int touchedImage, String touchedField) {
    return new HostileCase(
        family, detail, seed, op, 200, Map.of("Content-Type", "application/json"), body, Delivery.PROPER, expect,
        limit, touchedImage, touchedField);
  }

  /** The same case sent another way. */
  public HostileCase delivered(Delivery delivery) {
    return new HostileCase(
        family, detail + " (" + delivery + ")", seed, operation, status, headers, body, delivery, expect, limit,
        touchedImage, touchedField);
  }

  /** The same case for another operation, expected outcome and limit. */
  public HostileCase as(Operation op, Expect expect) {
    return new HostileCase(
        family, detail, seed, op, status, headers, body, delivery, expect, limit, touchedImage, touchedField);
  }

  /** The same case sent as this whole raw response (status line, headers, body), then the connection closed. */
  public HostileCase withRaw(String response) {
    return new HostileCase(
        family, detail, seed, operation, status, headers, response.getBytes(StandardCharsets.UTF_8), Delivery.RAW,
        expect, limit, touchedImage, touchedField);
  }

  /** A line that says how to reproduce the case. */
  public String describe() {
    String preview = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
    return family + " / " + detail + " / seed " + seed + " / " + operation + " / status " + status + " / "
        + delivery + " / " + body.length + " bytes: " + preview;
  }

  @Override
  public String toString() {
    return family + ": " + detail;
  }

  /** The headers in sending order. */
  public List<Map.Entry<String, String>> headerList() {
    return List.copyOf(headers.entrySet());
  }
}
