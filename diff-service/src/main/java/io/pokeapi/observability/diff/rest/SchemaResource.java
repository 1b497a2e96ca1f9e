package io.pokeapi.observability.diff.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.diff.storage.SchemaChangeView;
import io.pokeapi.observability.diff.storage.SchemaQueries;
import io.pokeapi.observability.diff.storage.SchemaQueries.ScopeSummary;
import io.pokeapi.observability.diff.storage.SchemaQueries.VersionSummary;
import io.pokeapi.observability.diff.storage.SchemaRepository;
import io.pokeapi.observability.diff.storage.StoredSchemaVersion;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The inferred JSON Schema of each scope and its history. A scope is an endpoint ({@code pokemon}),
 * its list pages ({@code pokemon:list}) or a sub-resource ({@code pokemon:encounters}).
 */
@Path("/api/v1/schemas")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "Schemas",
    description =
        "Inferred JSON Schemas of the PokéAPI endpoints (scopes: pokemon, pokemon:list,"
            + " pokemon:encounters, ...)")
public class SchemaResource {

  /**
   * A version of a scope's schema with the schema itself.
   *
   * @param scope the schema scope
   * @param version the version
   * @param current whether it is the current version
   * @param origin baseline (first full sweep), document (a document showed a new shape) or sweep (a
   *     later full sweep settled the shape)
   * @param runId the run that made it
   * @param releaseHash the release hash seen with it
   * @param deployDate the deploy date seen with it
   * @param documents the documents of the sweep that made it (or that it describes)
   * @param createdAt when it was made
   * @param schema the JSON Schema (draft 2020-12)
   * @param changes the changes it recorded
   */
  public record SchemaDocument(
      String scope,
      int version,
      boolean current,
      String origin,
      UUID runId,
      String releaseHash,
      String deployDate,
      long documents,
      Instant createdAt,
      JsonNode schema,
      List<SchemaChangeView> changes) {}

  private final Pool pool;
  private final SchemaQueries queries;
  private final SchemaRepository schemas;

  public SchemaResource(Pool pool, SchemaQueries queries, SchemaRepository schemas) {
    this.pool = pool;
    this.queries = queries;
    this.schemas = schemas;
  }

  @GET
  @Operation(summary = "The scopes that have a schema, with their current version")
  public Uni<Page<ScopeSummary>> scopes(@BeanParam PageRequest page) {
    page.checked();
    return queries.scopes(pool, page.offset(), page.fetchLimit()).map(rows -> Page.of(rows, page));
  }

  @GET
  @Path("/{scope}")
  @Operation(summary = "The current schema of an endpoint (or of its list pages, pokemon:list)")
  public Uni<SchemaDocument> current(
      @PathParam("scope") @Pattern(regexp = QueryParams.SCOPE_PATTERN) String scope) {
    return queries
        .scope(pool, scope)
        .map(
            head ->
                head.orElseThrow(
                    () ->
                        new NotFoundProblem(
                            "No schema for '"
                                + scope
                                + "' yet: the first full sweep of an endpoint establishes it")))
        .chain(head -> document(scope, head.currentVersion(), head.currentVersion()));
  }

  @GET
  @Path("/{scope}/versions")
  @Operation(summary = "The versions of a schema, newest first")
  public Uni<Page<VersionSummary>> versions(
      @PathParam("scope") @Pattern(regexp = QueryParams.SCOPE_PATTERN) String scope,
      @BeanParam PageRequest page) {
    page.checked();
    return queries
        .versions(pool, scope, page.offset(), page.fetchLimit())
        .map(rows -> Page.of(rows, page));
  }

  @GET
  @Path("/{scope}/versions/{version}")
  @Operation(summary = "One version of a schema, with the changes it recorded")
  public Uni<SchemaDocument> version(
      @PathParam("scope") @Pattern(regexp = QueryParams.SCOPE_PATTERN) String scope,
      @PathParam("version") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
          String versionText) {
    int version = (int) QueryParams.bounded("version", versionText, 1, Integer.MAX_VALUE);
    return queries
        .scope(pool, scope)
        .chain(head -> document(scope, version, head.map(ScopeSummary::currentVersion).orElse(-1)));
  }

  private Uni<SchemaDocument> document(String scope, int version, int currentVersion) {
    return schemas
        .version(pool, scope, version)
        .map(
            found ->
                found.orElseThrow(
                    () -> new NotFoundProblem("No version " + version + " of " + scope)))
        .chain(
            stored ->
                queries
                    .changesOf(pool, scope, version)
                    .map(changes -> document(stored, version == currentVersion, changes)));
  }

  private static SchemaDocument document(
      StoredSchemaVersion v, boolean current, List<SchemaChangeView> changes) {
    return new SchemaDocument(
        v.scope(),
        v.version(),
        current,
        v.origin().code(),
        v.runId(),
        v.releaseHash(),
        v.deployDate(),
        v.documents(),
        v.createdAt(),
        json(v.schemaJson()),
        changes);
  }

  static JsonNode json(String text) {
    try {
      return EventJson.mapper().readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON is not valid: " + e.getMessage(), e);
    }
  }
}
