package io.pokeapi.observability.diff.drift;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.schema.ChangeType;
import io.pokeapi.observability.common.schema.SchemaChange;
import io.pokeapi.observability.common.schema.SchemaConformance;
import io.pokeapi.observability.common.schema.SchemaNode;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The schema drift one document can prove on its own, against its endpoint's current schema: a
 * field never seen, a type never seen at a place, or a null where there never was one.
 *
 * <p>A field missing from one document proves nothing about the API (other resources may still have
 * it), so "field gone" and "field now optional" are left to the end of a full sweep ({@link
 * SweepEvaluation}), which sees every document of the endpoint. Nor does a value at a place only
 * ever seen {@code null} prove anything ({@link SchemaChange#isFirstTypeOfANullOnlyPlace()}): the
 * place was already there and nullable, and a list's {@code next}, null on the single page of a
 * sweep, is a string on the pages a regression walks.
 */
public final class DocumentDrift {

  /** The change types a single document can prove. */
  public static final Set<ChangeType> PROVABLE_BY_ONE_DOCUMENT =
      EnumSet.of(ChangeType.FIELD_ADDED, ChangeType.TYPE_CHANGED, ChangeType.BECAME_NULLABLE);

  private DocumentDrift() {}

  /** The changes {@code document} proves against {@code schema}; empty in the usual case. */
  public static List<SchemaChange> check(SchemaNode schema, JsonNode document) {
    if (SchemaConformance.conforms(schema, document)) {
      return List.of();
    }
    return SchemaConformance.check(schema, document).stream()
        .filter(change -> PROVABLE_BY_ONE_DOCUMENT.contains(change.type()))
        .filter(change -> !change.isFirstTypeOfANullOnlyPlace())
        .toList();
  }
}
