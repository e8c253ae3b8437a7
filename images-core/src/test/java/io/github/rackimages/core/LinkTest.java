package io.github.rackimages.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.net.URI;
import org.junit.jupiter.api.Test;

class LinkTest {

  private static final URI SELF = URI.create("https://dfw.servers.api.rackspacecloud.com/v2/820712/images/abc");

  @Test
  void aLinkWithoutMediaTypeHasNone() {
    Link link = Link.of("self", SELF);

    assertThat(link.rel()).isEqualTo("self");
    assertThat(link.href()).isEqualTo(SELF);
    assertThat(link.type()).isEmpty();
    assertThat(link).hasToString("Link[rel=self, href=" + SELF + "]");
  }

  @Test
  void aLinkWithMediaTypeKeepsIt() {
    Link link = Link.of("alternate", SELF, "application/vnd.openstack.image");

    assertThat(link.type()).contains("application/vnd.openstack.image");
    assertThat(link.toString()).contains("type=application/vnd.openstack.image");
  }

  @Test
  void linksAreEqualWhenRelHrefAndTypeAre() {
    assertThat(Link.of("self", SELF)).isEqualTo(Link.of("self", SELF)).hasSameHashCodeAs(Link.of("self", SELF));
    assertThat(Link.of("self", SELF)).isNotEqualTo(Link.of("bookmark", SELF));
    assertThat(Link.of("self", SELF)).isNotEqualTo(Link.of("self", URI.create("https://other/")));
    assertThat(Link.of("self", SELF)).isNotEqualTo(Link.of("self", SELF, "text/plain"));
    assertThat(Link.of("self", SELF, "a")).isNotEqualTo(Link.of("self", SELF, "b"));
  }

  @Test
  void linksRejectNullParts() {
    assertThatNullPointerException().isThrownBy(() -> Link.of(null, SELF)).withMessage("link rel");
    assertThatNullPointerException().isThrownBy(() -> Link.of("self", (URI) null)).withMessage("link href");
    assertThatNullPointerException().isThrownBy(() -> Link.of("self", SELF, null)).withMessage("link type");
    assertThatNullPointerException().isThrownBy(() -> Link.of(null, "https://h/")).withMessage("link rel");
    assertThatNullPointerException().isThrownBy(() -> Link.of("self", (String) null)).withMessage("link href");
    assertThatNullPointerException()
        .isThrownBy(() -> Link.of("self", "https://h/", null))
        .withMessage("link type");
  }
}
