package io.pokeapi.observability.common.contract;

import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes events as UTF-8 JSON with the {@link EventJson} configuration. A {@code null} event is
 * written as a {@code null} value (a tombstone). Use it as {@code value.serializer} in plain
 * kafka-clients or Quarkus messaging configuration; it needs no settings.
 *
 * @param <T> the event type
 */
public class JsonEventSerializer<T> implements Serializer<T> {

  @Override
  public byte[] serialize(String topic, T event) {
    return event == null ? null : EventJson.toBytes(event);
  }
}
