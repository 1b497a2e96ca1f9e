package io.pokeapi.observability.probe.client;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.pokeapi.observability.probe.config.ProbeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * The client-side cap on the request rate: a Bucket4j token bucket shared by every request of the
 * service, refilled at {@code probe.rate-cap.requests-per-second} with room for {@code
 * probe.rate-cap.burst} requests at once. Each attempt (retries included) takes one token, waiting
 * for it if needed.
 */
@ApplicationScoped
public class RateCap {

  private final Bucket bucket;

  @Inject
  public RateCap(ProbeConfig config) {
    this(config.rateCap().requestsPerSecond(), config.rateCap().burst());
  }

  RateCap(double requestsPerSecond, int burst) {
    this(requestsPerSecond, burst, TimeMeter.SYSTEM_NANOTIME);
  }

  RateCap(double requestsPerSecond, int burst, TimeMeter time) {
    if (requestsPerSecond <= 0) {
      this.bucket = null;
    } else {
      long nanosPerToken = Math.max(1L, Math.round(1_000_000_000d / requestsPerSecond));
      this.bucket =
          Bucket.builder()
              .withCustomTimePrecision(time)
              .addLimit(
                  Bandwidth.builder()
                      .capacity(Math.max(1, burst))
                      .refillGreedy(1, Duration.ofNanos(nanosPerToken))
                      .build())
              .build();
    }
  }

  /** Waits until the cap lets one more request go. */
  public void acquire() throws InterruptedException {
    if (bucket != null) {
      bucket.asBlocking().consume(1);
    }
  }

  /** Takes a token if one is there right now, without waiting. */
  boolean tryAcquire() {
    return bucket == null || bucket.tryConsume(1);
  }

  /** Whether a cap is in force. */
  public boolean enabled() {
    return bucket != null;
  }
}
