package io.pokeapi.observability.reporter.rest;

import io.pokeapi.observability.reporter.portal.ReportPortalGateway;
import io.pokeapi.observability.reporter.reporting.DeliveryWorker;
import io.pokeapi.observability.reporter.storage.FlakyRepository;
import io.pokeapi.observability.reporter.storage.InboxRepository;
import io.pokeapi.observability.reporter.storage.LaunchRepository;
import io.pokeapi.observability.reporter.storage.LaunchState;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the reporter did: the flakiest checks, the launch of each run, the delivery state. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class ReporterResource {

  private final FlakyRepository flaky;
  private final LaunchRepository launches;
  private final InboxRepository inbox;
  private final ReportPortalGateway gateway;
  private final DeliveryWorker worker;

  public ReporterResource(
      FlakyRepository flaky,
      LaunchRepository launches,
      InboxRepository inbox,
      ReportPortalGateway gateway,
      DeliveryWorker worker) {
    this.flaky = flaky;
    this.launches = launches;
    this.inbox = inbox;
    this.gateway = gateway;
    this.worker = worker;
  }

  /** The flakiest checks: highest flaky-run rate first, then most flaky runs. */
  @GET
  @Path("/flaky-checks")
  public Uni<List<FlakyCheckView>> flakyChecks(
      @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(500) int limit) {
    return flaky.flakiest(limit).map(list -> list.stream().map(FlakyCheckView::of).toList());
  }

  /** The launch of each run, newest first. */
  @GET
  @Path("/launches")
  public Uni<List<LaunchView>> launches(
      @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(500) int limit) {
    return launches.recent(limit).map(list -> list.stream().map(LaunchView::of).toList());
  }

  /** Where reports go and how far behind the reporter is. */
  @GET
  @Path("/reporter/status")
  public Uni<Status> status() {
    return Uni.combine()
        .all()
        .unis(inbox.count(), inbox.deadLetters(), launches.open())
        .with(
            (backlog, dead, open) ->
                new Status(
                    gateway.connected() ? "reportportal" : "counting-only",
                    gateway.describe(),
                    backlog,
                    dead,
                    open,
                    worker.lastDelivered(),
                    worker.lastError()));
  }

  /** The reporter's state. */
  public record Status(
      String mode,
      String target,
      long backlog,
      long deadLetters,
      long openLaunches,
      Instant lastDelivered,
      String lastError) {}

  /** A run and its launch. */
  public record LaunchView(
      UUID runId,
      UUID launchUuid,
      String kind,
      String name,
      Instant startedAt,
      boolean finished,
      long results,
      boolean schemaChange) {
    static LaunchView of(LaunchState s) {
      return new LaunchView(
          s.launchKey,
          s.launchUuid,
          s.kind,
          s.name,
          s.startedAt,
          s.finished,
          s.results,
          s.schemaChange);
    }
  }
}
