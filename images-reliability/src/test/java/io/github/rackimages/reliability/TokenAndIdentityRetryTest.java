package io.github.rackimages.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.rackimages.core.Image;
import io.github.rackimages.core.ImageFilter;
import io.github.rackimages.core.ImageId;
import io.github.rackimages.core.PageRequest;
import io.github.rackimages.emulator.ImageEmulator;
import io.github.rackimages.fake.InMemoryImageCatalog;
import io.github.rackimages.http.HttpImageCatalog;
import io.github.rackimages.http.RetryPolicy;
import io.github.rackimages.http.auth.Credentials;
import io.github.rackimages.reliability.support.FaultProxy;
import io.github.rackimages.reliability.support.FaultProxy.Fault;
import io.github.rackimages.reliability.support.Figures;
import io.github.rackimages.tck.TestImages;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Item 2: a call takes the current token at every attempt, so that a throttling wait longer than the token's
 * life is no authentication failure. Item 3: an identity hiccup (503) is retried by the one caller that signs in,
 * while every other caller waits for that retried sign-in, so that no call fails of it.
 */
class TokenAndIdentityRetryTest {

  private static final int PAGE = 5;
  private static final Figures FIGURES = new Figures("token-and-identity-retry");

  @AfterAll
  static void write() {
    FIGURES.write("tokens shorter than the waits; one identity 503 under concurrent callers");
  }

  /**
   * Of the authenticated images requests, every 2nd is throttled and every 3rd unavailable, each asking for a
   * wait longer than a token lives: the second page's call waits three times in a row (413, 503, 413), the
   * old way with a token that expired in the first wait, renewed after the 401, expired again in the second.
   */
  @ParameterizedTest(name = "tokens of {0} ms, waits of {1} ms")
  @CsvSource({"1000, 1200", "2000, 2200"})
  void waitsLongerThanTheTokenEndInTheImagesNotInAnAuthenticationError(long tokenMillis, long waitMillis)
      throws Exception {
    InMemoryImageCatalog fake = InMemoryImageCatalog.builder().images(TestImages.many(2 * PAGE, 7)).build();
    List<ImageId> expected;
    try (Stream<Image> all = fake.stream(ImageFilter.all())) {
      expected = all.map(Image::id).toList();
    }
    try (ImageEmulator emulator =
        ImageEmulator.builder()
            .catalog(fake)
            .tokenLifetime(Duration.ofMillis(tokenMillis))
            .retryAfter(Duration.ofMillis(waitMillis))
            .throttleEvery(2)
            .unavailableEvery(3)
            .start()) {
      HttpImageCatalog catalog =
          HttpImageCatalog.builder()
              .credentials(Credentials.apiKey(ImageEmulator.DEFAULT_USERNAME, ImageEmulator.DEFAULT_API_KEY))
              .identityUrl(emulator.identityUrl())
              .retryPolicy(RetryPolicy.builder().maxAttempts(4).maxTotalTime(Duration.ofSeconds(60)).build())
              .build();

      List<ImageId> got;
      try (Stream<Image> walk = catalog.stream(ImageFilter.all(), PageRequest.first(PAGE))) {
        got = walk.map(Image::id).toList();
      }

      assertThat(got).containsExactlyElementsOf(expected);
      FIGURES.count("walks completed with tokens of " + tokenMillis + " ms");
      FIGURES.add("images requests (every 2nd throttled, every 3rd unavailable) with tokens of " + tokenMillis + " ms",
          emulator.imagesRequestCount());
      FIGURES.add("identity calls with tokens of " + tokenMillis + " ms", emulator.identityRequestCount());
    }
  }

  /** The first identity call answers 503; 24 callers sign in at once and all get their page. */
  @Test
  void oneIdentityHiccupFailsNoWaitingCall() throws Exception {
    int callers = 24;
    InMemoryImageCatalog fake = InMemoryImageCatalog.builder().images(TestImages.many(3, 5)).build();
    try (ImageEmulator emulator = ImageEmulator.builder().catalog(fake).start();
        FaultProxy proxy = new FaultProxy(emulator.uri())) {
      AtomicBoolean first = new AtomicBoolean(true);
      proxy.plan(req -> req.rawPath().startsWith("/v2.0") && first.getAndSet(false) ? Fault.UNAVAILABLE_503
          : Fault.NONE);
      HttpImageCatalog catalog =
          HttpImageCatalog.builder()
              .credentials(Credentials.apiKey(ImageEmulator.DEFAULT_USERNAME, ImageEmulator.DEFAULT_API_KEY))
              .identityUrl(URI.create(proxy.origin() + "/v2.0"))
              .endpoint(URI.create(proxy.origin() + emulator.computeEndpoint().getPath()))
              .build();
      ExecutorService pool = Executors.newFixedThreadPool(callers);
      try {
        CyclicBarrier start = new CyclicBarrier(callers);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
          calls.add(pool.submit(() -> {
            start.await();
            return catalog.list(ImageFilter.all(), PageRequest.first(10)).items().size();
          }));
        }
        for (Future<Integer> call : calls) {
          assertThat(call.get(1, TimeUnit.MINUTES)).isEqualTo(3);
        }
      } finally {
        pool.shutdownNow();
      }
      long identityCalls = proxy.requests().stream().filter(r -> r.rawPath().startsWith("/v2.0")).count();
      assertThat(identityCalls).as("the 503, then the one retried sign-in every caller shared").isEqualTo(2);
      FIGURES.add("concurrent callers through one identity 503", callers);
      FIGURES.add("identity calls made for them", identityCalls);
    }
  }
}
