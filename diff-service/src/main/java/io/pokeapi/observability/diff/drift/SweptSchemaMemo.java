package io.pokeapi.observability.diff.drift;

import io.pokeapi.observability.common.schema.SchemaNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema the last evaluated full sweep of each scope merged from its shapes, so that a sweep
 * that saw the same shapes (every unchanged sweep) does not read and merge them again. Evaluating
 * the pokemon scope of an unchanged sweep meant reading about 200 stored shape schemas, parsing and
 * merging them: most of half a second inside the run's evaluation transaction, on every sweep.
 *
 * <p>Exact: a shape is stored once per fingerprint and never rewritten, so the same fingerprints
 * always merge into the same schema. One entry per scope.
 */
final class SweptSchemaMemo {

  private record Swept(List<String> fingerprints, SchemaNode schema) {}

  private final Map<String, Swept> swept = new ConcurrentHashMap<>();

  /** The merged schema of a scope's shapes, when the last sweep merged exactly these. */
  SchemaNode sweptSchema(String scope, List<String> fingerprints) {
    Swept last = swept.get(scope);
    return last != null && last.fingerprints().equals(fingerprints) ? last.schema() : null;
  }

  /** Remembers the merged schema of a scope's shapes. */
  void rememberSwept(String scope, List<String> fingerprints, SchemaNode schema) {
    swept.put(scope, new Swept(List.copyOf(fingerprints), schema));
  }
}
