package io.pokeapi.observability.load.profile;

/** Splits whole numbers (users, connections) evenly between shares. */
public final class Shares {

  private Shares() {}

  /**
   * Share {@code index} of {@code total} split {@code count} ways: the first {@code total mod
   * count} shares get one more; the shares always sum to {@code total}.
   */
  public static int split(int total, int index, int count) {
    return total / count + (index < total % count ? 1 : 0);
  }
}
