package io.pokeapi.observability.common.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.Set;

/**
 * Validates documents against our emitted JSON Schemas with a maintained, independent validator
 * (networknt json-schema-validator, draft 2020-12), the way a user's tool would. Our {@code
 * x-observations} annotation is declared as such so the validator does not warn about it.
 */
public final class StandardValidator {

  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(
          SpecVersion.VersionFlag.V202012,
          builder ->
              builder.metaSchema(
                  JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                      .keyword(new AnnotationKeyword(JsonSchemaWriter.OBSERVATIONS_KEYWORD))
                      .build()));

  private StandardValidator() {}

  /** A compiled validator for one emitted JSON Schema. */
  public static JsonSchema compile(JsonNode jsonSchema) {
    return FACTORY.getSchema(jsonSchema);
  }

  /** The validation errors of {@code document} against {@code jsonSchema}; empty when valid. */
  public static Set<ValidationMessage> validate(JsonNode jsonSchema, JsonNode document) {
    return compile(jsonSchema).validate(document);
  }
}
