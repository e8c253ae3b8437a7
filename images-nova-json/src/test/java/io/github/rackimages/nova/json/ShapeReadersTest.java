package io.github.rackimages.nova.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.rackimages.core.AttributeValue;
import io.github.rackimages.core.ImageMetadata;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Link;
import io.github.rackimages.core.ServerReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each shape reader alone, over a cursor, with the places its errors name. */
class ShapeReadersTest {

  @Test
  void theLastNextLinkOfAListIsKeptAndOtherEntriesAreSkipped() {
    JsonCursor c = Cursors.atObject("{\"images\": [{\"id\": \"a\"}], \"images_links\": [1, {\"rel\": \"prev\","
        + " \"href\": \"p\"}, {\"rel\": \"next\", \"href\": \"n1\"}, {\"rel\": \"next\", \"href\": \"n2\", \"x\": []}]}");

    WireList<ImageSummary> list = ImageListReader.read(c, SummaryReader::read);

    assertThat(list.items()).extracting(s -> s.id().value()).containsExactly("a");
    assertThat(list.nextHref()).contains("n2");
  }

  @Test
  void anItemThatIsNotAnObjectIsNamedByItsIndex() {
    JsonCursor c = Cursors.atObject("{\"images\": [{\"id\": \"a\"}, 3]}");

    assertThatThrownBy(() -> ImageListReader.read(c, SummaryReader::read))
        .hasMessage("$.images[1]: expected an object, found a number");
  }

  @Test
  void aListWithoutImagesIsRefused() {
    assertThatThrownBy(() -> ImageListReader.read(Cursors.atObject("{\"images_links\": null}"), SummaryReader::read))
        .hasMessage("$.images: missing");
  }

  @Test
  void linksKeepTheirTextAndMediaType() {
    JsonCursor c = Cursors.atValueOf("[{\"rel\": \"self\", \"href\": \"https://h/v2/1/images/a\"},"
        + " {\"href\": \"https://h/images/a\", \"type\": \"application/vnd.openstack.image\", \"rel\": \"alternate\"}]");

    List<Link> links = LinkReader.read(c, c.next(), "$.image", "links");

    assertThat(links).containsExactly(
        Link.of("self", "https://h/v2/1/images/a"),
        Link.of("alternate", "https://h/images/a", "application/vnd.openstack.image"));
    assertThat(links.get(0).href().toString()).isEqualTo("https://h/v2/1/images/a");
  }

  @Test
  void aBrokenLinkIsNamedByItsPlace() {
    JsonCursor noHref = Cursors.atValueOf("[{\"rel\": \"self\", \"href\": \"https://h/\"}, {\"rel\": \"self\"}]");
    assertThatThrownBy(() -> LinkReader.read(noHref, noHref.next(), "$.images[4]", "links"))
        .hasMessage("$.images[4].links[1]: a link needs rel and href");

    JsonCursor notAUri = Cursors.atValueOf("[{\"rel\": \"self\", \"href\": \"a b\"}]");
    assertThatThrownBy(() -> LinkReader.read(notAUri, notAUri.next(), "$.image", "links"))
        .hasMessage("$.image.links[0].href: not a URI");

    JsonCursor numericRel = Cursors.atValueOf("[{\"rel\": 5, \"href\": \"https://h/\"}]");
    assertThatThrownBy(() -> LinkReader.read(numericRel, numericRel.next(), "$.image", "links"))
        .hasMessage("$.image.links[0].rel: expected a string, found a number");
  }

  @Test
  void metadataKeepsOrderAndValuesThatAreNotStrings() {
    JsonCursor c = Cursors.atValueOf("{\"z\": \"1\", \"a\": 2, \"m\": [true], \"n\": null}");

    ImageMetadata metadata = MetadataReader.read(c, c.next(), "$.image", "metadata");

    assertThat(metadata.values().keySet()).containsExactly("z", "a", "m", "n");
    assertThat(metadata.get("a")).contains(AttributeValue.structured("2"));
    assertThat(metadata.get("m")).contains(AttributeValue.structured("[true]"));
    JsonCursor none = Cursors.atValueOf("null");
    assertThat(MetadataReader.read(none, none.next(), "$.image", "metadata")).isSameAs(ImageMetadata.empty());
  }

  @Test
  void aServerReferenceIgnoresItsNameAndNeedsAnId() {
    JsonCursor c = Cursors.atValueOf("{\"id\": \"s1\", \"name\": 42, \"links\": []}");
    ServerReference server = ServerReferenceReader.read(c, c.next(), "$.image.server");
    assertThat(server.id().value()).isEqualTo("s1");

    JsonCursor none = Cursors.atValueOf("null");
    assertThat(ServerReferenceReader.read(none, none.next(), "$.image.server")).isNull();

    JsonCursor noId = Cursors.atValueOf("{\"links\": []}");
    assertThatThrownBy(() -> ServerReferenceReader.read(noId, noId.next(), "$.image.server"))
        .hasMessage("$.image.server.id: missing");
  }

  @Test
  void aSummaryNeedsANonBlankId() {
    assertThatThrownBy(() -> SummaryReader.read(Cursors.atObject("{\"id\": \" \"}"), "$.images[0]"))
        .hasMessage("$.images[0].id: blank");
  }

  @Test
  void aFaultCodeOfAnotherKindIsIgnoredWhole() {
    Fault fault = FaultReader.read(Cursors.atObject(
        "{\"itemNotFound\": {\"code\": {\"nested\": 1}, \"message\": \"Image not found.\", \"details\": 7}}"));

    assertThat(fault.name()).isEqualTo("itemNotFound");
    assertThat(fault.code()).isEmpty();
    assertThat(fault.message()).contains("Image not found.");
    assertThat(fault.details()).contains("7");
  }

  @Test
  void aFaultNeedsANamedObject() {
    assertThatThrownBy(() -> FaultReader.read(Cursors.atObject("{}"))).hasMessage("$: empty object, not a fault");
    assertThatThrownBy(() -> FaultReader.read(Cursors.atObject("{\"badRequest\": \"no\"}")))
        .hasMessage("$.badRequest: not an object");
  }

  @Test
  void anImageBodyWithoutAnImageIsRefused() {
    assertThatThrownBy(() -> ImageReader.readBody(Cursors.atObject("{\"images\": []}")))
        .hasMessage("$.image: missing");
  }
}
