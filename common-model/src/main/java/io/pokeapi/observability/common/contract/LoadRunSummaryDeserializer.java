package io.pokeapi.observability.common.contract;

/**
 * Reads {@link LoadRunSummary} values; a class Quarkus messaging and kafka-clients can instantiate
 * by name. Undecodable records read as {@code null}, see {@link JsonEventDeserializer}.
 */
public class LoadRunSummaryDeserializer extends JsonEventDeserializer<LoadRunSummary> {

  public LoadRunSummaryDeserializer() {
    super(LoadRunSummary.class);
  }
}
