package io.github.rackimages.core;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The server a snapshot was made from, as the service reports it ({@code server} with its id and links). Keys
 * beyond those two (a {@code name}, a cloud's extensions) are kept in {@link #otherFields()}, in the order sent,
 * as {@link Image#otherFields()} keeps an image's, so that writing the reference back loses nothing.
 *
 * @param id the server's id
 * @param links the server's {@code self} and {@code bookmark} links, possibly empty
 * @param otherFields the keys of the {@code server} object besides {@code id} and {@code links}, possibly empty
 * @since 1.0
 */
public record ServerReference(ServerId id, List<Link> links, Map<String, AttributeValue> otherFields) {

  /** @throws NullPointerException if an argument, a link, or a key or value of {@code otherFields} is null */
  public ServerReference {
    Objects.requireNonNull(id, "server id");
    links = List.copyOf(Objects.requireNonNull(links, "server links"));
    otherFields = ImageMetadata.of(Objects.requireNonNull(otherFields, "server otherFields")).values();
  }

  /**
   * A reference with its id and links and nothing else.
   *
   * @throws NullPointerException if an argument or a link is null
   */
  public ServerReference(ServerId id, List<Link> links) {
    this(id, links, Map.of());
  }

  /** A reference with no links. */
  public static ServerReference of(ServerId id) {
    return new ServerReference(id, List.of());
  }

  /** The server's {@code name}, when the service sent one as a string (Nova itself sends none). */
  public Optional<String> name() {
    AttributeValue name = otherFields.get("name");
    return name != null && name.isText() ? Optional.of(name.asString()) : Optional.empty();
  }
}
