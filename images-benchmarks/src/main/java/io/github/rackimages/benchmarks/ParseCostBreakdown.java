package io.github.rackimages.benchmarks;

import io.github.rackimages.core.AttributeValue;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.nova.json.NovaJson;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Where the library's parsing time goes, one page of {@link ParseBenchmark} at a time: each benchmark does, for
 * the same 1000 images, only one of the steps {@code ImageReader} takes beyond tokenizing (which the baseline
 * measures), with the inputs the parser would hand it (fresh strings). Next to the steps as the library does them
 * today are the cheaper forms suggested in the report ({@code *Suggested}), so that each suggestion comes with
 * its measured gain. Not part of the default run: select it with {@code ParseCostBreakdown}.
 *
 * <p>Over 300 lines because each step of the reader's cost is one benchmark method here, side by side with the
 * others, so that the table it prints reads as one breakdown.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ParseCostBreakdown {

  private byte[] page;
  private BaselineReader baseline;
  private Jsonb jsonb;
  private char[][] hrefs;
  private char[][] instants;
  private char[][][] metadataKeys;
  private AttributeValue[][] metadataValues;

  /** Takes the texts of a page of {@link ServiceImages#listed}: what the parser would hand the reader. */
  @Setup(Level.Trial)
  public void collect() {
    List<Image> images = ServiceImages.listed(ParseBenchmark.PAGE_SIZE);
    ByteArrayOutputStream out = new ByteArrayOutputStream(3 << 20);
    try (NovaJson json = new NovaJson()) {
      json.writeDetailList(images, null, out);
    }
    page = out.toByteArray();
    baseline = new BaselineReader();
    // The same route the wire format takes: JSON-B (Yasson) hands a registered deserializer its parser.
    jsonb = JsonbBuilder.create(new JsonbConfig().withDeserializers(new CountingDeserializer()));
    List<char[]> links = new ArrayList<>();
    List<char[]> times = new ArrayList<>();
    metadataKeys = new char[images.size()][][];
    metadataValues = new AttributeValue[images.size()][];
    for (int i = 0; i < images.size(); i++) {
      Image image = images.get(i);
      image.links().forEach(link -> links.add(link.href().toString().toCharArray()));
      image.server().ifPresent(s -> s.links().forEach(link -> links.add(link.href().toString().toCharArray())));
      times.add(NovaJson.formatInstant(image.created()).toCharArray());
      image.updated().ifPresent(u -> times.add(NovaJson.formatInstant(u).toCharArray()));
      Map<String, AttributeValue> metadata = image.metadata().values();
      metadataKeys[i] = metadata.keySet().stream().map(String::toCharArray).toArray(char[][]::new);
      metadataValues[i] = metadata.values().toArray(AttributeValue[]::new);
    }
    hrefs = links.toArray(char[][]::new);
    instants = times.toArray(char[][]::new);
    System.out.printf("%n[breakdown] per page: %d hrefs, %d instants, %d metadata maps%n",
        hrefs.length, instants.length, metadataKeys.length);
  }

  /** Closes the JSON-B instance. */
  @TearDown(Level.Trial)
  public void close() throws Exception {
    jsonb.close();
  }

  /** The baseline's loop on Parsson's own parser: tokenizing and reading every field (as {@link ParseBenchmark}). */
  @Benchmark
  public BaselineReader.Result tokens() {
    return baseline.read(new ByteArrayInputStream(page));
  }

  /**
   * The same loop on the parser JSON-B hands a deserializer, as the wire format reads pages: the difference to
   * {@link #tokens} is what going through Yasson costs before any domain object is built.
   */
  @Benchmark
  public Counted tokensThroughJsonb() {
    return jsonb.fromJson(new ByteArrayInputStream(page), Counted.class);
  }

  /** What {@link #tokensThroughJsonb} returns. */
  public static final class Counted {
    final BaselineReader.Result result;

    Counted(BaselineReader.Result result) {
      this.result = result;
    }
  }

  /** Runs {@link BaselineReader#readObject} on the parser Yasson gives. */
  public static final class CountingDeserializer implements JsonbDeserializer<Counted> {
    @Override
    public Counted deserialize(JsonParser parser, DeserializationContext ctx, Type rtType) {
      return new Counted(BaselineReader.readObject(parser));
    }
  }

  /** {@code new URI(href)} for every link of the page (3 per image, 2 more per snapshot's server), as today. */
  @Benchmark
  public void uris(Blackhole bh) throws URISyntaxException {
    for (char[] href : hrefs) {
      bh.consume(new URI(new String(href)));
    }
  }

  /**
   * Suggested: parse a link's href only once per image when it repeats (Rackspace's {@code alternate} link has
   * the {@code bookmark}'s address), as the fake adapter already shares that URI.
   */
  @Benchmark
  public void urisSuggested(Blackhole bh) throws URISyntaxException {
    String previous = null;
    URI previousUri = null;
    for (char[] href : hrefs) {
      String text = new String(href);
      URI uri = text.equals(previous) ? previousUri : new URI(text);
      previous = text;
      previousUri = uri;
      bh.consume(uri);
    }
  }

  /**
   * Suggested, with a change to core's {@code Link}: keep the href as text, checked in one pass for characters a
   * URI cannot hold, and build the {@link URI} only when {@code href()} is first called. This is the cost the
   * reader would still pay per page.
   */
  @Benchmark
  public void urisDeferred(Blackhole bh) {
    for (char[] href : hrefs) {
      String text = new String(href);
      if (!uriCharacters(text)) {
        throw new IllegalStateException("not a URI: " + text);
      }
      bh.consume(text);
    }
  }

  /** {@code NovaJson.parseInstant} (ISO_DATE_TIME.parseBest) for every created and updated time, as today. */
  @Benchmark
  public void instants(Blackhole bh) {
    for (char[] text : instants) {
      bh.consume(NovaJson.parseInstant(new String(text)));
    }
  }

  /**
   * Suggested: a fast path for the service's own form {@code yyyy-MM-ddTHH:mm:ssZ} (20 characters), read digit
   * by digit and checked by {@link LocalDateTime#of}; anything else falls back to the general parser.
   */
  @Benchmark
  public void instantsSuggested(Blackhole bh) {
    for (char[] text : instants) {
      bh.consume(fastInstant(new String(text)));
    }
  }

  /** A LinkedHashMap per image, then {@link ImageMetadata#of} copying it into another, as today. */
  @Benchmark
  public void metadata(Blackhole bh) {
    for (int i = 0; i < metadataKeys.length; i++) {
      Map<String, AttributeValue> values = new LinkedHashMap<>();
      char[][] keys = metadataKeys[i];
      for (int k = 0; k < keys.length; k++) {
        values.put(new String(keys[k]), metadataValues[i][k]);
      }
      bh.consume(ImageMetadata.of(values));
    }
  }

  /**
   * Suggested: the reader's map sized for the service's 20-30 keys (no rehash on the way), and the defensive copy
   * that {@code ImageMetadata.of} makes sized from the source's size. The copy is done here as {@code of} would do
   * it with that change (same null checks, same unmodifiable view), since core cannot be changed from here.
   */
  @Benchmark
  public void metadataSuggested(Blackhole bh) {
    for (int i = 0; i < metadataKeys.length; i++) {
      Map<String, AttributeValue> values = new LinkedHashMap<>(64);
      char[][] keys = metadataKeys[i];
      for (int k = 0; k < keys.length; k++) {
        values.put(new String(keys[k]), metadataValues[i][k]);
      }
      LinkedHashMap<String, AttributeValue> copy = new LinkedHashMap<>(capacityFor(values.size()));
      values.forEach(
          (key, v) -> copy.put(Objects.requireNonNull(key, "metadata key"), Objects.requireNonNull(v, "value")));
      bh.consume(Collections.unmodifiableMap(copy));
    }
  }

  /**
   * Suggested, with a change to core: an {@code ImageMetadata} builder that fills one map sized for the service's
   * keys and hands it over, unmodifiable, without the second copy {@code of} makes (the builder owns the map, so
   * the copy protects nothing).
   */
  @Benchmark
  public void metadataOneMap(Blackhole bh) {
    for (int i = 0; i < metadataKeys.length; i++) {
      LinkedHashMap<String, AttributeValue> values = new LinkedHashMap<>(64);
      char[][] keys = metadataKeys[i];
      for (int k = 0; k < keys.length; k++) {
        values.put(
            Objects.requireNonNull(new String(keys[k]), "metadata key"),
            Objects.requireNonNull(metadataValues[i][k], "metadata value"));
      }
      bh.consume(Collections.unmodifiableMap(values));
    }
  }

  /** Whether every character may appear in a URI reference (RFC 3986 unreserved, reserved and '%'). */
  public static boolean uriCharacters(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= URI_CHARACTERS.length || !URI_CHARACTERS[c]) {
        return false;
      }
    }
    return true;
  }

  private static final boolean[] URI_CHARACTERS = uriCharacterTable();

  private static boolean[] uriCharacterTable() {
    boolean[] table = new boolean[128];
    String allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%";
    for (int i = 0; i < allowed.length(); i++) {
      table[allowed.charAt(i)] = true;
    }
    return table;
  }

  /** The capacity at which a hash map holds {@code size} entries without resizing (load factor 0.75). */
  private static int capacityFor(int size) {
    return (int) Math.ceil(size / 0.75);
  }

  /** The suggested fast path; public so that its correctness can be tested next to the general parser. */
  public static Instant fastInstant(String text) {
    if (text.length() == 20
        && text.charAt(4) == '-'
        && text.charAt(7) == '-'
        && text.charAt(10) == 'T'
        && text.charAt(13) == ':'
        && text.charAt(16) == ':'
        && text.charAt(19) == 'Z') {
      int year = digits(text, 0, 4);
      int month = digits(text, 5, 2);
      int day = digits(text, 8, 2);
      int hour = digits(text, 11, 2);
      int minute = digits(text, 14, 2);
      int second = digits(text, 17, 2);
      if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0) {
        try {
          return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
          // Out of range (month 13, February 30): the general parser reports it.
        }
      }
    }
    return NovaJson.parseInstant(text);
  }

  private static int digits(String text, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
