package io.pokeapi.observability.diff.storage;

/**
 * A Kafka message waiting in the outbox.
 *
 * @param id the outbox row ({@code 0} before it is stored)
 * @param topic the topic
 * @param key the message key
 * @param payload the JSON payload
 */
public record OutboxMessage(long id, String topic, String key, String payload) {

  /** A message to store. */
  public static OutboxMessage of(String topic, String key, String payload) {
    return new OutboxMessage(0, topic, key, payload);
  }
}
