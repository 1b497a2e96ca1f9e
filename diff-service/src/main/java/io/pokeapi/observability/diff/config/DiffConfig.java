package io.pokeapi.observability.diff.config;

import io.pokeapi.observability.diff.baseline.Percentile;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/** The diff service's own settings ({@code diff.*}). */
@ConfigMapping(prefix = "diff")
public interface DiffConfig {

  /** How full sweeps establish and settle endpoint schemas. */
  Schema schema();

  /** How finished probe runs are evaluated. */
  Runs runs();

  /** Performance baselines and latency regressions. */
  Baseline baseline();

  /** The relay of drift and latency regression events from the outbox table to Kafka. */
  Outbox outbox();

  /** How records are retried, and when one is given up as a dead letter. */
  Ingest ingest();

  /** The Kafka consumers' membership in their groups. */
  Consumer consumer();

  /** HTTP limits answered with problem details. */
  Http http();

  /** HTTP settings. */
  interface Http {

    /** Longer request URIs get 414 with problem details. */
    @WithDefault("8192")
    int maxUriLength();
  }

  /** Retries of records that could not be stored. */
  interface Ingest {

    /**
     * How often a batch (then each of its records alone) is tried while the database answers but
     * refuses it, before the record is kept as a dead letter. An outage of the database (it does
     * not answer) is waited out however long it lasts and never counts.
     */
    @WithDefault("3")
    int maxAttempts();

    /** The first pause between two attempts; it doubles up to {@link #maxBackoff()}. */
    @WithDefault("200ms")
    Duration retryBackoff();

    /** The longest pause between two attempts (also while the database is down). */
    @WithDefault("10s")
    Duration maxBackoff();

    /** How long one attempt may take before it counts as failed. */
    @WithDefault("2m")
    Duration attemptTimeout();
  }

  /** Consumer group membership. */
  interface Consumer {

    /**
     * Static group membership ({@code group.instance.id}): a restarted instance takes its
     * partitions back at once instead of waiting for the session of its dead predecessor to time
     * out. Off, the instance is a dynamic member.
     */
    @WithDefault("true")
    boolean staticMembership();

    /**
     * The stable name of this instance, the base of its {@code group.instance.id}. Unset: the pod
     * or host name ({@code POD_NAME}, else {@code HOSTNAME}, else the machine's host name) and the
     * HTTP port, so two instances on one machine never share it.
     */
    Optional<String> instanceId();
  }

  /** Schema drift settings. */
  interface Schema {

    /**
     * The probe suites whose runs request every resource of their endpoints. Only such a run
     * establishes an endpoint's baseline schema or decides that a field is gone: a partial run
     * cannot tell a field that disappeared from one that its resources merely lack.
     */
    @WithDefault("sweep,full-sweep")
    Set<String> sweepSuites();

    /**
     * The share of the previous sweep's documents a run must deliver for an endpoint to count as
     * swept (guards against a sweep cut short by errors).
     */
    @WithDefault("0.98")
    double minSweepCoverage();
  }

  /** Run evaluation settings. */
  interface Runs {

    /**
     * For runs of probes that do not announce their capture count: how long after the last capture
     * of a finished run the run is evaluated even when fewer captures arrived than the run made
     * requests.
     */
    @WithDefault("PT2M")
    Duration settleTime();

    /**
     * How long after its end a run whose probe announced its capture count waits for missing
     * captures; then it is evaluated as incomplete (no schema baseline, no schema drift).
     */
    @WithDefault("PT30M")
    Duration incompleteAfter();

    /** How often finished runs are looked for. */
    @WithDefault("5s")
    String checkEvery();

    /**
     * While a finished run waits for its last captures: how soon the finalizer looks again (it also
     * looks each time captures are stored).
     */
    @WithDefault("PT0.25S")
    Duration recheckEvery();
  }

  /** Baseline settings. */
  interface Baseline {

    /** The window of probe latencies a baseline covers. */
    @WithDefault("P7D")
    Duration window();

    /** How often the baselines are recomputed. */
    @WithDefault("15m")
    String recomputeEvery();

    /** A run is a regression when its latency exceeds the baseline by more than this share. */
    @WithDefault("0.20")
    double regressionThreshold();

    /** The percentile a run is compared on. */
    @WithDefault("P95")
    Percentile comparedPercentile();

    /** The fewest samples a baseline needs before runs are compared with it. */
    @WithDefault("20")
    int minSamples();

    /** How long latency samples are kept (at least the window). */
    @WithDefault("P14D")
    Duration retention();
  }

  /** Outbox relay settings. */
  interface Outbox {

    /** How often the outbox is swept for events not relayed yet. */
    @WithDefault("2s")
    String sweepEvery();

    /** How many events one relay pass sends. */
    @WithDefault("200")
    int batchSize();
  }
}
