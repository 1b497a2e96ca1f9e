package io.pokeapi.observability.pokeapidouble.fault;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable snapshot of the rules in force, indexed for the request path: per endpoint, its own
 * rules first, then the global ones. Swapped as a whole whenever rules change, so a request reads
 * one volatile field and, when no rule exists, nothing else.
 */
public final class FaultTable {

  private static final ActiveRule[] NO_RULES = new ActiveRule[0];

  static final FaultTable EMPTY = new FaultTable(List.of());

  private final List<ActiveRule> all;
  private final ActiveRule[] global;
  private final Map<String, ActiveRule[]> byEndpoint;

  FaultTable(List<ActiveRule> rules) {
    this.all = List.copyOf(rules);
    List<ActiveRule> globals = new ArrayList<>();
    Map<String, List<ActiveRule>> specific = new HashMap<>();
    for (ActiveRule rule : rules) {
      if (rule.rule().global()) {
        globals.add(rule);
      } else {
        specific.computeIfAbsent(rule.rule().endpoint(), e -> new ArrayList<>()).add(rule);
      }
    }
    this.global = globals.toArray(NO_RULES);
    Map<String, ActiveRule[]> merged = new HashMap<>();
    specific.forEach(
        (endpoint, own) -> {
          List<ActiveRule> list = new ArrayList<>(own);
          list.addAll(globals);
          merged.put(endpoint, list.toArray(NO_RULES));
        });
    this.byEndpoint = Map.copyOf(merged);
  }

  /** Whether no rule is in force. */
  public boolean isEmpty() {
    return all.isEmpty();
  }

  List<ActiveRule> all() {
    return all;
  }

  /**
   * Rolls the dice of every rule that applies to a request: every firing latency rule adds its
   * delay; the first other rule that fires decides the answer. Rules that alter bodies are skipped
   * when the answer has none. Every fired fault is reported to {@code counter}.
   */
  public FaultDecision decide(String endpoint, boolean answerHasBody, FaultCounter counter) {
    ActiveRule[] rules = byEndpoint.get(endpoint);
    if (rules == null) {
      rules = global;
    }
    long latency = 0;
    FaultRule terminal = null;
    for (ActiveRule active : rules) {
      FaultRule rule = active.rule();
      if (rule.kind() == FaultKind.LATENCY) {
        if (active.fires()) {
          latency += rule.latencyMs();
          counter.injected(FaultKind.LATENCY);
        }
      } else if (terminal == null
          && (answerHasBody || !rule.kind().changesBody())
          && active.fires()) {
        terminal = rule;
        counter.injected(rule.kind());
      }
    }
    return latency == 0 && terminal == null
        ? FaultDecision.NONE
        : new FaultDecision(latency, terminal);
  }
}
