package io.pokeapi.observability.common.contract;

/**
 * Reads {@link ApiResponseCaptured} values; a class Quarkus messaging and kafka-clients can
 * instantiate by name. Undecodable records read as {@code null}, see {@link JsonEventDeserializer}.
 */
public class ApiResponseCapturedDeserializer extends JsonEventDeserializer<ApiResponseCaptured> {

  public ApiResponseCapturedDeserializer() {
    super(ApiResponseCaptured.class);
  }
}
