package io.pokeapi.observability.common.contract;

/**
 * Reads {@link DriftDetected} values; a class Quarkus messaging and kafka-clients can instantiate
 * by name. Undecodable records read as {@code null}, see {@link JsonEventDeserializer}.
 */
public class DriftDetectedDeserializer extends JsonEventDeserializer<DriftDetected> {

  public DriftDetectedDeserializer() {
    super(DriftDetected.class);
  }
}
