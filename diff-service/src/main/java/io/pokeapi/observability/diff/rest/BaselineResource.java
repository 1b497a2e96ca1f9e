package io.pokeapi.observability.diff.rest;

import io.pokeapi.observability.diff.storage.BaselineRepository;
import io.pokeapi.observability.diff.storage.LatencyEvaluation;
import io.pokeapi.observability.diff.storage.PerformanceBaseline;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Performance baselines and the runs compared with them. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Performance", description = "Latency baselines of the probe and regressions")
public class BaselineResource {

  private final Pool pool;
  private final BaselineRepository baselines;

  public BaselineResource(Pool pool, BaselineRepository baselines) {
    this.pool = pool;
    this.baselines = baselines;
  }

  @GET
  @Path("/baselines")
  @Operation(summary = "The latest baseline of each endpoint (p50, p95, p99 and sample size)")
  public Uni<Page<PerformanceBaseline>> latest(
      @QueryParam("endpoint") @Parameter(description = "Only this endpoint") String endpoint,
      @BeanParam PageRequest page) {
    page.checked();
    String name = QueryParams.endpoint("endpoint", endpoint);
    return baselines
        .latestPage(pool, name, page.offset(), page.fetchLimit())
        .map(rows -> Page.of(rows, page));
  }

  @GET
  @Path("/baselines/{endpoint}/history")
  @Operation(summary = "The baselines of an endpoint over time, newest first")
  public Uni<Page<PerformanceBaseline>> history(
      @PathParam("endpoint") @Pattern(regexp = QueryParams.ENDPOINT_PATTERN) String endpoint,
      @BeanParam PageRequest page) {
    page.checked();
    return baselines
        .history(pool, endpoint, page.offset(), page.fetchLimit())
        .map(rows -> Page.of(rows, page));
  }

  @GET
  @Path("/latency-evaluations")
  @Operation(summary = "Finished runs compared with the baselines, newest first")
  public Uni<Page<LatencyEvaluation>> evaluations(
      @QueryParam("endpoint") @Parameter(description = "Only this endpoint") String endpoint,
      @QueryParam("regressed")
          @Parameter(
              description = "Only runs more than the threshold above the baseline (true, false)",
              schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
          String regressedText,
      @BeanParam PageRequest page) {
    String name = QueryParams.endpoint("endpoint", endpoint);
    boolean regressed = QueryParams.bool("regressed", regressedText, false);
    page.checked();
    return baselines
        .evaluations(pool, name, regressed, page.offset(), page.fetchLimit())
        .map(rows -> Page.of(rows, page));
  }
}
