package io.github.rackimages.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

  @Test
  void defaultsAreFourAttemptsInSixtySeconds() {
    RetryPolicy p = RetryPolicy.defaults();

    assertThat(p.maxAttempts()).isEqualTo(4);
    assertThat(p.maxTotalTime()).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.baseDelay()).isEqualTo(Duration.ofMillis(200));
    assertThat(p.maxDelay()).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.jitter()).isEqualTo(0.5);
  }

  @Test
  void noneMakesOneAttempt() {
    assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
  }

  @Test
  void backoffDoublesUpToTheCap() {
    RetryPolicy p = RetryPolicy.builder().baseDelay(Duration.ofMillis(200)).maxDelay(Duration.ofSeconds(1)).jitter(0).build();

    assertThat(p.backoff(1, 0)).isEqualTo(Duration.ofMillis(200));
    assertThat(p.backoff(2, 0)).isEqualTo(Duration.ofMillis(400));
    assertThat(p.backoff(3, 0)).isEqualTo(Duration.ofMillis(800));
    assertThat(p.backoff(4, 0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.backoff(Integer.MAX_VALUE, 0)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void jitterShortensByAtMostItsShare() {
    RetryPolicy p = RetryPolicy.builder().baseDelay(Duration.ofMillis(1000)).jitter(0.25).build();

    assertThat(p.backoff(1, 0)).isEqualTo(Duration.ofMillis(1000));
    assertThat(p.backoff(1, 0.5)).isEqualTo(Duration.ofMillis(875));
    assertThat(p.backoff(1, 0.999999)).isGreaterThan(Duration.ofMillis(750));
  }

  @Test
  void aZeroBaseDelayRetriesAtOnce() {
    RetryPolicy p = RetryPolicy.builder().baseDelay(Duration.ZERO).build();

    assertThat(p.backoff(1_000_000, 0.3)).isZero();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1})
  void maxAttemptsBelowOneIsRefused(int attempts) {
    assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(attempts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(Integer.toString(attempts));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-0.1, 1.1, Double.NaN})
  void jitterOutsideZeroToOneIsRefused(double jitter) {
    assertThatThrownBy(() -> RetryPolicy.builder().jitter(jitter)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nonPositiveTimesAreRefused() {
    assertThatThrownBy(() -> RetryPolicy.builder().maxTotalTime(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().maxDelay(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBaseDelayAboveTheMaxDelayIsRefused() {
    assertThatThrownBy(
            () -> RetryPolicy.builder().baseDelay(Duration.ofSeconds(20)).maxDelay(Duration.ofSeconds(10)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseDelay (20 s) must not exceed maxDelay (10 s)");
  }

  @Test
  void toBuilderKeepsEveryValue() {
    RetryPolicy p = RetryPolicy.builder().maxAttempts(7).maxTotalTime(Duration.ofMinutes(3)).jitter(0.1).build();

    assertThat(p.toBuilder().build()).isEqualTo(p).hasSameHashCodeAs(p);
    assertThat(p.toString()).contains("maxAttempts=7", "maxTotalTime=3 min", "baseDelay=200 ms").doesNotContain("PT");
  }
}
