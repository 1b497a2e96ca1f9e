package io.pokeapi.observability.reporter.reporting;

import io.pokeapi.observability.common.contract.LatencyPercentiles;
import io.pokeapi.observability.common.contract.LoadRunSummary;
import java.util.Locale;
import java.util.Map;

/** A load run's summary as text and as a small self-contained HTML page. */
final class LoadReport {

  private LoadReport() {}

  static String text(LoadRunSummary s) {
    LatencyPercentiles l = s.latency();
    return String.format(
        Locale.ROOT,
        "load run %s: scenario %s against %s, %d requests in %s (%.1f req/s), %d errors %s;"
            + " latency p50 %s p90 %s p95 %s p99 %s p99.9 %s max %s%s",
        s.runId(),
        s.scenario(),
        s.target(),
        s.requests(),
        s.duration(),
        s.throughputPerSecond(),
        s.errors(),
        s.errorsByClass(),
        ms(l == null ? -1 : l.p50Micros()),
        ms(l == null ? -1 : l.p90Micros()),
        ms(l == null ? -1 : l.p95Micros()),
        ms(l == null ? -1 : l.p99Micros()),
        ms(l == null ? -1 : l.p999Micros()),
        ms(l == null ? -1 : l.maxMicros()),
        s.correctedForCoordinatedOmission() ? " (corrected for coordinated omission)" : "");
  }

  static String html(LoadRunSummary s) {
    LatencyPercentiles l = s.latency();
    StringBuilder sb = new StringBuilder();
    sb.append("<!doctype html><html><head><meta charset=\"utf-8\"><title>Load run ")
        .append(esc(String.valueOf(s.runId())))
        .append("</title></head><body><h1>Load run ")
        .append(esc(s.scenario()))
        .append("</h1><table border=\"1\">");
    row(sb, "run", String.valueOf(s.runId()));
    row(sb, "target", s.target());
    row(sb, "started", String.valueOf(s.startedAt()));
    row(sb, "duration", String.valueOf(s.duration()));
    row(sb, "requests", String.valueOf(s.requests()));
    row(sb, "throughput (req/s)", String.format(Locale.ROOT, "%.1f", s.throughputPerSecond()));
    row(sb, "errors", String.valueOf(s.errors()));
    for (Map.Entry<String, Long> e : s.errorsByClass().entrySet()) {
      row(sb, "errors: " + e.getKey(), String.valueOf(e.getValue()));
    }
    if (l != null) {
      row(sb, "p50", ms(l.p50Micros()));
      row(sb, "p90", ms(l.p90Micros()));
      row(sb, "p95", ms(l.p95Micros()));
      row(sb, "p99", ms(l.p99Micros()));
      row(sb, "p99.9", ms(l.p999Micros()));
      row(sb, "max", ms(l.maxMicros()));
    }
    row(
        sb,
        "corrected for coordinated omission",
        String.valueOf(s.correctedForCoordinatedOmission()));
    return sb.append("</table></body></html>").toString();
  }

  private static void row(StringBuilder sb, String k, String v) {
    sb.append("<tr><th>").append(esc(k)).append("</th><td>").append(esc(v)).append("</td></tr>");
  }

  private static String ms(long micros) {
    return micros < 0 ? "?" : String.format(Locale.ROOT, "%.3f ms", micros / 1000.0);
  }

  private static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
