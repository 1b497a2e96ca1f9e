package io.pokeapi.observability.probe.rest;

import io.pokeapi.observability.common.contract.RunTrigger;
import io.pokeapi.observability.probe.run.Run;
import io.pokeapi.observability.probe.run.RunRegistry;
import io.pokeapi.observability.probe.run.RunRequest;
import io.pokeapi.observability.probe.run.RunService;
import io.pokeapi.observability.probe.run.Suite;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Starts, shows and cancels probe runs. */
@Path(RunResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Runs", description = "Probe runs against PokéAPI")
public class RunResource {

  /** Where the runs live. */
  public static final String PATH = "/api/runs";

  private static final String UUID_PATTERN =
      "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";

  private final RunService runs;
  private final RunRegistry registry;

  public RunResource(RunService runs, RunRegistry registry) {
    this.runs = runs;
    this.registry = registry;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Start a run",
      description =
          "Starts a run of a suite in the background and answers at once with its id and location."
              + " Two runs of one suite never overlap: while one is going, another gets 409.")
  @SecurityRequirement(name = "apiToken")
  @APIResponse(
      responseCode = "202",
      description = "Started",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Invalid input; errors names each field",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "401",
      description = "An API token is configured and the call did not carry it",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "A run of the suite is still going",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response start(@NotNull(message = "a JSON body is required") @Valid StartRunRequest body) {
    RunRequest request =
        new RunRequest(
            Suite.fromId(body.suite()),
            body.endpoints() == null ? List.of() : body.endpoints(),
            body.resources() == null ? List.of() : body.resources(),
            RunTrigger.API,
            body.reruns());
    Run run = runs.start(request);
    return Response.accepted(RunView.of(run)).location(URI.create(PATH + "/" + run.id())).build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "A run with its status and live progress")
  @APIResponse(
      responseCode = "200",
      description = "The run",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such run",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public RunView get(
      @PathParam("id") @Pattern(regexp = UUID_PATTERN, message = "must be a run id (a UUID)")
          String id) {
    return registry.find(UUID.fromString(id)).map(RunView::of).orElseThrow(() -> notFound(id));
  }

  @GET
  @Operation(summary = "Recent runs, newest first")
  @APIResponse(
      responseCode = "200",
      description = "The runs",
      content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = RunView.class)))
  public List<RunView> recent(
      @Parameter(description = "How many runs at most")
          @QueryParam("limit")
          @DefaultValue("20")
          @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "500", defaultValue = "20")
          @Pattern(
              regexp = "^(?:[1-9][0-9]?|[1-4][0-9]{2}|500)$",
              message = "must be an integer from 1 to 500")
          String limit) {
    // a String, so that "abc" is a 400 naming limit (JAX-RS answers a failed conversion with 404)
    return registry.recent(Integer.parseInt(limit)).stream().map(RunView::of).toList();
  }

  @DELETE
  @Path("/{id}")
  @Operation(
      summary = "Cancel a run",
      description = "Asks a running run to stop; it ends as cancelled.")
  @SecurityRequirement(name = "apiToken")
  @APIResponse(
      responseCode = "202",
      description = "Cancellation requested",
      content = @Content(schema = @Schema(implementation = RunView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such run",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  @APIResponse(
      responseCode = "409",
      description = "The run has already ended",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public Response cancel(
      @PathParam("id") @Pattern(regexp = UUID_PATTERN, message = "must be a run id (a UUID)")
          String id) {
    Run run = runs.cancel(UUID.fromString(id)).orElseThrow(() -> notFound(id));
    return Response.accepted(RunView.of(run)).build();
  }

  private static NotFoundException notFound(String id) {
    return new NotFoundException("no run " + id + " (only the most recent runs are kept)");
  }
}
