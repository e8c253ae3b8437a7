package io.github.rackimages.benchmarks;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The baseline for reading a detail list: Parsson's streaming {@link JsonParser} over the same bytes, reading every
 * field (each key and value is materialised as a {@code String} or a number, as a client must at least do) but
 * building no domain object, validating nothing and keeping nothing but a few counters. What the library does
 * beyond this (instants, URIs, ids, maps, validation, JSON-B's dispatch) is its overhead.
 *
 * <p>Thread-safe: the parser factory is created once and shared, as a careful hand-written client would.
 */
public final class BaselineReader {

  private final JsonParserFactory parsers = Json.createParserFactory(Map.of());

  /**
   * Reads one detail list body, to its end, and closes {@code body}.
   *
   * @throws jakarta.json.JsonException if the body is not JSON
   * @throws IllegalArgumentException if the body is not a JSON object
   */
  public Result read(InputStream body) {
    Objects.requireNonNull(body, "body");
    try (JsonParser p = parsers.createParser(body)) {
      if (!p.hasNext() || p.next() != Event.START_OBJECT) {
        throw new IllegalArgumentException("a detail list is a JSON object");
      }
      return readObject(p);
    }
  }

  /**
   * Reads the rest of a detail list body whose START_OBJECT the parser has just delivered, up to its END_OBJECT:
   * the same loop for a parser of our own and for the one JSON-B hands a deserializer.
   */
  public static Result readObject(JsonParser p) {
    int images = 0;
    long checksum = 0;
    String lastId = null;
    String nextHref = null;
    // Depth 1 is the body, 2 the "images" or "images_links" array, 3 an image or a link of images_links.
    int depth = 1;
    boolean inImages = false;
    String key = null;
    String rel = null;
    String href = null;
    while (depth > 0) {
      Event e = p.next();
      switch (e) {
        case START_OBJECT, START_ARRAY -> {
          depth++;
          if (depth == 2) {
            inImages = "images".equals(key);
          } else if (depth == 3 && e == Event.START_OBJECT) {
            if (inImages) {
              images++;
            } else {
              rel = null;
              href = null;
            }
          }
        }
        case END_OBJECT, END_ARRAY -> {
          if (depth == 3 && !inImages && "next".equals(rel)) {
            nextHref = href;
          }
          depth--;
        }
        case KEY_NAME -> {
          key = p.getString();
          checksum += key.length();
        }
        case VALUE_STRING -> {
          String value = p.getString();
          checksum += value.length();
          if (depth == 3) {
            if (inImages && "id".equals(key)) {
              lastId = value;
            } else if (!inImages && "rel".equals(key)) {
              rel = value;
            } else if (!inImages && "href".equals(key)) {
              href = value;
            }
          }
        }
        case VALUE_NUMBER -> checksum += p.isIntegralNumber() ? p.getLong() : p.getBigDecimal().scale();
        case VALUE_TRUE -> checksum++;
        case VALUE_FALSE, VALUE_NULL -> {
          // Nothing to read: the event is the value.
        }
      }
    }
    return new Result(images, lastId, nextHref, checksum);
  }

  /**
   * What the baseline kept of a page.
   *
   * @param images the number of images
   * @param lastId the id of the last image, null if none
   * @param nextHref the href of the {@code next} link, null if none
   * @param checksum a sum over every key and value, so that no read can be optimised away
   */
  public record Result(int images, String lastId, String nextHref, long checksum) {

    /** The {@code next} link's href, when the page had one. */
    public Optional<String> next() {
      return Optional.ofNullable(nextHref);
    }
  }
}
