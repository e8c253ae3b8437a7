package io.github.rackimages.reliability.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what a suite tried and what held, and writes the figures to the test output and to
 * {@code target/reliability-figures/<suite>.txt}, where {@code docs/RELIABILITY.md} takes them from.
 */
public final class Figures {

  private final String suite;
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  public Figures(String suite) {
    this.suite = suite;
  }

  /** Adds {@code n} to a named count. */
  public void add(String name, long n) {
    counts.computeIfAbsent(name, k -> new AtomicLong()).addAndGet(n);
  }

  /** Adds one to a named count. */
  public void count(String name) {
    add(name, 1);
  }

  /** A named count (0 if never counted). */
  public long get(String name) {
    AtomicLong v = counts.get(name);
    return v == null ? 0 : v.get();
  }

  /** Writes every count, sorted by name, under a heading. */
  public void write(String heading) {
    StringBuilder s = new StringBuilder("## ").append(suite).append(": ").append(heading).append('\n');
    new TreeMap<>(counts).forEach((k, v) -> s.append(k).append(" = ").append(v.get()).append('\n'));
    System.out.print(s);
    try {
      Path dir = Path.of("target", "reliability-figures");
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve(suite + ".txt"), s + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
