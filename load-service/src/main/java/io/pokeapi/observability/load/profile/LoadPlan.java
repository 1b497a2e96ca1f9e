package io.pokeapi.observability.load.profile;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A valid profile resolved into what the engine runs: the target's address, the request mix with
 * every path prepared, the schedule (warm-up included) and the limits, plus which share of a
 * distributed run this is.
 *
 * @param name the run's label (the summary's scenario)
 * @param model the load model
 * @param baseUrl the base URL as given
 * @param host the target host
 * @param port the target port
 * @param ssl whether to use TLS
 * @param endpoints the distinct endpoint labels, indexed by {@link Target#endpoint()}
 * @param targets the weighted request mix
 * @param schedule users (closed, fixed-connections) or requests/s (open) over time, whole run
 * @param thinkMinNanos closed model: least think time
 * @param thinkMaxNanos closed model: most think time
 * @param maxConnections connection pool size of the whole run
 * @param maxInFlight open model: most requests sent or queued at once
 * @param timeoutMillis per-request timeout
 * @param headers request headers
 * @param passingStatuses the statuses that pass, {@code null} for any 2xx or 3xx
 * @param bodyContains bytes every body must contain, {@code null} for none
 * @param shareIndex which share of a distributed run (0 for a local run)
 * @param shareCount how many shares the run has
 * @param profile the profile this plan came from (for the report and other replicas)
 */
public record LoadPlan(
    String name,
    LoadModel model,
    String baseUrl,
    String host,
    int port,
    boolean ssl,
    List<String> endpoints,
    List<Target> targets,
    LoadSchedule schedule,
    long thinkMinNanos,
    long thinkMaxNanos,
    int maxConnections,
    int maxInFlight,
    long timeoutMillis,
    Map<String, String> headers,
    boolean[] passingStatuses,
    byte[] bodyContains,
    int shareIndex,
    int shareCount,
    LoadProfile profile) {

  /** Default per-request timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** Default pool size of the open model. */
  public static final int DEFAULT_OPEN_CONNECTIONS = 64;

  /** Default in-flight limit of the open model. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 10_000;

  /**
   * One entry of the request mix.
   *
   * @param endpoint index into {@link LoadPlan#endpoints()}
   * @param weight relative weight
   * @param uris the request URIs (path and query on the target), one per id
   */
  public record Target(int endpoint, int weight, List<String> uris) {}

  /** Resolves a profile that {@link ProfileValidator} accepted. */
  public static LoadPlan of(LoadProfile p) {
    URI base = URI.create(p.baseUrl());
    boolean ssl = base.getScheme().equalsIgnoreCase("https");
    int port = base.getPort() > 0 ? base.getPort() : ssl ? 443 : 80;
    String basePath = base.getRawPath() == null ? "" : base.getRawPath();
    while (basePath.endsWith("/")) {
      basePath = basePath.substring(0, basePath.length() - 1);
    }
    List<String> endpoints = new ArrayList<>();
    List<Target> targets = new ArrayList<>();
    for (RequestSpec r : p.requests()) {
      String label = r.endpoint() != null ? r.endpoint() : defaultLabel(r.path());
      int index = endpoints.indexOf(label);
      if (index < 0) {
        index = endpoints.size();
        endpoints.add(label);
      }
      List<String> uris = new ArrayList<>();
      if (r.idRange() != null) {
        for (long id = r.idRange().from(); id <= r.idRange().to(); id++) {
          uris.add(basePath + r.path().replace("{id}", Long.toString(id)));
        }
      } else if (r.ids() != null) {
        for (String id : r.ids()) {
          uris.add(basePath + r.path().replace("{id}", id));
        }
      } else {
        uris.add(basePath + r.path());
      }
      targets.add(new Target(index, r.weight() == null ? 1 : r.weight(), List.copyOf(uris)));
    }
    long warmup = p.warmup() == null ? 0 : p.warmup().toNanos();
    LoadSchedule schedule;
    long thinkMin = 0;
    long thinkMax = 0;
    int maxConnections;
    switch (p.model()) {
      case CLOSED -> {
        schedule =
            p.stages() == null
                ? LoadSchedule.constant(p.users(), warmup, p.duration().toNanos())
                : staged(p.startUsers() == null ? 0 : p.startUsers(), warmup, p.stages());
        if (p.thinkTime() != null) {
          thinkMin = p.thinkTime().min().toNanos();
          thinkMax = p.thinkTime().max().toNanos();
        }
        maxConnections =
            p.maxConnections() != null
                ? p.maxConnections()
                : Math.max(1, (int) Math.ceil(schedule.peak()));
      }
      case OPEN -> {
        schedule =
            p.stages() == null
                ? LoadSchedule.constant(p.rate(), warmup, p.duration().toNanos())
                : staged(p.startRate() == null ? 0 : p.startRate(), warmup, p.stages());
        maxConnections = p.maxConnections() != null ? p.maxConnections() : DEFAULT_OPEN_CONNECTIONS;
      }
      default -> {
        schedule = LoadSchedule.constant(p.connections(), warmup, p.duration().toNanos());
        maxConnections = p.connections();
      }
    }
    boolean[] passing = null;
    byte[] body = null;
    if (p.checks() != null) {
      if (p.checks().status() != null && !p.checks().status().isEmpty()) {
        passing = new boolean[600];
        for (int status : p.checks().status()) {
          passing[status] = true;
        }
      }
      if (p.checks().bodyContains() != null) {
        body = p.checks().bodyContains().getBytes(StandardCharsets.UTF_8);
      }
    }
    return new LoadPlan(
        p.name() != null ? p.name() : p.model().wireName(),
        p.model(),
        p.baseUrl(),
        base.getHost(),
        port,
        ssl,
        List.copyOf(endpoints),
        List.copyOf(targets),
        schedule,
        thinkMin,
        thinkMax,
        maxConnections,
        p.maxInFlight() != null ? p.maxInFlight() : DEFAULT_MAX_IN_FLIGHT,
        (p.timeout() != null ? p.timeout() : DEFAULT_TIMEOUT).toMillis(),
        p.headers() == null ? Map.of() : new LinkedHashMap<>(p.headers()),
        passing,
        body,
        0,
        1,
        p);
  }

  /** This plan as share {@code index} of {@code count}. */
  public LoadPlan share(int index, int count) {
    return new LoadPlan(
        name,
        model,
        baseUrl,
        host,
        port,
        ssl,
        endpoints,
        targets,
        schedule,
        thinkMinNanos,
        thinkMaxNanos,
        maxConnections,
        maxInFlight,
        timeoutMillis,
        headers,
        passingStatuses,
        bodyContains,
        index,
        count,
        profile);
  }

  /** The connections of this share (at least 1). */
  public int shareConnections() {
    return Math.max(1, Shares.split(maxConnections, shareIndex, shareCount));
  }

  /** Whether latency counts from the intended send time of a rate schedule. */
  public boolean correctedForCoordinatedOmission() {
    return model == LoadModel.OPEN;
  }

  /** The measured phase in seconds. */
  public double measuredSeconds() {
    return (schedule.endNanos() - schedule.warmupNanos()) / 1e9;
  }

  /** The highest rate the plan may send, requests/s; infinite when the answers set the pace. */
  public double peakRate() {
    return switch (model) {
      case OPEN -> schedule.peak();
      case CLOSED ->
          thinkMinNanos == 0 ? Double.POSITIVE_INFINITY : schedule.peak() / (thinkMinNanos / 1e9);
      case FIXED_CONNECTIONS -> Double.POSITIVE_INFINITY;
    };
  }

  /** The metrics label of a path: its first segment, without {@code {id}}. */
  static String defaultLabel(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    int end = trimmed.length();
    for (int i = 0; i < trimmed.length(); i++) {
      char c = trimmed.charAt(i);
      if (c == '/' || c == '?') {
        end = i;
        break;
      }
    }
    String label = trimmed.substring(0, end).replace("{id}", "").toLowerCase(Locale.ROOT);
    label = label.replaceAll("[^a-z0-9_.:-]", "_");
    if (label.length() > 64) {
      label = label.substring(0, 64);
    }
    return label.isEmpty() ? "root" : label;
  }

  private static LoadSchedule staged(double start, long warmup, List<Stage> stages) {
    long[] lengths = new long[stages.size()];
    double[] targets = new double[stages.size()];
    for (int i = 0; i < stages.size(); i++) {
      lengths[i] = stages.get(i).duration().toNanos();
      targets[i] = stages.get(i).target();
    }
    return LoadSchedule.of(start, warmup, lengths, targets);
  }
}
