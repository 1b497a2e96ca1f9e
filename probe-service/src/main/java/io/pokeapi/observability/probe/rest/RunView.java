package io.pokeapi.observability.probe.rest;

import io.pokeapi.observability.probe.run.Run;
import io.pokeapi.observability.probe.run.RunProgress;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A run as the API shows it. */
@Schema(name = "Run")
public record RunView(
    UUID id,
    String suite,
    String trigger,
    @Schema(
            enumeration = {"running", "completed", "cancelled", "failed", "aborted"},
            description = "How the run went: completed means every planned request was made")
        String status,
    @Schema(
            enumeration = {"pending", "passed", "failed", "incomplete"},
            description =
                "What the run found: failed when any check failed (whatever the status), passed"
                    + " only when it completed with no failed check")
        String verdict,
    boolean cancelRequested,
    List<String> endpoints,
    List<String> resources,
    Instant startedAt,
    Instant finishedAt,
    String error,
    Progress progress,
    String location) {

  /** Live progress. */
  @Schema(name = "RunProgress")
  public record Progress(
      @Schema(description = "HTTP requests made, retries included") long requests,
      @Schema(description = "Checks passed") long passed,
      @Schema(description = "Checks failed") long failed,
      @Schema(description = "Checks skipped") long skipped,
      @Schema(description = "Checks that failed, then passed on a rerun") long flaky,
      @Schema(description = "Work items planned so far (lookups, pages, resources)") long planned,
      @Schema(description = "Planned work items not done yet") long remaining) {}

  static RunView of(Run run) {
    RunProgress p = run.progress();
    return new RunView(
        run.id(),
        run.suite().id(),
        run.request().trigger().name().toLowerCase(Locale.ROOT),
        run.state().id(),
        run.verdict(),
        run.cancelRequested(),
        run.endpoints(),
        run.request().resources(),
        run.startedAt(),
        run.finishedAt().orElse(null),
        run.error().orElse(null),
        new Progress(
            p.requests(),
            p.passed(),
            p.failed(),
            p.skipped(),
            run.flaky(),
            p.planned(),
            p.remaining()),
        RunResource.PATH + "/" + run.id());
  }
}
