package io.pokeapi.observability.pokeapidouble.fault;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault rules of a running double: add, replace, remove and list them, and set the seed that
 * makes their dice deterministic. Changes take effect for the next request. Thread-safe.
 */
public final class FaultRules {

  private final AtomicLong nextId = new AtomicLong(1);
  private volatile FaultTable table = FaultTable.EMPTY;
  private volatile Long seed;

  /** Rules that roll with {@code seed}, or randomly when it is null. */
  public FaultRules(Long seed) {
    this.seed = seed;
  }

  /** The snapshot requests consult. */
  public FaultTable table() {
    return table;
  }

  /** Adds a rule (after the existing ones) and returns it with its id. */
  public synchronized FaultRule add(FaultRule rule) {
    FaultRule stored = withId(rule);
    List<ActiveRule> rules = new ArrayList<>(table.all());
    rules.removeIf(r -> r.rule().id().equals(stored.id()));
    rules.add(new ActiveRule(stored, seed));
    table = new FaultTable(rules);
    return stored;
  }

  /** Replaces every rule; returns them with their ids. Fired counts start again from zero. */
  public synchronized List<FaultRule> replace(Collection<FaultRule> newRules) {
    Map<String, ActiveRule> rules = new LinkedHashMap<>();
    for (FaultRule rule : newRules) {
      FaultRule stored = withId(rule);
      rules.put(stored.id(), new ActiveRule(stored, seed));
    }
    table = new FaultTable(new ArrayList<>(rules.values()));
    return rules();
  }

  /** Removes the rule with this id; false when there is none. */
  public synchronized boolean remove(String id) {
    List<ActiveRule> rules = new ArrayList<>(table.all());
    boolean removed = rules.removeIf(r -> r.rule().id().equals(id));
    if (removed) {
      table = new FaultTable(rules);
    }
    return removed;
  }

  /** Removes every rule. */
  public synchronized void clear() {
    table = FaultTable.EMPTY;
  }

  /** The rules in force, in evaluation order. */
  public List<FaultRule> rules() {
    return table.all().stream().map(ActiveRule::rule).toList();
  }

  /** How often each rule (by id) has fired since it was added. */
  public Map<String, Long> firedCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    table.all().forEach(r -> counts.put(r.rule().id(), r.fired()));
    return counts;
  }

  /** The seed, or null when the dice are random. */
  public Long seed() {
    return seed;
  }

  /**
   * Sets the seed (null for random dice) and restarts every rule's sequence, so the same requests
   * see the same faults again.
   */
  public synchronized void reseed(Long newSeed) {
    seed = newSeed;
    List<ActiveRule> rules = new ArrayList<>();
    for (ActiveRule rule : table.all()) {
      rules.add(new ActiveRule(rule.rule(), newSeed));
    }
    table = new FaultTable(rules);
  }

  private FaultRule withId(FaultRule rule) {
    return rule.id() != null ? rule : rule.withId("rule-" + nextId.getAndIncrement());
  }
}
