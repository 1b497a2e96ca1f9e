package io.pokeapi.observability.common.contract;

/**
 * Reads {@link LatencyRegressionDetected} values; a class Quarkus messaging and kafka-clients can
 * instantiate by name. Undecodable records read as {@code null}, see {@link JsonEventDeserializer}.
 */
public class LatencyRegressionDetectedDeserializer
    extends JsonEventDeserializer<LatencyRegressionDetected> {

  public LatencyRegressionDetectedDeserializer() {
    super(LatencyRegressionDetected.class);
  }
}
