package io.github.rackimages.nova.json;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageSummary;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonGenerator;
import jakarta.json.stream.JsonGeneratorFactory;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import jakarta.json.stream.JsonParserFactory;
import jakarta.json.stream.JsonParsingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The wire format of the Rackspace / OpenStack Compute v2 images API, in both directions: reads list, image and
 * fault bodies from a stream through JSON-B (Yasson, with deserializers that go straight from parser events to
 * domain objects, never a {@code String} of the whole body or a JSON tree), and writes them in the service's
 * shape. One instance is thread-safe and should be shared: it holds one {@link Jsonb}. Each body shape has its own
 * reader (list, image, summary, server reference, link, metadata, fault) over one cursor per body.
 *
 * <p>Every read keeps to its {@link ReadLimits} (the longest string, the most images per list, the most characters
 * per body), checked on the bytes before the parser gathers them.
 *
 * <p>This package is exported to the emulator only; applications use the {@code ImageCatalog} port.
 *
 * <p>Longer than 300 lines because Yasson needs a deserializer class and a body class per shape, which live here
 * beside the reads they serve.
 */
public final class NovaJson implements AutoCloseable {

  private final JsonParserFactory parsers;
  private final JsonGeneratorFactory generators;
  private final ReadLimits limits;
  // Built on first use: a walk reads only lists, which never need it, and Yasson's start costs a cold JVM dearly.
  private volatile Jsonb jsonb;

  /** A wire format with the {@link ReadLimits#defaults() default limits}. */
  public NovaJson() {
    this(ReadLimits.defaults());
  }

  /**
   * A wire format that reads within {@code limits}.
   *
   * @throws NullPointerException if {@code limits} is null
   */
  public NovaJson(ReadLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.parsers = Json.createParserFactory(Map.of());
    this.generators = Json.createGeneratorFactory(Map.of());
  }

  private Jsonb jsonb() {
    Jsonb j = jsonb;
    if (j == null) {
      synchronized (this) {
        j = jsonb;
        if (j == null) {
          j = JsonbBuilder.create(
              new JsonbConfig().withDeserializers(new ImageReading(limits), new FaultReading(limits)));
          jsonb = j;
        }
      }
    }
    return j;
  }

  /** The limits every read keeps to. */
  public ReadLimits limits() {
    return limits;
  }

  /**
   * Reads a detail list body ({@code GET /images/detail}).
   *
   * @throws WireFormatException if the body is not a detail list
   */
  public WireList<Image> readDetailList(InputStream body) {
    return readDetailList(body, null);
  }

  /**
   * Reads a detail list body, first handing {@code nextHrefHint} the {@code href} of its {@code next} link as
   * read from the body's tail ({@link ImageListReader#nextHrefHint}), when there is one: a hint taken before the
   * images are read, so that the next page can be asked for meanwhile. The list returned decides.
   *
   * @param nextHrefHint told at most once, on this thread; null for no hint
   * @throws WireFormatException if the body is not a detail list
   */
  public WireList<Image> readDetailList(InputStream body, Consumer<String> nextHrefHint) {
    return stream(body, nextHrefHint, c -> ImageListReader.read(c, ImageReader::read));
  }

  /**
   * Reads a summary list body ({@code GET /images}).
   *
   * @throws WireFormatException if the body is not a summary list
   */
  public WireList<ImageSummary> readSummaryList(InputStream body) {
    return readSummaryList(body, null);
  }

  /**
   * Reads a summary list body, with a hint of its {@code next} link first, as
   * {@link #readDetailList(InputStream, Consumer)} does.
   *
   * @throws WireFormatException if the body is not a summary list
   */
  public WireList<ImageSummary> readSummaryList(InputStream body, Consumer<String> nextHrefHint) {
    return stream(body, nextHrefHint, c -> ImageListReader.read(c, SummaryReader::read));
  }

  /**
   * Reads an image body ({@code GET /images/{id}}: {@code {"image": {...}}}).
   *
   * @throws WireFormatException if the body is not an image
   */
  public Image readImage(InputStream body) {
    return read(body, ImageBody.class).image;
  }

  /**
   * Reads a Nova fault body ({@code {"badRequest": {"code": 400, "message": "..."}}}).
   *
   * @throws WireFormatException if the body is not a fault
   */
  public Fault readFault(InputStream body) {
    return read(body, FaultBody.class).fault;
  }

  /** Writes a detail list, with a {@code next} link when {@code nextHref} is not null. */
  public void writeDetailList(List<Image> images, String nextHref, OutputStream out) {
    write(out, g -> {
      g.writeStartObject();
      g.writeStartArray("images");
      for (Image image : images) {
        NovaWriter.writeImage(g, image);
      }
      g.writeEnd();
      NovaWriter.writeNextLink(g, nextHref);
      g.writeEnd();
    });
  }

  /** Writes a summary list, with a {@code next} link when {@code nextHref} is not null. */
  public void writeSummaryList(List<ImageSummary> summaries, String nextHref, OutputStream out) {
    write(out, g -> {
      g.writeStartObject();
      g.writeStartArray("images");
      for (ImageSummary summary : summaries) {
        NovaWriter.writeSummary(g, summary);
      }
      g.writeEnd();
      NovaWriter.writeNextLink(g, nextHref);
      g.writeEnd();
    });
  }

  /** Writes {@code {"image": {...}}}. */
  public void writeImage(Image image, OutputStream out) {
    write(out, g -> {
      g.writeStartObject();
      g.writeKey("image");
      NovaWriter.writeImage(g, image);
      g.writeEnd();
    });
  }

  /** Writes a fault body. */
  public void writeFault(Fault fault, OutputStream out) {
    write(out, g -> NovaWriter.writeFault(g, fault));
  }

  /** Writes an identity {@code access} document, the answer to {@code POST /v2.0/tokens}. */
  public void writeIdentity(IdentityDocument access, OutputStream out) {
    Objects.requireNonNull(access, "access");
    write(out, g -> IdentityWriter.write(g, access));
  }

  /**
   * Writes one image object alone, for callers that stream a list themselves (the command line writes a detail
   * list of any length one image at a time).
   */
  public void writeImageObject(Image image, JsonGenerator generator) {
    NovaWriter.writeImage(generator, image);
  }

  /** A generator over {@code out} (UTF-8), for callers that stream; closing it does not close {@code out}. */
  public JsonGenerator generator(OutputStream out) {
    return generators.createGenerator(new NonClosing(out));
  }

  /** The service's time format ({@code 2015-03-10T18:35:18Z}). */
  public static String formatInstant(java.time.Instant instant) {
    return WireTimes.format(instant);
  }

  /**
   * Parses a time as the service writes or accepts it (with or without fraction, {@code Z}, offset, or no zone
   * meaning UTC).
   *
   * @throws WireFormatException if it is not a date-time
   */
  public static java.time.Instant parseInstant(String text) {
    return WireTimes.parse(Objects.requireNonNull(text, "text"), "value");
  }

  private <T> T read(InputStream body, Class<T> type) {
    Objects.requireNonNull(body, "body");
    try {
      T value = jsonb().fromJson(new LimitedInput(body, limits), type);
      if (value == null) {
        throw new WireFormatException("$: empty body or null");
      }
      return value;
    } catch (WireFormatException e) {
      throw e;
    } catch (JsonbException | JsonException | IllegalStateException | IllegalArgumentException
        | java.util.NoSuchElementException | ArithmeticException e) {
      throw translate(e);
    }
  }

  /**
   * Reads a list body with JSON-P's streaming parser alone: lists are nearly every byte a walk reads, and
   * JSON-B would only hand the same parser, wrapped event by event, to the same reader. The body is read whole
   * first (within the limits, counted on its bytes), so that the image readers can keep parts of it as text to
   * decode later (metadata; see {@link MetadataReader}); a page is about 2 MB.
   */
  private <T> T stream(InputStream body, Consumer<String> nextHrefHint, Function<JsonCursor, T> reader) {
    Objects.requireNonNull(body, "body");
    String text;
    try (InputStream in = new LimitedInput(body, limits)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new WireFormatException("the body could not be read: " + e.getMessage(), e);
    }
    if (nextHrefHint != null) {
      String next = ImageListReader.nextHrefHint(text, limits);
      if (next != null) {
        nextHrefHint.accept(next);
      }
    }
    try (JsonParser p = parsers.createParser(new StringReader(text))) {
      if (!p.hasNext()) {
        throw new WireFormatException("$: empty body or null");
      }
      Event first = p.next();
      if (first == Event.VALUE_NULL) {
        throw new WireFormatException("$: empty body or null");
      }
      if (first != Event.START_OBJECT) {
        throw new WireFormatException("$: expected an object, found " + JsonCursor.describe(first));
      }
      return reader.apply(new JsonCursor(p, limits, text));
    } catch (WireFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      // JSON-P's failures, and Parsson's plain RuntimeException for input nested too deeply: all of them mean
      // the body cannot be read (JSON-B wraps them alike for the other reads).
      throw translate(e);
    }
  }

  private static WireFormatException translate(RuntimeException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof WireFormatException w) {
        return w;
      }
      if (t instanceof JsonParsingException p && p.getLocation() != null) {
        return new WireFormatException(
            "malformed JSON at line " + p.getLocation().getLineNumber() + ", column "
                + p.getLocation().getColumnNumber() + " (offset " + p.getLocation().getStreamOffset() + ")",
            e);
      }
    }
    return new WireFormatException("malformed JSON: " + firstLine(e.getMessage()), e);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable body";
    }
    String line = message.lines().findFirst().orElse("");
    return line.length() > 120 ? line.substring(0, 120) + "..." : line;
  }

  private void write(OutputStream out, java.util.function.Consumer<JsonGenerator> body) {
    Objects.requireNonNull(out, "out");
    try (JsonGenerator g = generator(out)) {
      body.accept(g);
    }
  }

  @Override
  public void close() {
    Jsonb j = jsonb;
    if (j == null) {
      return;
    }
    try {
      j.close();
    } catch (Exception e) {
      // Closing Yasson releases caches only; nothing to report.
    }
  }

  // One deserializer class per body type: Yasson picks a deserializer by its declared type argument. Yasson calls
  // it with the body's START_OBJECT already read (its parser does not offer currentEvent()); a body that is not an
  // object never reaches it.


  private record ImageReading(ReadLimits limits) implements JsonbDeserializer<ImageBody> {
    @Override
    public ImageBody deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
      return new ImageBody(ImageReader.readBody(new JsonCursor(parser, limits)));
    }
  }

  private record FaultReading(ReadLimits limits) implements JsonbDeserializer<FaultBody> {
    @Override
    public FaultBody deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
      return new FaultBody(FaultReader.read(new JsonCursor(parser, limits)));
    }
  }



  static final class ImageBody {
    final Image image;

    ImageBody(Image image) {
      this.image = image;
    }
  }

  static final class FaultBody {
    final Fault fault;

    FaultBody(Fault fault) {
      this.fault = fault;
    }
  }

  /** Keeps the generator's close from closing the caller's stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws java.io.IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws java.io.IOException {
      out.flush();
    }
  }
}
