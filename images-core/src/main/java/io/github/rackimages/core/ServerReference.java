package io.github.rackimages.core;

import java.util.List;
import java.util.Objects;

/**
 * The server a snapshot was made from, as the service reports it ({@code server} with its id and links).
 *
 * @param id the server's id
 * @param links the server's {@code self} and {@code bookmark} links, possibly empty
 * @since 1.0
 */
public record ServerReference(ServerId id, List<Link> links) {

  /** @throws NullPointerException if an argument or a link is null */
  public ServerReference {
    Objects.requireNonNull(id, "server id");
    links = List.copyOf(Objects.requireNonNull(links, "server links"));
  }

  /** A reference with no links. */
  public static ServerReference of(ServerId id) {
    return new ServerReference(id, List.of());
  }
}
