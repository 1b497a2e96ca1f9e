package io.pokeapi.observability.common.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the hand-written JSON fixtures under {@code src/test/resources/contract}. */
final class ContractFixtures {

  private ContractFixtures() {}

  static String read(String name) {
    try (InputStream in = ContractFixtures.class.getResourceAsStream("/contract/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture contract/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
