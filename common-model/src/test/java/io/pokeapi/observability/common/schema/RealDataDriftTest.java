package io.pokeapi.observability.common.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import io.pokeapi.observability.common.testsupport.PokeApiData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The drift engine on the real PokéAPI data set: for each endpoint whose every resource is in the
 * data, the schema inferred from all resources must report zero drift for every one of them (the
 * previous-response comparison of the original design flagged 1,614 of them). Skipped with a
 * message when the data set is absent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealDataDriftTest {

  private final Map<String, SchemaNode> schemas = new LinkedHashMap<>();
  private final Map<String, Long> listCounts = new LinkedHashMap<>();
  private final Map<String, Long> driftingResources = new LinkedHashMap<>();
  private final Map<String, Long> invalidResources = new LinkedHashMap<>();
  private final Map<String, Long> resourceCounts = new LinkedHashMap<>();

  /**
   * Reads every file once, endpoint by endpoint, so one endpoint's documents are held at a time.
   */
  @BeforeAll
  void inferAndCheckEveryEndpoint() {
    Path dataDir = PokeApiData.requireDataDir();
    for (String endpoint : PokeApiData.FULL_ENDPOINTS) {
      listCounts.put(
          endpoint,
          PokeApiData.readJson(PokeApiData.listFile(dataDir, endpoint)).get("count").asLong());
      List<JsonNode> documents = new ArrayList<>();
      SchemaInferrer inferrer = new SchemaInferrer();
      CompactJsonReader reader = new CompactJsonReader(); // parses each file once
      for (Path file : PokeApiData.resourceFiles(dataDir, endpoint)) {
        JsonNode document = reader.read(file);
        inferrer.add(document);
        documents.add(document);
      }
      SchemaNode schema = inferrer.schema();
      JsonSchema validator = StandardValidator.compile(schema.toJsonSchema());
      schemas.put(endpoint, schema);
      resourceCounts.put(endpoint, (long) documents.size());
      driftingResources.put(
          endpoint,
          documents.stream().filter(d -> !SchemaConformance.check(schema, d).isEmpty()).count());
      invalidResources.put(
          endpoint, documents.stream().filter(d -> !validator.validate(d).isEmpty()).count());
    }
  }

  @Test
  void everyResourceOfEveryEndpointIsRead() {
    assertThat(resourceCounts).isEqualTo(listCounts);
    assertThat(resourceCounts)
        .containsEntry("pokemon", 1351L)
        .containsEntry("pokemon-species", 1025L)
        .containsEntry("ability", 373L)
        .containsEntry("type", 21L);
    assertThat(resourceCounts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2770);
  }

  @Test
  void noResourceDriftsFromTheSchemaInferredFromAllResourcesOfItsEndpoint() {
    assertThat(driftingResources).allSatisfy((endpoint, drifting) -> assertThat(drifting).isZero());
  }

  @Test
  void aStandardValidatorAcceptsEveryResourceAgainstTheEmittedJsonSchema() {
    assertThat(invalidResources).allSatisfy((endpoint, invalid) -> assertThat(invalid).isZero());
  }

  @Test
  void theEmittedJsonSchemasReadBackUnchanged() {
    schemas.forEach(
        (endpoint, schema) ->
            assertThat(SchemaNode.fromJsonSchema(schema.toJsonSchema()))
                .as(endpoint)
                .isEqualTo(schema));
  }

  @Test
  void thePokemonSchemaHasTheKnownShape() {
    SchemaNode pokemon = schemas.get("pokemon");

    assertThat(pokemon.observations().total()).isEqualTo(1351);
    assertThat(pokemon.properties()).hasSize(21);
    assertThat(pokemon.required()).isEqualTo(pokemon.properties().keySet());

    SchemaNode baseExperience = pokemon.properties().get("base_experience");
    assertThat(baseExperience.types()).containsExactly(SchemaType.INTEGER);
    assertThat(baseExperience.nullable()).isTrue();
    assertThat(baseExperience.observations().count(ValueKind.NULL)).isEqualTo(49);

    SchemaNode frontDefault = pokemon.properties().get("sprites").properties().get("front_default");
    assertThat(frontDefault.types()).containsExactly(SchemaType.STRING);
    assertThat(frontDefault.nullable()).isTrue();
    assertThat(frontDefault.observations().count(ValueKind.NULL)).isEqualTo(11);

    SchemaNode heldItems = pokemon.properties().get("held_items");
    assertThat(heldItems.items()).as("merged from the pokemon that hold items").isPresent();
    assertThat(heldItems.items().orElseThrow().required()).contains("item", "version_details");
  }
}
