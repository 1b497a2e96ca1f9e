package io.pokeapi.observability.common.contract;

/**
 * Reads {@link RunEvent} values; a class Quarkus messaging and kafka-clients can instantiate by
 * name. Undecodable records read as {@code null}, see {@link JsonEventDeserializer}.
 */
public class RunEventDeserializer extends JsonEventDeserializer<RunEvent> {

  public RunEventDeserializer() {
    super(RunEvent.class);
  }
}
