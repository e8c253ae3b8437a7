package io.github.rackimages.cli;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Link;
import io.github.rackimages.nova.json.NovaJson;
import jakarta.json.stream.JsonGenerator;
import java.io.PrintStream;
import java.util.List;

/**
 * Writes a list in the service's shape, {@code {"images": [...]}}, one image at a time: each image goes to the
 * output as soon as it is given, so a walk over any number of pages holds one page at most. Detailed images are
 * written by the wire format itself, field for field as the service sent them.
 */
final class JsonImages implements ListingSink {

  private final PrintStream out;
  private final NovaJson json;
  private JsonGenerator generator;

  JsonImages(PrintStream out) {
    this.out = out;
    this.json = new NovaJson();
  }

  /** The generator, opening the list on first use: a listing that fails before its first page prints nothing. */
  private JsonGenerator generator() {
    if (generator == null) {
      generator = json.generator(out);
      generator.writeStartObject();
      generator.writeStartArray("images");
    }
    return generator;
  }

  @Override
  public void image(Image image) {
    json.writeImageObject(image, generator());
  }

  @Override
  public void summary(ImageSummary summary) {
    JsonGenerator generator = generator();
    generator.writeStartObject();
    generator.write("id", summary.id().value());
    if (summary.name().isPresent()) {
      generator.write("name", summary.name().get());
    } else {
      generator.writeNull("name");
    }
    writeLinks(summary.links());
    generator.writeEnd();
  }

  private void writeLinks(List<Link> links) {
    JsonGenerator generator = generator();
    generator.writeStartArray("links");
    for (Link link : links) {
      generator.writeStartObject();
      generator.write("rel", link.rel());
      link.type().ifPresent(type -> generator.write("type", type));
      generator.write("href", link.href().toString());
      generator.writeEnd();
    }
    generator.writeEnd();
  }

  @Override
  public void endOfPage() {
    generator().flush();
  }

  @Override
  public void finish() {
    JsonGenerator generator = generator();
    generator.writeEnd();
    generator.writeEnd();
    generator.close();
    out.println();
    out.flush();
    json.close();
  }

  @Override
  public void abandon() {
    // What was written stays, unterminated: a cut-off list must not pass for a whole one when loaded again.
    if (generator != null) {
      generator.flush();
    }
    out.flush();
    json.close();
  }
}
