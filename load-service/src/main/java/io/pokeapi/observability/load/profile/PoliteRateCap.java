package io.pokeapi.observability.load.profile;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps load against protected hosts (pokeapi.co, a free community service) at a polite rate unless
 * the request explicitly overrides it.
 */
public final class PoliteRateCap {

  /** The request field that overrides the cap. */
  public static final String OVERRIDE_FIELD = "overridePoliteRate";

  private final List<String> protectedHosts;
  private final double maxRate;

  public PoliteRateCap(List<String> protectedHosts, double maxRate) {
    this.protectedHosts =
        protectedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
    this.maxRate = maxRate;
  }

  /** Whether the URL's host is protected (the host itself or a subdomain). */
  public boolean protects(String baseUrl) {
    String host = URI.create(baseUrl).getHost();
    if (host == null) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    for (String p : protectedHosts) {
      if (!p.isEmpty() && (h.equals(p) || h.endsWith("." + p))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why the plan may not run, or empty when it may.
   *
   * @param override the request's {@value #OVERRIDE_FIELD}
   */
  public Optional<FieldViolation> check(LoadPlan plan, boolean override) {
    if (override || !protects(plan.baseUrl())) {
      return Optional.empty();
    }
    double peak = plan.peakRate();
    if (peak <= maxRate) {
      return Optional.empty();
    }
    String would =
        switch (plan.model()) {
          case OPEN -> "it schedules up to " + format(peak) + " requests/s";
          case CLOSED ->
              plan.thinkMinNanos() == 0
                  ? "its users do not think between requests, so the answers set an unbounded rate"
                  : "its "
                      + format(plan.schedule().peak())
                      + " users with a least think time of "
                      + format(plan.thinkMinNanos() / 1e9)
                      + " s may send up to "
                      + format(peak)
                      + " requests/s";
          case FIXED_CONNECTIONS -> "fixed-connections sends as fast as the answers come back";
        };
    return Optional.of(
        new FieldViolation(
            OVERRIDE_FIELD,
            "the target "
                + URI.create(plan.baseUrl()).getHost()
                + " is a protected public service (load.safety.protected-hosts) and "
                + would
                + ", above the polite limit of "
                + format(maxRate)
                + " requests/s (load.safety.max-rate); lower the load, aim at a local double, or"
                + " set overridePoliteRate to true if you have permission"));
  }

  private static String format(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }
}
