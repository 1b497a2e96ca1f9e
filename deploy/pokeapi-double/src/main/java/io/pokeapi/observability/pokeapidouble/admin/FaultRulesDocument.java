package io.pokeapi.observability.pokeapidouble.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pokeapi.observability.pokeapidouble.fault.FaultRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A set of fault rules as JSON, for {@code PUT /_admin/faults} and {@code --faults FILE}: either an
 * array of rules or {@code {"seed": 42, "rules": [...]}}.
 *
 * @param seedGiven whether the document sets the seed
 * @param seed the seed (null: random dice)
 * @param rules the rules, in evaluation order
 */
public record FaultRulesDocument(boolean seedGiven, Long seed, List<FaultRule> rules) {

  /**
   * Reads a document.
   *
   * @throws IllegalArgumentException when a rule is invalid
   * @throws JsonProcessingException when the JSON is not a rules document
   */
  public static FaultRulesDocument parse(ObjectMapper mapper, byte[] json) throws IOException {
    JsonNode root = mapper.readTree(json);
    boolean seedGiven = false;
    Long seed = null;
    JsonNode rules = root;
    if (root != null && root.isObject()) {
      if (root.has("seed")) {
        seedGiven = true;
        JsonNode seedNode = root.get("seed");
        if (!seedNode.isNull() && !seedNode.canConvertToLong()) {
          throw new IllegalArgumentException("'seed' must be an integer or null");
        }
        seed = seedNode.isNull() ? null : seedNode.asLong();
      }
      rules = root.get("rules");
    }
    List<FaultRule> parsed = new ArrayList<>();
    if (rules != null && !rules.isNull() && !rules.isMissingNode()) {
      if (!rules.isArray()) {
        throw new IllegalArgumentException("'rules' must be an array of fault rules");
      }
      for (JsonNode rule : rules) {
        parsed.add(mapper.treeToValue(rule, FaultRule.class));
      }
    }
    return new FaultRulesDocument(seedGiven, seed, List.copyOf(parsed));
  }
}
