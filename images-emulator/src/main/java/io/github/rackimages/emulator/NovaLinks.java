package io.github.rackimages.emulator;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Link;
import io.github.rackimages.core.ServerReference;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The links Nova writes, built from the request as Nova 2014.1 builds them ({@code nova/api/openstack/common.py},
 * {@code ViewBuilder._get_href_link} and {@code _get_bookmark_link}): {@code self} is
 * {@code <application_url>/<tenant>/<collection>/<id>}, {@code bookmark} the same without the version segment; the
 * image's {@code alternate} ({@code views/images.py _get_alternate_link}) is
 * {@code <glance url>/<tenant>/images/<id>}, and the emulator is its own glance, at the request's scheme, host and
 * port ({@code generate_glance_url()} has no path), so the alternate equals the bookmark and is served with it.
 * Whatever links the catalog's images carry are replaced: a client that follows a link stays on the emulator.
 *
 * @param base the request's {@code scheme://host[:port]}, the port left out when it is the scheme's default
 * @param tenantId the tenant in every link
 */
record NovaLinks(String base, String tenantId) {

  /** The media type of the {@code alternate} link. */
  static final String ALTERNATE_TYPE = "application/vnd.openstack.image";

  /** {@code <base>/v2/<tenant>}: where {@code self} and {@code next} links start. */
  String compute() {
    return base + "/v2/" + tenantId;
  }

  /** This image with Nova's three links, and its server's two. */
  Image rewrite(Image image) {
    Image.Builder b = image.toBuilder().links(imageLinks(image.id().value()));
    image.server().ifPresent(s -> b.server(new ServerReference(s.id(), serverLinks(s.id().value()), s.otherFields())));
    return b.build();
  }

  /** This summary with Nova's three links. */
  ImageSummary rewrite(ImageSummary summary) {
    return ImageSummary.of(summary.id(), summary.name().orElse(null), imageLinks(summary.id().value()));
  }

  List<Link> imageLinks(String id) {
    String segment = segment(id);
    String bookmark = base + "/" + tenantId + "/images/" + segment;
    return List.of(
        Link.of("self", compute() + "/images/" + segment),
        Link.of("bookmark", bookmark),
        Link.of("alternate", bookmark, ALTERNATE_TYPE));
  }

  List<Link> serverLinks(String id) {
    String segment = segment(id);
    return List.of(
        Link.of("self", compute() + "/servers/" + segment),
        Link.of("bookmark", base + "/" + tenantId + "/servers/" + segment));
  }

  /**
   * An id as a path segment. Nova writes ids unescaped ({@code str(identifier)}); ids are UUIDs there. A catalog may
   * hold any id, so characters a path segment cannot carry are percent-encoded (UTF-8), which the emulator decodes
   * back when the link is followed.
   */
  static String segment(String id) {
    StringBuilder out = null;
    byte[] bytes = null;
    for (int i = 0; i < id.length(); i++) {
      if (!plain(id.charAt(i))) {
        bytes = id.getBytes(StandardCharsets.UTF_8);
        out = new StringBuilder(bytes.length * 3);
        break;
      }
    }
    if (out == null) {
      return id;
    }
    for (byte b : bytes) {
      char c = (char) (b & 0xff);
      if (b >= 0 && plain(c)) {
        out.append(c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)));
        out.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** Unreserved characters and the sub-delimiters a path segment carries as they are (not {@code +} or {@code ;}). */
  private static boolean plain(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*,=:@".indexOf(c) >= 0;
  }
}
