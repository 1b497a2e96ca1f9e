package io.pokeapi.observability.common.contract;

/**
 * Reads {@link CheckResult} values; a class Quarkus messaging and kafka-clients can instantiate by
 * name. Undecodable records read as {@code null}, see {@link JsonEventDeserializer}.
 */
public class CheckResultDeserializer extends JsonEventDeserializer<CheckResult> {

  public CheckResultDeserializer() {
    super(CheckResult.class);
  }
}
