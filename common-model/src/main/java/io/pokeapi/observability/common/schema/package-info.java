/**
 * The schema side of the drift engine: infer one schema per endpoint from many responses, store it
 * as JSON Schema, and find schema drift.
 *
 * <ul>
 *   <li>{@link io.pokeapi.observability.common.schema.SchemaInferrer} infers a {@link
 *       io.pokeapi.observability.common.schema.SchemaNode} from documents, one at a time, merging
 *       every array element and every resource; null is nullability, absence is optionality.
 *   <li>{@link io.pokeapi.observability.common.schema.JsonSchemaWriter} and {@link
 *       io.pokeapi.observability.common.schema.JsonSchemaReader} convert to and from JSON Schema
 *       draft 2020-12 without loss (the counts travel in an {@code x-observations} annotation).
 *   <li>{@link io.pokeapi.observability.common.schema.SchemaDiff} compares two schemas of an
 *       endpoint; {@link io.pokeapi.observability.common.schema.SchemaConformance} checks one
 *       document against a schema. Both report {@link
 *       io.pokeapi.observability.common.schema.SchemaChange}s: a {@link
 *       io.pokeapi.observability.common.schema.ChangeType}, a JSON Pointer path in which {@code *}
 *       stands for every array element, old and new state, and whether it breaks consumers.
 * </ul>
 *
 * <p>Schemas and results are immutable and safe to share between threads; an inferrer is not.
 */
package io.pokeapi.observability.common.schema;
