package io.pokeapi.observability.diff.storage;

/**
 * A Kafka record that could not be stored after bounded retries, kept with the reason.
 *
 * @param topic the record's topic
 * @param partition its partition
 * @param offset its offset
 * @param key its key, or {@code null}
 * @param payload its value as JSON (re-encoded from the decoded event), or {@code null} when it
 *     could not be decoded
 * @param reason why it could not be stored
 */
public record DeadLetter(
    String topic, int partition, long offset, String key, String payload, String reason) {

  /** The longest reason kept. */
  public static final int MAX_REASON_CHARS = 2000;

  public DeadLetter {
    reason =
        reason == null
            ? "unknown"
            : reason.length() > MAX_REASON_CHARS ? reason.substring(0, MAX_REASON_CHARS) : reason;
  }
}
