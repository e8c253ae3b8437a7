package io.github.rackimages.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinkParseTest {

  // Links whose target is given as text (Link.of(String, String...)), as readers of response bodies build them.

  /** Every href a reader may meet parses to the same URI the JDK builds, whether or not it took the fast path. */
  @ParameterizedTest
  @ValueSource(strings = {
      "https://dfw.servers.api.rackspacecloud.com/v2/820259/images/474a827e-e28e-4764-9852-70cec4c23326",
      "http://127.0.0.1:8774/v2/123456/images/a%20b",
      "https://host",
      "https://host:443/",
      "https://h/p;x=1/@:!$&'()*+,=~",
      "https://h/images?limit=2&marker=x",
      "https://[::1]:8774/v2/1",
      "/relative/path",
      "urn:uuid:6455fff1",
      "HTTPS://Host.Example/Path"
  })
  void parsedHrefsAreTheJdksUris(String href) {
    Link link = Link.of("self", href);

    assertThat(link.href()).isEqualTo(URI.create(href));
    assertThat(link.href().toString()).isEqualTo(href);
    assertThat(link).isEqualTo(Link.of("self", URI.create(href)));
    assertThat(link.hashCode()).isEqualTo(Link.of("self", URI.create(href)).hashCode());
  }

  /** A target that is not a URI is refused when the link is read, not later when it is used. */
  @ParameterizedTest
  @ValueSource(strings = {"not a uri", "https://h/a b", "https://h/%zz", "http://", "1http://h/x"})
  void aHrefThatIsNotAUriIsRefusedAtOnce(String href) {
    assertThatIllegalArgumentException().isThrownBy(() -> Link.of("self", href));
    assertThatIllegalArgumentException().isThrownBy(() -> Link.of("self", href, "text/html"));
  }

  /** The media type is kept. */
  @Test
  void keepsTheMediaType() {
    Link link = Link.of("alternate", "https://h/1/images/x", "application/vnd.openstack.image");
    assertThat(link.type()).contains("application/vnd.openstack.image");
    assertThat(link).isEqualTo(Link.of("alternate", URI.create("https://h/1/images/x"), "application/vnd.openstack.image"));
  }
}
