package io.pokeapi.observability.pokeapidouble.fault;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * A rule in force, with its dice and its fired count. With a seed, the n-th evaluation of a rule
 * draws a fixed number (SplitMix64 of seed, rule id and n), so a test that sends the same requests
 * in the same order sees the same faults, whatever thread serves them.
 */
final class ActiveRule {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private final FaultRule rule;
  private final Long seed;
  private final long stream;
  private final AtomicLong evaluations = new AtomicLong();
  private final LongAdder fired = new LongAdder();

  ActiveRule(FaultRule rule, Long seed) {
    this.rule = rule;
    this.seed = seed;
    this.stream = seed == null ? 0 : mix(seed ^ mix(rule.id().hashCode()));
  }

  FaultRule rule() {
    return rule;
  }

  long fired() {
    return fired.sum();
  }

  /** Rolls the dice once; a rate of 1 always fires, 0 never. */
  boolean fires() {
    double rate = rule.rate();
    boolean fires;
    if (seed != null) {
      long n = evaluations.getAndIncrement();
      fires = rate >= 1 || (rate > 0 && unit(mix(stream + (n + 1) * GOLDEN_GAMMA)) < rate);
    } else {
      fires = rate >= 1 || (rate > 0 && ThreadLocalRandom.current().nextDouble() < rate);
    }
    if (fires) {
      fired.increment();
    }
    return fires;
  }

  private static double unit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }

  /** The SplitMix64 finalizer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
