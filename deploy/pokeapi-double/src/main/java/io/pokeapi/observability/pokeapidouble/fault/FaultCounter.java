package io.pokeapi.observability.pokeapidouble.fault;

/** Receives every fault that fires, to count it. */
@FunctionalInterface
public interface FaultCounter {

  /** A fault of this kind was injected. */
  void injected(FaultKind kind);
}
