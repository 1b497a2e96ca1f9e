package io.pokeapi.observability.load.rest;

import io.pokeapi.observability.load.engine.EngineRun;
import io.pokeapi.observability.load.profile.InvalidProfileException;
import io.pokeapi.observability.load.profile.LoadProfile;
import io.pokeapi.observability.load.profile.Presets;
import io.pokeapi.observability.load.report.HtmlReport;
import io.pokeapi.observability.load.report.LoadReport;
import io.pokeapi.observability.load.report.RunResult;
import io.pokeapi.observability.load.run.LoadRun;
import io.pokeapi.observability.load.run.LoadRunService;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Starts, follows and stops load runs, and serves their reports. */
@Path("/api/load-runs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "load runs")
public class LoadRunResource {

  @Inject LoadRunService service;
  @Inject HtmlReport html;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "apiToken")
  @Operation(summary = "Start a load run from a preset or a profile")
  @APIResponse(responseCode = "202", description = "started; the run with its id and location")
  @APIResponse(responseCode = "400", description = "bad profile: problem details naming each field")
  @APIResponse(responseCode = "401", description = "the API token is missing or wrong")
  @APIResponse(responseCode = "409", description = "another run is active on this replica")
  public Response start(StartLoadRunRequest body) {
    if (body == null) {
      throw new InvalidProfileException(
          "body", "is required: {\"preset\": ...} or {\"profile\": ...}");
    }
    LoadRun run =
        service.start(
            body.preset(),
            body.profile(),
            body.baseUrl(),
            body.replicas(),
            body.overridePoliteRate());
    LoadRunView view = LoadRunView.of(run, true);
    return Response.accepted(view).location(URI.create(view.location())).build();
  }

  @GET
  @Operation(summary = "Recent load runs, newest first")
  public List<LoadRunView> list(
      @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(500) int limit) {
    return service.recent(limit).stream().map(r -> LoadRunView.of(r, true)).toList();
  }

  @GET
  @Path("presets")
  @Operation(summary = "The presets, each as the full profile it stands for")
  public Map<String, LoadProfile> presets() {
    return Presets.all(service.defaultBaseUrl());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "A load run with its live progress")
  @APIResponse(responseCode = "404", description = "no such run on this replica")
  public LoadRunView get(@PathParam("id") UUID id) {
    return LoadRunView.of(find(id), true);
  }

  @DELETE
  @Path("{id}")
  @SecurityRequirement(name = "apiToken")
  @Operation(summary = "Stop a load run (on every replica that runs it)")
  @APIResponse(responseCode = "202", description = "stopping; results cover what ran")
  @APIResponse(responseCode = "409", description = "the run has already ended")
  public Response stop(@PathParam("id") UUID id) {
    LoadRun run = service.stop(find(id));
    return Response.accepted(LoadRunView.of(run, true)).build();
  }

  @GET
  @Path("{id}/report")
  @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
  @Operation(summary = "The report: JSON, or an offline HTML page with charts")
  public Response report(
      @PathParam("id") UUID id,
      @Parameter(description = "html or json; default from the Accept header, else json")
          @QueryParam("format")
          String format,
      @Context HttpHeaders headers) {
    LoadRun run = find(id);
    LoadReport report = reportOf(run);
    if (wantsHtml(format, headers)) {
      return Response.ok(html.render(report), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
          .build();
    }
    return Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
  }

  static LoadReport reportOf(LoadRun run) {
    LoadRunView view = LoadRunView.of(run, false);
    boolean corrected = run.plan().correctedForCoordinatedOmission();
    if (run.result() != null) {
      return LoadReport.of(view, run.result(), corrected, true);
    }
    EngineRun engineRun = run.engineRun();
    RunResult partial =
        RunResult.merge(engineRun == null ? List.of() : List.of(engineRun.snapshot()), List.of());
    return LoadReport.of(view, partial, corrected, false);
  }

  private static boolean wantsHtml(String format, HttpHeaders headers) {
    if (format != null) {
      if (format.equalsIgnoreCase("html")) {
        return true;
      }
      if (format.equalsIgnoreCase("json")) {
        return false;
      }
      throw new InvalidProfileException("format", "must be html or json");
    }
    for (MediaType type : headers.getAcceptableMediaTypes()) {
      if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
        return true;
      }
      if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
        return false;
      }
    }
    return false;
  }

  private LoadRun find(UUID id) {
    return service
        .get(id)
        .orElseThrow(() -> new NotFoundException("no load run " + id + " on this replica"));
  }
}
