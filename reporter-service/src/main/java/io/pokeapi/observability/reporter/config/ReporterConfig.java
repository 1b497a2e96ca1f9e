package io.pokeapi.observability.reporter.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The reporter's own settings ({@code reporter.*}); each can be set by environment variable. */
@ConfigMapping(prefix = "reporter")
public interface ReporterConfig {

  /** Where ReportPortal is. */
  Portal rp();

  /** How launches are named and tagged. */
  Launch launch();

  /** The delivery loop. */
  Delivery delivery();

  /** Load run reports. */
  Load load();

  /** ReportPortal connection: all three of endpoint, project and key, or none. */
  interface Portal {

    /** The base URL, e.g. {@code https://rp.example.com} (env REPORTPORTAL_ENDPOINT). */
    Optional<String> endpoint();

    /** The project (env REPORTPORTAL_PROJECT). */
    Optional<String> project();

    /** The API key (env REPORTPORTAL_API_KEY, or a Kubernetes secret mapped to it). */
    Optional<String> apiKey();

    /** The whole-call timeout of one request: a hanging server counts as down after this. */
    @WithDefault("10s")
    Duration timeout();

    /** Use the asynchronous v2 reporting endpoints instead of v1. */
    @WithDefault("false")
    boolean async();

    /** client-java's HTTP logging (headers included; the key is masked in every log line). */
    @WithDefault("false")
    boolean httpLogging();
  }

  /** Launch naming and attributes. */
  interface Launch {

    /** The {@code env:} attribute. */
    @WithDefault("local")
    String env();

    /** The {@code target:} attribute: the host the probe aims at. */
    @WithDefault("pokeapi.co")
    String target();

    /** The {@code release:} attribute: the build being reported from. */
    @WithDefault("unknown")
    String release();
  }

  /** The loop that sends the inbox to ReportPortal. */
  interface Delivery {

    /** How often an empty or waiting inbox is looked at again. */
    @WithDefault("200ms")
    Duration pollEvery();

    /** How many inbox rows one pass reads. */
    @WithDefault("200")
    int batchSize();

    /** The first wait after ReportPortal failed; it doubles up to {@link #maxBackoff()}. */
    @WithDefault("500ms")
    Duration initialBackoff();

    /** The longest wait between attempts while ReportPortal is down. */
    @WithDefault("15s")
    Duration maxBackoff();

    /**
     * How long a finished run's launch stays open for check results still on their way (the run's
     * totals say how many to expect); after this it is finished with what arrived.
     */
    @WithDefault("30s")
    Duration settleTime();

    /**
     * How long a run's end waits, once every expected result is in, for results still on their way
     * from the check-results consumer (the reruns of a failed check, which the run's totals do not
     * count).
     */
    @WithDefault("5s")
    Duration finishGrace();

    /**
     * How long an event of a run whose start never arrived waits before the run gets a launch of
     * its own from what the event says.
     */
    @WithDefault("2m")
    Duration orphanAfter();

    /** The largest attachment sent; longer content is cut with a note. */
    @WithDefault("1048576")
    int maxAttachmentBytes();
  }

  /** Load run launches. */
  interface Load {

    /**
     * Where load-service serves a run's HTML report, {@code {runId}} replaced; linked from the load
     * launch when set.
     */
    Optional<String> reportUrlTemplate();
  }
}
