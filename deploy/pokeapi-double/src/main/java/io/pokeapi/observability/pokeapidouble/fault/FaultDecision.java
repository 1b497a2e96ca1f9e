package io.pokeapi.observability.pokeapidouble.fault;

/**
 * The faults that fired for one request: the total added latency and at most one fault that decides
 * the answer.
 *
 * @param latencyMs the delay before answering
 * @param terminal the fault that replaces or alters the answer, or null for the normal answer
 */
public record FaultDecision(long latencyMs, FaultRule terminal) {

  /** Nothing fired. */
  public static final FaultDecision NONE = new FaultDecision(0, null);

  /** Whether nothing fired. */
  public boolean none() {
    return latencyMs == 0 && terminal == null;
  }
}
