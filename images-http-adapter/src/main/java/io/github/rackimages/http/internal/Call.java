package io.github.rackimages.http.internal;

import java.io.InputStream;
import java.net.URI;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One logical call of the catalog ({@code GET} of a path under the endpoint), however many HTTP requests it
 * takes.
 *
 * @param <T> what the call returns
 */
public final class Call<T> {

  /** Reads a successful body. */
  @FunctionalInterface
  public interface BodyReader<T> {
    /**
     * @param body the body, capped; the reader need not close it
     * @param collection the URL requested, without its query (to judge the body's links against)
     */
    T read(InputStream body, URI collection);
  }

  private final String path;
  private final String query;
  private final boolean list;
  private final BodyReader<T> reader;
  private final Supplier<T> onNotFound;

  private Call(String path, String query, boolean list, BodyReader<T> reader, Supplier<T> onNotFound) {
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("path must start with /: " + path);
    }
    this.path = path;
    this.query = query;
    this.list = list;
    this.reader = Objects.requireNonNull(reader, "reader");
    this.onNotFound = onNotFound;
  }

  /** A list call: a 404 is an error saying the API may be missing. */
  public static <T> Call<T> list(String path, String query, BodyReader<T> reader) {
    return new Call<>(path, Objects.requireNonNull(query, "query"), true, reader, null);
  }

  /** A call for one resource: a 404 yields {@code onNotFound}'s value. */
  public static <T> Call<T> one(String path, BodyReader<T> reader, Supplier<T> onNotFound) {
    return new Call<>(path, null, false, reader, Objects.requireNonNull(onNotFound, "onNotFound"));
  }

  /** The encoded path under the endpoint, such as {@code /images/detail}. */
  public String path() {
    return path;
  }

  /** The encoded query, or {@code null}. */
  public String query() {
    return query;
  }

  /** Whether the call lists a collection (a 404 then means the API is missing). */
  public boolean isList() {
    return list;
  }

  BodyReader<T> reader() {
    return reader;
  }

  Supplier<T> onNotFound() {
    return onNotFound;
  }
}
