package io.pokeapi.observability.diff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.diff.storage.DataChangeView;
import io.pokeapi.observability.diff.storage.DriftEventQueries;
import io.pokeapi.observability.diff.storage.DriftEventQueries.DriftEventView;
import io.pokeapi.observability.diff.storage.SchemaChangeView;
import io.pokeapi.observability.diff.storage.SchemaQueries;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Schema drift and data drift, newest first. */
@Path("/api/v1/drift-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Drift events", description = "Schema changes and data changes found")
public class DriftEventResource {

  /**
   * A data change with its JSON Patch.
   *
   * @param id the id
   * @param endpoint the endpoint
   * @param resourceId the resource
   * @param resourceKey the key the newer body was requested under
   * @param fromSha256 the older body
   * @param toSha256 the newer body
   * @param operations the operations with the values before and after ({@code changeType} is the
   *     RFC 6902 op)
   * @param jsonPatch the plain RFC 6902 JSON Patch
   * @param runId the run
   * @param releaseHash the release hash seen with the newer body
   * @param deployDate the deploy date seen with it
   * @param previousReleaseHash the release hash last seen with the older body
   * @param edgeInconsistency whether the edge rather than a release explains it
   * @param inconsistency {@code same-release} or {@code same-run}
   * @param detectedAt when it was detected
   */
  public record DataChangeDocument(
      long id,
      String endpoint,
      String resourceId,
      String resourceKey,
      String fromSha256,
      String toSha256,
      JsonNode operations,
      JsonNode jsonPatch,
      UUID runId,
      String releaseHash,
      String deployDate,
      String previousReleaseHash,
      boolean edgeInconsistency,
      String inconsistency,
      Instant detectedAt) {

    static DataChangeDocument of(DataChangeView v) {
      return new DataChangeDocument(
          v.id(),
          v.endpoint(),
          v.resourceId(),
          v.resourceKey(),
          v.fromSha256(),
          v.toSha256(),
          SchemaResource.json(v.operationsJson()),
          SchemaResource.json(v.jsonPatchJson()),
          v.runId(),
          v.releaseHash(),
          v.deployDate(),
          v.previousReleaseHash(),
          v.edgeInconsistency(),
          v.inconsistency(),
          v.detectedAt());
    }
  }

  private final Pool pool;
  private final DriftEventQueries queries;
  private final SchemaQueries schemaQueries;

  public DriftEventResource(Pool pool, DriftEventQueries queries, SchemaQueries schemaQueries) {
    this.pool = pool;
    this.queries = queries;
    this.schemaQueries = schemaQueries;
  }

  @GET
  @Operation(summary = "Drift events, newest first, filtered by endpoint, kind and time")
  public Uni<Page<DriftEventView>> events(
      @QueryParam("endpoint") @Parameter(description = "Only this endpoint, e.g. pokemon")
          String endpoint,
      @QueryParam("kind") @Parameter(description = "schema or data; both when absent") String kind,
      @QueryParam("from")
          @Parameter(description = "Only events detected at or after this ISO-8601 instant")
          String from,
      @QueryParam("to")
          @Parameter(description = "Only events detected before this ISO-8601 instant")
          String to,
      @BeanParam PageRequest page) {
    page.checked();
    String endpointName = QueryParams.endpoint("endpoint", endpoint);
    String kindName = QueryParams.oneOf("kind", kind, Set.of("schema", "data"));
    Instant fromInstant = QueryParams.instant("from", from);
    Instant toInstant = QueryParams.instant("to", to);
    QueryParams.ordered(fromInstant, toInstant);
    return queries
        .events(
            pool, endpointName, kindName, fromInstant, toInstant, page.offset(), page.fetchLimit())
        .map(rows -> Page.of(rows, page));
  }

  @GET
  @Path("/schema/{id}")
  @Operation(summary = "One schema change")
  public Uni<SchemaChangeView> schemaChange(
      @PathParam("id") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
          String idText) {
    long id = QueryParams.bounded("id", idText, 1, Long.MAX_VALUE);
    return schemaQueries
        .change(pool, id)
        .map(found -> found.orElseThrow(() -> new NotFoundProblem("No schema change " + id)));
  }

  @GET
  @Path("/data/{id}")
  @Operation(summary = "One data change with its JSON Patch")
  public Uni<DataChangeDocument> dataChange(
      @PathParam("id") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
          String idText) {
    long id = QueryParams.bounded("id", idText, 1, Long.MAX_VALUE);
    return queries
        .dataChange(pool, id)
        .map(
            found ->
                DataChangeDocument.of(
                    found.orElseThrow(() -> new NotFoundProblem("No data change " + id))));
  }
}
