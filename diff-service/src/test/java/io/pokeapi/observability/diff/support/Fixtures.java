package io.pokeapi.observability.diff.support;

import java.util.UUID;

/** Small hand-written PokéAPI-like bodies. */
public final class Fixtures {

  private Fixtures() {}

  /** An endpoint name no other test uses, so tests never see each other's schemas. */
  public static String uniqueEndpoint(String base) {
    return base + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A pokémon-like body. */
  public static String pokemon(int id, String name, int weight) {
    return """
        {"id":%d,"name":"%s","weight":%d,"base_experience":%d,\
        "types":[{"slot":1,"type":{"name":"electric","url":"/api/v2/type/13/"}}],\
        "stats":[{"base_stat":35,"stat":{"name":"hp"}},{"base_stat":55,"stat":{"name":"attack"}}]}\
        """
        .formatted(id, name, weight, 100 + id);
  }
}
