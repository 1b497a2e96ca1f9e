/**
 * The Kafka contracts between the pokeapi-observability services: topic names and keys ({@link
 * io.pokeapi.observability.common.contract.Topics}), the versioned event records, their JSON form
 * ({@link io.pokeapi.observability.common.contract.EventJson}), the Kafka serde and the size limits
 * that let megabyte-sized PokéAPI bodies through ({@link
 * io.pokeapi.observability.common.contract.KafkaMessageLimits}).
 *
 * <p>Compatibility rules, which every change to these records must keep:
 *
 * <ul>
 *   <li>Field names are camelCase on the wire; {@code java.time} values are ISO-8601 strings.
 *   <li>Adding a field is compatible: readers ignore fields they do not know.
 *   <li>Optional fields may be absent: they read as {@code null}, lists as empty.
 *   <li>An enum value a reader does not know reads as that enum's {@code UNKNOWN}.
 *   <li>Renaming or removing a field, or changing its meaning, is a new {@code schemaVersion}.
 * </ul>
 */
package io.pokeapi.observability.common.contract;
