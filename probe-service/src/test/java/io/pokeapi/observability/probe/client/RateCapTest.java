package io.pokeapi.observability.probe.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.TimeMeter;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateCapTest {

  /** A clock the test moves by hand. */
  static final class ManualTime implements TimeMeter {
    long nanos;

    @Override
    public long currentTimeNanos() {
      return nanos;
    }

    @Override
    public boolean isWallClockBased() {
      return false;
    }

    void advanceMillis(long millis) {
      nanos += TimeUnit.MILLISECONDS.toNanos(millis);
    }
  }

  @Test
  void aBurstGoesAtOnceThenRequestsAreSpacedByTheRate() {
    ManualTime time = new ManualTime();
    RateCap cap = new RateCap(5, 5, time);

    for (int i = 0; i < 5; i++) {
      assertThat(cap.tryAcquire()).as("request %d of the burst", i + 1).isTrue();
    }
    assertThat(cap.tryAcquire()).as("the sixth request at once").isFalse();

    time.advanceMillis(199);
    assertThat(cap.tryAcquire()).as("before 1/5 s has passed").isFalse();
    time.advanceMillis(1);
    assertThat(cap.tryAcquire()).as("after 1/5 s").isTrue();
    assertThat(cap.tryAcquire()).isFalse();
  }

  @Test
  void aFractionalRateRefillsAccordingly() {
    ManualTime time = new ManualTime();
    RateCap cap = new RateCap(0.5, 1, time);

    assertThat(cap.tryAcquire()).isTrue();
    time.advanceMillis(1999);
    assertThat(cap.tryAcquire()).isFalse();
    time.advanceMillis(1);
    assertThat(cap.tryAcquire()).isTrue();
  }

  @Test
  void aRateOfZeroTurnsTheCapOff() {
    RateCap cap = new RateCap(0, 1);
    assertThat(cap.enabled()).isFalse();
    for (int i = 0; i < 1000; i++) {
      assertThat(cap.tryAcquire()).isTrue();
    }
  }
}
