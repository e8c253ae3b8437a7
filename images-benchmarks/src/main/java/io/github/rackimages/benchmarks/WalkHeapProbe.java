package io.github.rackimages.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalog;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.HttpImageCatalog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Issue 5, measurement 4b: the heap a walk over HTTP needs (benchmark 2's walk, realistic images in pages of 1000),
 * at several catalog sizes. The pages are served by this JVM; each walk runs in a child JVM of its own with a small
 * heap ({@code -Xmx64m} unless told otherwise), so that the child's heap holds only the client, and reports:
 *
 * <ul>
 *   <li>the live heap before the walk (client built, classes loaded), after a full GC;
 *   <li>the largest live heap during the walk, after a full GC forced every 10 pages, half-way through a page (when
 *       the library holds a whole page of images);
 *   <li>the largest heap in use right after any collection during the walk (young ones included, so an upper
 *       bound that also catches the moment a page is being read while the previous one is still held).
 * </ul>
 *
 * <p>Three clients walk: {@code library} ({@code HttpImageCatalog.stream}), {@code baseline} ({@link
 * BaselineClient}), and {@code library-pages}: the same catalog's {@code list} called page after page, dropping each
 * page before asking for the next, which is what {@code stream} would need if it released its page before
 * fetching the next one (a suggested change to core's {@code PageWalker}). A walk that runs out of memory is
 * reported as such.
 *
 * <p>Run: {@code java -cp images-benchmarks/target/benchmarks.jar io.github.rackimages.benchmarks.WalkHeapProbe
 * [-Xmx64m] [sizes...]} (default sizes 10000 100000). It prints one markdown table.
 *
 * <p>Over 300 lines because it is a whole harness in one file: the child-JVM launcher, the three walkers it
 * compares and the report, which only make sense read together.
 */
public final class WalkHeapProbe {

  private static final String CHILD = "child";
  private static final String RESULT = "RESULT ";
  private static final String OUT_OF_MEMORY = "OUT_OF_MEMORY";
  private static final int SAMPLE_EVERY_PAGES = 10;

  private WalkHeapProbe() {}

  /**
   * Measures the walks. Arguments: an optional {@code -Xmx...} for the children, then catalog sizes; or, in a
   * child, {@code child <library|baseline> <endpoint>}.
   *
   * @throws Exception if a child fails or cannot be started
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 3 && CHILD.equals(args[0])) {
      try {
        Measurement m = measure(args[1], URI.create(args[2]));
        System.out.println(RESULT + m.encode());
      } catch (OutOfMemoryError e) {
        // Reported to the parent as a result, not a crash: running out is what some heaps are meant to show.
        System.out.println(OUT_OF_MEMORY);
        System.exit(3);
      }
      return;
    }
    String xmx = "-Xmx64m";
    List<Integer> sizes = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("-Xmx")) {
        xmx = arg;
      } else {
        sizes.add(Integer.parseInt(arg));
      }
    }
    if (sizes.isEmpty()) {
      sizes = List.of(10_000, 100_000);
    }
    List<Measurement> results = new ArrayList<>();
    for (int size : sizes) {
      try (LoopbackImagesServer server =
          LoopbackImagesServer.preRendered(ServiceImages.listed(size), HttpWalkBenchmark.PAGE_SIZE, false)) {
        for (String client : List.of("library", "library-pages", "baseline")) {
          results.add(runChild(xmx, client, server.endpoint(), size));
        }
      }
    }
    System.out.println();
    System.out.println("Child heap " + xmx + ", live heap sampled after a full GC every " + SAMPLE_EVERY_PAGES
        + " pages; MB = 2^20 bytes");
    System.out.println();
    System.out.println("| images | client | walk (s) | live before walk (MB) | max live during walk (MB) "
        + "| walk's own live (MB) | max heap after any GC (MB) | GCs |");
    System.out.println("|---:|---|---:|---:|---:|---:|---:|---:|");
    for (Measurement m : results) {
      if (m.seconds() < 0) {
        System.out.printf(Locale.ROOT, "| %,d | %s | out of memory | | | | | |%n", m.images(), m.client());
        continue;
      }
      System.out.printf(Locale.ROOT, "| %,d | %s | %.2f | %.1f | %.1f | %.1f | %.1f | %d |%n",
          m.images(), m.client(), m.seconds(), mb(m.liveBefore()), mb(m.liveMax()),
          mb(m.liveMax() - m.liveBefore()), mb(m.afterGcMax()), m.collections());
    }
  }

  /**
   * Walks the default listing at {@code endpoint} with the library or the baseline, in this JVM, and measures its
   * heap as the class comment says.
   *
   * @param client {@code library}, {@code library-pages} or {@code baseline}
   * @throws IllegalArgumentException for another client name
   */
  public static Measurement measure(String client, URI endpoint) {
    Set<String> heapPools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    AtomicLong afterGcMax = new AtomicLong();
    AtomicLong collections = new AtomicLong();
    AtomicLong liveMax = new AtomicLong();
    NotificationListener listener =
        (notification, handback) -> {
          if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
          }
          GarbageCollectionNotificationInfo info =
              GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
          long used = 0;
          for (var entry : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(entry.getKey())) {
              used += entry.getValue().getUsed();
            }
          }
          afterGcMax.accumulateAndGet(used, Math::max);
          collections.incrementAndGet();
        };

    Runnable sample = () -> liveMax.accumulateAndGet(liveHeap(), Math::max);
    long images;
    long started;
    long liveBefore;
    long samplePoint = (long) SAMPLE_EVERY_PAGES * HttpWalkBenchmark.PAGE_SIZE;
    long midPage = HttpWalkBenchmark.PAGE_SIZE / 2;
    switch (client) {
      case "library" -> {
        ImageCatalog catalog = HttpImageCatalog.builder().token(LoopbackImagesServer.TOKEN, endpoint).build();
        // One page first, so that classes and the connection exist before the heap is measured.
        catalog.stream(ImageFilter.all()).limit(1).count();
        liveBefore = liveHeap();
        listen(listener, true);
        started = System.nanoTime();
        long[] seen = new long[1];
        catalog.stream(ImageFilter.all()).forEach(image -> {
          if (seen[0]++ % samplePoint == midPage) {
            sample.run();
          }
        });
        images = seen[0];
      }
      case "library-pages" -> {
        ImageCatalog catalog = HttpImageCatalog.builder().token(LoopbackImagesServer.TOKEN, endpoint).build();
        catalog.list(ImageFilter.all(), PageRequest.first());
        liveBefore = liveHeap();
        listen(listener, true);
        started = System.nanoTime();
        long seen = 0;
        PageRequest request = PageRequest.first();
        Page<Image> page;
        while (request != null) {
          // Dropped before the next call, so that only the page being read is reachable while it is read.
          page = null;
          page = catalog.list(ImageFilter.all(), request);
          for (int i = 0; i < page.size(); i++) {
            if (seen++ % samplePoint == midPage) {
              sample.run();
            }
          }
          request = page.nextMarker().map(PageRequest.first()::next).orElse(null);
        }
        images = seen;
      }
      case "baseline" -> {
        BaselineClient baseline = new BaselineClient(endpoint, LoopbackImagesServer.TOKEN, HttpWalkBenchmark.PAGE_SIZE);
        baseline.walk();
        liveBefore = liveHeap();
        listen(listener, true);
        started = System.nanoTime();
        int[] pages = new int[1];
        // The baseline keeps nothing of a page; sampled between pages, with the parser's buffers released.
        images = baseline.walk(page -> {
          if (pages[0]++ % SAMPLE_EVERY_PAGES == 0) {
            sample.run();
          }
        }).images();
      }
      default -> throw new IllegalArgumentException(
          "unknown client: " + client + " (library, library-pages, baseline)");
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    listen(listener, false);
    return new Measurement(client, images, seconds, liveBefore, liveMax.get(), afterGcMax.get(), collections.get());
  }

  private static long liveHeap() {
    System.gc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getUsed();
  }

  private static void listen(NotificationListener listener, boolean on) {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      NotificationEmitter emitter = (NotificationEmitter) gc;
      try {
        if (on) {
          emitter.addNotificationListener(listener, null, null);
        } else {
          emitter.removeNotificationListener(listener);
        }
      } catch (javax.management.ListenerNotFoundException e) {
        // Never added: nothing to remove.
      }
    }
  }

  private static Measurement runChild(String xmx, String client, URI endpoint, int size) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        List.of(java, xmx, "-cp", System.getProperty("java.class.path"), WalkHeapProbe.class.getName(), CHILD,
            client, endpoint.toString());
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    String result = null;
    boolean outOfMemory = false;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith(RESULT)) {
          result = line.substring(RESULT.length());
        } else if (line.startsWith(OUT_OF_MEMORY)) {
          outOfMemory = true;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("the " + client + " walk did not end within 5 minutes with " + xmx);
    }
    if (outOfMemory) {
      return new Measurement(client, size, -1, 0, 0, 0, 0);
    }
    if (process.exitValue() != 0 || result == null) {
      throw new IllegalStateException("the " + client + " walk failed in a child JVM with " + xmx);
    }
    return Measurement.decode(result);
  }

  private static double mb(long bytes) {
    return bytes / (double) (1 << 20);
  }

  /**
   * One walk's heap.
   *
   * @param client {@code library} or {@code baseline}
   * @param images the images walked
   * @param seconds the walk's duration (with the forced collections); negative if it ran out of memory
   * @param liveBefore the live heap before the walk, in bytes
   * @param liveMax the largest live heap sampled during the walk, in bytes
   * @param afterGcMax the largest heap in use after any collection during the walk, in bytes
   * @param collections the collections during the walk, forced ones included
   */
  public record Measurement(
      String client, long images, double seconds, long liveBefore, long liveMax, long afterGcMax, long collections) {

    String encode() {
      return String.join(" ", client, Long.toString(images), Double.toString(seconds), Long.toString(liveBefore),
          Long.toString(liveMax), Long.toString(afterGcMax), Long.toString(collections));
    }

    static Measurement decode(String text) {
      String[] f = text.trim().split(" ");
      return new Measurement(f[0], Long.parseLong(f[1]), Double.parseDouble(f[2]), Long.parseLong(f[3]),
          Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]));
    }
  }
}
