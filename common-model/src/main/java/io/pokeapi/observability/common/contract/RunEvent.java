package io.pokeapi.observability.common.contract;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.UUID;

/**
 * An event of {@link Topics#RUN_EVENTS}. The JSON carries a {@code type} discriminator ({@code
 * run_started}, {@code run_finished}); read the topic as {@code RunEvent} and switch on the record.
 * A {@code type} this version does not know reads as {@code null}, like any undecodable record (see
 * {@link JsonEventDeserializer}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = RunStarted.class, name = RunStarted.TYPE),
  @JsonSubTypes.Type(value = RunFinished.class, name = RunFinished.TYPE)
})
public sealed interface RunEvent permits RunStarted, RunFinished {

  /** The layout version of the event. */
  int schemaVersion();

  /** The probe run. */
  UUID runId();

  /** The Kafka key: the run id. */
  default String messageKey() {
    return runId().toString();
  }
}
