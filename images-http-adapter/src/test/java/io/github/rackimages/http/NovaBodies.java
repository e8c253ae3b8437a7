package io.github.rackimages.http;

import java.util.List;
import java.util.stream.Collectors;

/** Small Nova JSON bodies for tests, written by hand (not by the adapter's own writer). */
final class NovaBodies {

  private NovaBodies() {}

  /** A detail list of minimal images with these ids, and a {@code next} link when {@code nextHref} is not null. */
  static String detailPage(List<String> ids, String nextHref) {
    return "{\"images\": ["
        + ids.stream().map(NovaBodies::detailImage).collect(Collectors.joining(","))
        + "]"
        + links(nextHref)
        + "}";
  }

  /** A summary list of images with these ids, named {@code image <id>}. */
  static String summaryPage(List<String> ids, String nextHref) {
    return "{\"images\": ["
        + ids.stream()
            .map(id -> "{\"id\": \"" + id + "\", \"name\": \"image " + id + "\", \"links\": []}")
            .collect(Collectors.joining(","))
        + "]"
        + links(nextHref)
        + "}";
  }

  /** {@code {"image": {...}}}. */
  static String imageBody(String id) {
    return "{\"image\": " + detailImage(id) + "}";
  }

  static String detailImage(String id) {
    return "{\"id\": \"" + id + "\", \"name\": \"image " + id + "\", \"status\": \"ACTIVE\", \"progress\": 100,"
        + " \"created\": \"2015-03-10T18:35:18Z\", \"updated\": \"2015-03-10T18:38:38Z\","
        + " \"minDisk\": 20, \"minRam\": 512, \"links\": [], \"metadata\": {\"image_type\": \"base\"}}";
  }

  private static String links(String nextHref) {
    return nextHref == null ? "" : ", \"images_links\": [{\"rel\": \"next\", \"href\": \"" + nextHref + "\"}]";
  }
}
