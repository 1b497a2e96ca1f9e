package io.pokeapi.observability.diff.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.contract.Change;
import io.pokeapi.observability.common.datadiff.DataDiff;
import io.pokeapi.observability.common.datadiff.DataPatch;
import io.pokeapi.observability.diff.drift.Changes;
import io.pokeapi.observability.diff.rest.DriftEventResource.DataChangeDocument;
import io.pokeapi.observability.diff.storage.SnapshotQueries;
import io.pokeapi.observability.diff.storage.SnapshotQueries.VersionBody;
import io.pokeapi.observability.diff.storage.SnapshotQueries.VersionView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The history of one resource: its stored versions (named by their SHA-256), their bodies, the diff
 * between two of them and its data changes. A resource is named by its id or its name ({@code
 * pokemon/25} or {@code pokemon/pikachu}).
 */
@Path("/api/v1/resources/{endpoint}/{resource}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Resources", description = "The history of one PokéAPI resource")
public class ResourceHistoryResource {

  private static final String SHA_PATTERN = "[0-9a-fA-F]{6,64}";

  /**
   * A version with its body.
   *
   * @param version the version
   * @param body the body as stored
   */
  public record VersionDocument(VersionView version, JsonNode body) {}

  /**
   * The diff between two versions.
   *
   * @param endpoint the endpoint
   * @param resourceId the resource
   * @param from the older version's SHA-256
   * @param to the newer version's SHA-256
   * @param operations the operations with the values before and after
   * @param jsonPatch the plain RFC 6902 JSON Patch that turns {@code from} into {@code to}
   */
  public record VersionDiff(
      String endpoint,
      String resourceId,
      String from,
      String to,
      List<Change> operations,
      JsonNode jsonPatch) {}

  private final Pool pool;
  private final SnapshotQueries queries;

  public ResourceHistoryResource(Pool pool, SnapshotQueries queries) {
    this.pool = pool;
    this.queries = queries;
  }

  @GET
  @Path("/versions")
  @Operation(summary = "The stored versions of a resource, newest first")
  public Uni<Page<VersionView>> versions(
      @PathParam("endpoint") @Pattern(regexp = QueryParams.ENDPOINT_PATTERN) String endpoint,
      @PathParam("resource") String resource,
      @BeanParam PageRequest page) {
    page.checked();
    return resolve(endpoint, resource)
        .chain(id -> queries.versions(pool, endpoint, id, page.offset(), page.fetchLimit()))
        .map(rows -> Page.of(rows, page));
  }

  @GET
  @Path("/versions/{sha256}")
  @Operation(summary = "One version of a resource with its body (a unique SHA-256 prefix will do)")
  public Uni<VersionDocument> version(
      @PathParam("endpoint") @Pattern(regexp = QueryParams.ENDPOINT_PATTERN) String endpoint,
      @PathParam("resource") String resource,
      @PathParam("sha256") @Pattern(regexp = SHA_PATTERN) String sha256) {
    return resolve(endpoint, resource)
        .chain(id -> body(endpoint, id, sha256, "sha256"))
        .map(v -> new VersionDocument(v.version(), SchemaResource.json(v.body())));
  }

  @GET
  @Path("/diff")
  @Operation(summary = "The JSON Patch between two versions of a resource")
  public Uni<VersionDiff> diff(
      @PathParam("endpoint") @Pattern(regexp = QueryParams.ENDPOINT_PATTERN) String endpoint,
      @PathParam("resource") String resource,
      @QueryParam("from")
          @NotBlank
          @Pattern(regexp = SHA_PATTERN)
          @Parameter(description = "SHA-256 (or a unique prefix) of the older version")
          String from,
      @QueryParam("to")
          @NotBlank
          @Pattern(regexp = SHA_PATTERN)
          @Parameter(description = "SHA-256 (or a unique prefix) of the newer version")
          String to) {
    return resolve(endpoint, resource)
        .chain(
            id ->
                body(endpoint, id, from, "from")
                    .chain(
                        older ->
                            body(endpoint, id, to, "to")
                                .map(newer -> diff(endpoint, id, older, newer))));
  }

  @GET
  @Path("/changes")
  @Operation(summary = "The data changes of a resource, newest first")
  public Uni<Page<DataChangeDocument>> changes(
      @PathParam("endpoint") @Pattern(regexp = QueryParams.ENDPOINT_PATTERN) String endpoint,
      @PathParam("resource") String resource,
      @BeanParam PageRequest page) {
    page.checked();
    return resolve(endpoint, resource)
        .chain(id -> queries.changes(pool, endpoint, id, page.offset(), page.fetchLimit()))
        .map(rows -> Page.of(rows.stream().map(DataChangeDocument::of).toList(), page));
  }

  private Uni<String> resolve(String endpoint, String resource) {
    String checked = QueryParams.resource("resource", resource);
    return queries
        .resolve(pool, endpoint, checked)
        .map(
            id ->
                id.orElseThrow(
                    () ->
                        new NotFoundProblem(
                            "No resource '" + QueryParams.shown(checked) + "' of " + endpoint)));
  }

  private Uni<VersionBody> body(String endpoint, String id, String sha256, String parameter) {
    return queries
        .body(pool, endpoint, id, sha256.toLowerCase(java.util.Locale.ROOT))
        .map(
            found ->
                found.orElseThrow(
                    () ->
                        new NotFoundProblem(
                            "No single version of "
                                + endpoint
                                + "/"
                                + id
                                + " matches "
                                + parameter
                                + "="
                                + sha256)));
  }

  private static VersionDiff diff(
      String endpoint, String id, VersionBody older, VersionBody newer) {
    DataPatch patch =
        DataDiff.diff(SchemaResource.json(older.body()), SchemaResource.json(newer.body()));
    return new VersionDiff(
        endpoint,
        id,
        older.version().sha256(),
        newer.version().sha256(),
        Changes.of(patch),
        patch.toJsonPatch());
  }
}
