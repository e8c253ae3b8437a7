package io.github.rackimages.nova.json;

import io.github.rackimages.core.AttributeValue;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Link;
import io.github.rackimages.core.ServerReference;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

/**
 * Writes domain objects in the service's JSON shape and key order, so that what the emulator serves and what
 * the command line prints can be read back by any Nova client, this library's included.
 */
final class NovaWriter {

  private NovaWriter() {}

  static void writeImage(JsonGenerator g, Image image) {
    g.writeStartObject();
    g.write("id", image.id().value());
    writeNullable(g, "name", image.name().orElse(null));
    g.write("status", image.rawStatus());
    // A number the service did not send is written back absent, not as 0.
    image.reportedProgress().ifPresent(p -> g.write("progress", p));
    g.write("created", WireTimes.format(image.created()));
    writeNullable(g, "updated", image.updated().map(WireTimes::format).orElse(null));
    image.reportedMinDisk().ifPresent(d -> g.write("minDisk", d));
    image.reportedMinRam().ifPresent(r -> g.write("minRam", r));
    image.diskConfig().ifPresent(d -> g.write("OS-DCF:diskConfig", d.name()));
    if (image.size().isPresent()) {
      g.write("OS-EXT-IMG-SIZE:size", image.size().getAsLong());
    } else if (image.sizeReported()) {
      g.writeNull("OS-EXT-IMG-SIZE:size");
    }
    writeLinks(g, "links", image.links());
    if (image.server().isPresent()) {
      ServerReference server = image.server().get();
      g.writeStartObject("server");
      g.write("id", server.id().value());
      writeLinks(g, "links", server.links());
      writeAttributes(g, server.otherFields());
      g.writeEnd();
    }
    g.writeStartObject("metadata");
    writeAttributes(g, image.metadata().values());
    g.writeEnd();
    writeAttributes(g, image.otherFields());
    g.writeEnd();
  }

  static void writeSummary(JsonGenerator g, ImageSummary summary) {
    g.writeStartObject();
    g.write("id", summary.id().value());
    writeNullable(g, "name", summary.name().orElse(null));
    writeLinks(g, "links", summary.links());
    g.writeEnd();
  }

  static void writeNextLink(JsonGenerator g, String nextHref) {
    if (nextHref == null) {
      return;
    }
    g.writeStartArray("images_links");
    g.writeStartObject();
    g.write("rel", "next");
    g.write("href", nextHref);
    g.writeEnd();
    g.writeEnd();
  }

  static void writeFault(JsonGenerator g, Fault fault) {
    g.writeStartObject();
    g.writeStartObject(fault.name());
    fault.code().ifPresent(c -> g.write("code", c));
    fault.message().ifPresent(m -> g.write("message", m));
    fault.details().ifPresent(d -> g.write("details", d));
    fault.retryAfter().ifPresent(r -> g.write("retryAfter", r));
    fault.retryAt().ifPresent(r -> g.write("retryAt", r));
    g.writeEnd();
    g.writeEnd();
  }

  private static void writeLinks(JsonGenerator g, String name, List<Link> links) {
    g.writeStartArray(name);
    for (Link link : links) {
      g.writeStartObject();
      g.write("rel", link.rel());
      g.write("href", link.href().toString());
      link.type().ifPresent(t -> g.write("type", t));
      g.writeEnd();
    }
    g.writeEnd();
  }

  private static void writeAttributes(JsonGenerator g, Map<String, AttributeValue> values) {
    for (Map.Entry<String, AttributeValue> e : values.entrySet()) {
      AttributeValue v = e.getValue();
      if (v.isText()) {
        g.write(e.getKey(), v.asString());
      } else {
        g.write(e.getKey(), parse(v.asString()));
      }
    }
  }

  private static JsonValue parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    } catch (RuntimeException e) {
      // A structured value that is not valid JSON (built by hand, not read from the wire) is kept as text.
      return Json.createValue(json);
    }
  }

  private static void writeNullable(JsonGenerator g, String name, String value) {
    if (value == null) {
      g.writeNull(name);
    } else {
      g.write(name, value);
    }
  }
}
