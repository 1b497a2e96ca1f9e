package io.pokeapi.observability.common.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One difference found by the drift engine.
 *
 * <p>{@code oldValue} and {@code newValue} distinguish "no value" from "the JSON value null": a
 * Java {@code null} means there is no value (the field was added or removed) and is left out of the
 * JSON; a {@link com.fasterxml.jackson.databind.node.NullNode} is a JSON {@code null} value and is
 * written as {@code null}. Both survive a round trip.
 *
 * @param changeType what happened: for data drift the RFC 6902 operation ({@code add}, {@code
 *     remove}, {@code replace}, as {@code datadiff.DataChange.Op#rfcName()}); for schema drift the
 *     {@code schema.ChangeType} name in lower case ({@code field_added}, {@code type_changed},
 *     {@code became_nullable}...)
 * @param path RFC 6901 JSON Pointer of the changed location, for example {@code /stats/0/base_stat}
 * @param oldValue the value before, or {@code null} when there was none
 * @param newValue the value after, or {@code null} when there is none
 * @param breaking whether a client of the old shape or value could break
 */
public record Change(
    String changeType,
    String path,
    @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode oldValue,
    @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode newValue,
    boolean breaking) {}
