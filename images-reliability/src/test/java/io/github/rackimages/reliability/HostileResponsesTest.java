package io.github.rackimages.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageCatalogException;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.ImageSummary;
import io.github.rackimages.core.Page;
import io.github.rackimages.core.PageMarker;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.RetryPolicy;
import io.github.rackimages.reliability.support.Bounded;
import io.github.rackimages.reliability.support.CaseServer;
import io.github.rackimages.reliability.support.Figures;
import io.github.rackimages.reliability.support.HostileCase;
import io.github.rackimages.reliability.support.HostileCase.Expect;
import io.github.rackimages.reliability.support.HostileCase.Operation;
import io.github.rackimages.reliability.support.HostileResponses;
import io.github.rackimages.reliability.support.HostileResponses.Base;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Thousands of hostile responses, served over loopback to a real {@link HttpImageCatalog} through each of its
 * calls: every one must end in a typed {@link ImageCatalogException} or a sound page, within its time budget,
 * without the heap growing. Seeds are fixed and printed with every failing case; set {@code -Dreliability.seeds=N}
 * for more of them, or {@code -Dreliability.seed=S} to replay one.
 */
class HostileResponsesTest {

  static final String TOKEN = "canary-token-6d1f0c0a7e";
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);
  /** The request timeout bounds the headers and, separately, the body: twice it, plus slack for a slow machine. */
  static final Duration CASE_BUDGET = REQUEST_TIMEOUT.multipliedBy(2).plusSeconds(4);

  private static CaseServer server;
  private static HttpImageCatalog catalog;
  private static Bounded bounded;
  private static final Figures FIGURES = new Figures("hostile-responses");
  private static final Map<String, Base> BASES = new HashMap<>();

  @BeforeAll
  static void start() {
    server = new CaseServer();
    bounded = new Bounded();
    catalog =
        HttpImageCatalog.builder()
            .token(TOKEN, server.endpoint())
            .connectTimeout(REQUEST_TIMEOUT)
            .requestTimeout(REQUEST_TIMEOUT)
            .retryPolicy(RetryPolicy.none())
            .build();
  }

  @AfterAll
  static void stop() {
    server.close();
    bounded.close();
    FIGURES.write("hostile responses to the images API");
  }

  @Test
  void seededMutationsOfRealisticPagesEndInATypedFailureOrASoundPage() {
    List<Long> seeds = seeds();
    List<HostileCase> cases = new ArrayList<>();
    for (long seed : seeds) {
      for (Operation op : Operation.values()) {
        cases.addAll(HostileResponses.mutations(seed, op, server.endpoint()));
      }
    }
    long heapBefore = usedHeapAfterGc();
    List<String> failures = runAll(cases, "seeded");
    long growth = usedHeapAfterGc() - heapBefore;
    FIGURES.add("mutated pages: heap growth after GC, MB", Math.max(0, growth) >> 20);

    assertThat(failures).as("cases that ended badly (seeds " + seeds + ")").isEmpty();
    assertThat(FIGURES.get("cases: seeded")).as("cases per run").isGreaterThan(2000);
    assertThat(growth).as("heap growth over the corpus, bytes").isLessThan(64L << 20);
  }

  @Test
  void aFixedCorpusOfMalformedResponsesEndsInATypedFailureOrASoundPage() {
    List<HostileCase> cases = HostileResponses.fixedCorpus(server.endpoint());
    int count = cases.size();
    long heapBefore = usedHeapAfterGc();
    List<String> failures = runAll(cases, "fixed");
    long growth = usedHeapAfterGc() - heapBefore;
    FIGURES.add("fixed corpus: heap growth after GC, MB", Math.max(0, growth) >> 20);

    assertThat(count).isGreaterThan(300);
    assertThat(failures).as("cases that ended badly").isEmpty();
    assertThat(growth).as("heap growth over the corpus, bytes").isLessThan(64L << 20);
  }

  private static List<Long> seeds() {
    String one = System.getProperty("reliability.seed");
    if (one != null) {
      return List.of(Long.parseLong(one));
    }
    int n = Integer.getInteger("reliability.seeds", 10);
    List<Long> seeds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      seeds.add(20_260_000L + i);
    }
    return seeds;
  }

  /** Runs the cases, dropping each from the list once run, so that the heap measured afterwards holds none. */
  private List<String> runAll(List<HostileCase> cases, String corpus) {
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      HostileCase c = cases.get(i);
      cases.set(i, null);
      long start = System.nanoTime();
      String failure = runOne(c);
      FIGURES.add("ms: " + c.family(), (System.nanoTime() - start) / 1_000_000);
      FIGURES.count("cases: " + corpus);
      FIGURES.count("cases: " + c.family());
      FIGURES.count("cases: all");
      if (failure != null) {
        FIGURES.count("FAILED: " + c.family());
        if (failures.size() < 40) {
          failures.add(failure + "\n    case: " + c.describe());
        }
      }
    }
    server.serve(null);
    return failures;
  }

  /** Runs one case; null if it ended as it must, else what went wrong. */
  private String runOne(HostileCase c) {
    Base base = BASES.computeIfAbsent(c.seed() + "/" + c.operation(), k -> HostileResponses.base(c.seed(), c.operation(), server.endpoint()));
    server.serve(c);
    ImageId findId = base.images().get(0).id();
    Bounded.Result<Object> r =
        bounded.run(
            () ->
                switch (c.operation()) {
                  case LIST -> catalog.list(ImageFilter.all(), PageRequest.first(c.limit()));
                  case SUMMARIES -> catalog.listSummaries(ImageFilter.all(), PageRequest.first(c.limit()));
                  case FIND -> catalog.find(findId);
                  case STREAM -> {
                    try (var s = catalog.stream(ImageFilter.all(), PageRequest.first(c.limit()))) {
                      yield s.collect(Collectors.toList());
                    }
                  }
                },
            CASE_BUDGET.plusSeconds(2));
    if (r.hung()) {
      FIGURES.count("outcome: hung");
      return "hung for " + r.elapsed().toMillis() + " ms";
    }
    if (r.elapsed().compareTo(CASE_BUDGET) > 0) {
      return "took " + r.elapsed().toMillis() + " ms, over the budget of " + CASE_BUDGET.toMillis() + " ms";
    }
    if (r.thrown() != null) {
      if (!(r.thrown() instanceof ImageCatalogException e)) {
        FIGURES.count("outcome: undeclared exception");
        return "undeclared exception " + stack(r.thrown());
      }
      FIGURES.count("outcome: " + e.getClass().getSimpleName());
      String message = e.getMessage();
      if (message == null || message.isBlank()) {
        return "an exception without a message: " + e.getClass().getName();
      }
      if (message.contains(TOKEN) || e.details().bodyExcerpt().orElse("").contains(TOKEN)) {
        return "the token appears in the exception: " + message;
      }
      return c.expect() == Expect.CORRECT_PAGE ? "failed instead of giving the page: " + stack(e) : null;
    }
    FIGURES.count("outcome: a page");
    if (c.expect() == Expect.TYPED_FAILURE) {
      return "returned " + r.value() + " instead of failing";
    }
    return checkPage(c, base, r.value());
  }

  private static String checkPage(HostileCase c, Base base, Object value) {
    List<?> expected = c.operation() == Operation.SUMMARIES ? base.summaries() : base.images();
    List<?> items;
    Optional<PageMarker> next = Optional.empty();
    boolean paged = false;
    switch (c.operation()) {
      case LIST, SUMMARIES -> {
        Page<?> page = (Page<?>) value;
        items = page.items();
        next = page.nextMarker();
        paged = true;
      }
      case FIND -> {
        Optional<?> found = (Optional<?>) value;
        if (found.isEmpty()) {
          return c.status() == 404 ? null : "find gave no image";
        }
        items = List.of(found.get());
      }
      default -> items = (List<?>) value;
    }
    if (c.expect() == Expect.EMPTY_LAST_PAGE) {
      return items.isEmpty() && next.isEmpty() ? null : "not an empty last page: " + items + ", next " + next;
    }
    if (c.expect() == Expect.CORRECT_PAGE) {
      if (!items.equals(expected)) {
        return "a page unlike the original: " + items + " instead of " + expected;
      }
    } else {
      if (items.size() != expected.size()) {
        return "a page of " + items.size() + " items from a body of " + expected.size();
      }
      for (int i = 0; i < items.size(); i++) {
        if (i != c.touchedImage() && !items.get(i).equals(expected.get(i))) {
          return "untouched item " + i + " changed: " + items.get(i) + " instead of " + expected.get(i);
        }
      }
      if (c.touchedImage() >= 0 && !"id".equals(c.touchedField()) && !"(the image)".equals(c.touchedField())
          && !idOf(items.get(c.touchedImage())).equals(idOf(expected.get(c.touchedImage())))) {
        return "the damaged image's id changed: " + items.get(c.touchedImage());
      }
    }
    if (paged) {
      boolean full = items.size() == c.limit();
      if (next.isPresent() != full) {
        return "next marker " + next + " on a page of " + items.size() + " with limit " + c.limit();
      }
      String last = idOf(items.get(items.size() - 1)).value();
      // The service's own link still names the original last id when the damage changed that id.
      String original = idOf(expected.get(expected.size() - 1)).value();
      if (full && !next.get().value().equals(last) && !next.get().value().equals(original)) {
        return "next marker " + next.get() + " is not the last image's id " + idOf(items.get(items.size() - 1));
      }
    }
    return null;
  }

  private static ImageId idOf(Object item) {
    return item instanceof Image i ? i.id() : ((ImageSummary) item).id();
  }

  private static String stack(Throwable t) {
    StringBuilder s = new StringBuilder(t.toString());
    StackTraceElement[] st = t.getStackTrace();
    for (int i = 0; i < Math.min(8, st.length); i++) {
      s.append("\n      at ").append(st[i]);
    }
    if (t.getCause() != null && t.getCause() != t) {
      s.append("\n    caused by ").append(stack(t.getCause()));
    }
    return s.toString();
  }

  static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
