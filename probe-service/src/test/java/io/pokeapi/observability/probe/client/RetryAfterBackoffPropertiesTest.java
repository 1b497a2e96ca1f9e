package io.pokeapi.observability.probe.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.pokeapi.observability.probe.config.ProbeConfig;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class RetryAfterBackoffPropertiesTest {

  /** The numbers: 1, 2, 4, 8 s plus up to 1 s of jitter; Retry-After capped at 60 s. */
  static ProbeConfig.RateLimitRetry defaults() {
    return new ProbeConfig.RateLimitRetry() {
      @Override
      public int maxRetries() {
        return 5;
      }

      @Override
      public Duration initialDelay() {
        return Duration.ofSeconds(1);
      }

      @Override
      public Duration maxDelay() {
        return Duration.ofSeconds(8);
      }

      @Override
      public Duration maxJitter() {
        return Duration.ofSeconds(1);
      }

      @Override
      public Duration maxRetryAfter() {
        return Duration.ofSeconds(60);
      }
    };
  }

  private static RateLimitedFailure limited(Duration retryAfter) {
    ApiAttempt attempt =
        new ApiAttempt(
            1, "http://x/api/v2/pokemon/1/", Instant.EPOCH, Duration.ZERO, null, null, null);
    return new RateLimitedFailure(attempt, retryAfter);
  }

  @Example
  void withoutRetryAfterTheDelaysAreOneTwoFourEightSecondsPlusJitter() {
    RetryAfterBackoff backoff = new RetryAfterBackoff(defaults());
    long[] floors = {1000, 2000, 4000, 8000, 8000};
    for (long floor : floors) {
      assertThat(backoff.nextDelayInMillis(limited(null))).isBetween(floor, floor + 1000);
    }
  }

  @Property(tries = 300)
  void theNthDelayWithoutRetryAfterIsTheCappedPowerOfTwoPlusAtMostTheJitter(
      @ForAll @IntRange(min = 0, max = 12) int previousRetries) {
    RetryAfterBackoff backoff = new RetryAfterBackoff(defaults());
    for (int i = 0; i < previousRetries; i++) {
      backoff.nextDelayInMillis(limited(null));
    }
    long floor = Math.min(8000, 1000L << Math.min(previousRetries, 20));
    assertThat(backoff.nextDelayInMillis(limited(null))).isBetween(floor, floor + 1000);
  }

  @Property(tries = 300)
  void aRetryAfterIsHonouredExactlyUpToTheCap(
      @ForAll @LongRange(min = 0, max = 3600) long seconds,
      @ForAll @IntRange(min = 0, max = 6) int previousRetries) {
    RetryAfterBackoff backoff = new RetryAfterBackoff(defaults());
    for (int i = 0; i < previousRetries; i++) {
      backoff.nextDelayInMillis(limited(null));
    }
    assertThat(backoff.nextDelayInMillis(limited(Duration.ofSeconds(seconds))))
        .isEqualTo(Math.min(seconds, 60) * 1000);
  }
}
