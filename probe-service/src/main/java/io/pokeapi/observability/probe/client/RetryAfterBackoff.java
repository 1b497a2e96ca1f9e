package io.pokeapi.observability.probe.client;

import io.pokeapi.observability.probe.config.ProbeConfig;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delays between retries of a 429: the API's {@code Retry-After} when it sent a usable one (cut
 * to {@code max-retry-after}), else 1, 2, 4, 8 s (by default) plus up to 1 s of jitter. One
 * instance serves one guarded call, as SmallRye Fault Tolerance creates one per invocation.
 */
public final class RetryAfterBackoff implements CustomBackoffStrategy {

  private final ProbeConfig.RateLimitRetry config;
  private int retries;

  public RetryAfterBackoff(ProbeConfig.RateLimitRetry config) {
    this.config = config;
  }

  @Override
  public long nextDelayInMillis(Throwable cause) {
    int n = retries++;
    if (cause instanceof RateLimitedFailure limited && limited.retryAfter().isPresent()) {
      Duration asked = limited.retryAfter().get();
      return Math.min(asked.toMillis(), config.maxRetryAfter().toMillis());
    }
    return exponentialDelayMillis(n) + jitterMillis();
  }

  /** The delay before retry {@code n} (0-based) without jitter: initial * 2^n, capped. */
  long exponentialDelayMillis(int n) {
    long initial = config.initialDelay().toMillis();
    long max = config.maxDelay().toMillis();
    long delay = initial << Math.min(n, 30);
    return delay <= 0 || delay > max ? max : delay;
  }

  private long jitterMillis() {
    long max = config.maxJitter().toMillis();
    return max <= 0 ? 0 : ThreadLocalRandom.current().nextLong(max + 1);
  }
}
