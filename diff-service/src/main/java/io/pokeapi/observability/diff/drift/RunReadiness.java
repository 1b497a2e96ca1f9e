package io.pokeapi.observability.diff.drift;

import io.pokeapi.observability.diff.storage.ProbeRun;

/**
 * Whether a finished run can be evaluated, and how.
 *
 * <ul>
 *   <li>A run whose probe announced how many captures it published ({@code capturesPublished}) is
 *       evaluated once that many are stored: {@link Verdict#COMPLETE}. Until then it waits; when
 *       its end was seen longer than {@code diff.runs.incomplete-after} ago it is closed as {@link
 *       Verdict#INCOMPLETE}.
 *   <li>A run from an older probe (no count) falls back to the settle rule: evaluated once as many
 *       captures as it made requests are stored, or when none arrived for {@code
 *       diff.runs.settle-time}. Then, if fewer than {@code diff.schema.min-sweep-coverage} of its
 *       requests are stored, it is {@link Verdict#INCOMPLETE}.
 * </ul>
 *
 * An incomplete run sets no schema baseline and settles no schema (so it never publishes schema
 * drift from partial data); its latency is still compared.
 *
 * @param verdict what to do
 * @param detail why, in words (stored with the run)
 */
public record RunReadiness(Verdict verdict, String detail) {

  /** What to do with a finished run. */
  public enum Verdict {
    /** Its captures are not all in yet. */
    WAIT,
    /** Every capture it announced is stored. */
    COMPLETE,
    /** Captures are missing and no more are expected: evaluated without schema conclusions. */
    INCOMPLETE
  }

  /**
   * Decides for one run.
   *
   * @param stored the captures of the run stored
   * @param quiet whether nothing of it arrived for the settle time since its end was seen
   * @param overdue whether its end was seen longer ago than the bound for missing captures
   * @param minCoverage the share of its requests an older probe's run must have stored
   */
  public static RunReadiness of(
      ProbeRun run, long stored, boolean quiet, boolean overdue, double minCoverage) {
    Long announced = run.capturesPublished();
    if (announced != null) {
      if (stored >= announced) {
        return new RunReadiness(
            Verdict.COMPLETE, "all " + announced + " captures the probe announced are stored");
      }
      if (overdue) {
        return new RunReadiness(
            Verdict.INCOMPLETE,
            stored
                + " of the "
                + announced
                + " captures the probe announced were stored before the bound for missing"
                + " captures");
      }
      return new RunReadiness(Verdict.WAIT, stored + " of " + announced + " captures stored");
    }
    Long requests = run.requests();
    boolean allIn = requests != null && requests > 0 && stored >= requests;
    if (!allIn && !quiet) {
      return new RunReadiness(Verdict.WAIT, stored + " captures stored, waiting to settle");
    }
    if (requests != null && requests > 0 && stored < requests * minCoverage) {
      return new RunReadiness(
          Verdict.INCOMPLETE,
          stored
              + " captures stored for "
              + requests
              + " requests when the run settled (the probe did not announce a count)");
    }
    return new RunReadiness(
        Verdict.COMPLETE,
        allIn
            ? "as many captures stored as the run made requests"
            : stored
                + " captures stored when the run settled (the probe did not announce a count)");
  }
}
