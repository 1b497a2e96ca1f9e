package io.pokeapi.observability.common.contract;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads UTF-8 JSON events with the {@link EventJson} configuration into a target class.
 *
 * <p><b>A malformed record never blocks the consumer.</b> Throwing from a deserializer makes {@code
 * poll()} fail on the same offset again and again, so instead, when a record cannot be decoded
 * (malformed JSON, a field the event needs is missing, a value of the wrong type), this
 * deserializer:
 *
 * <ol>
 *   <li>returns {@code null};
 *   <li>adds the header {@value #ERROR_HEADER} to the record, with the reason as UTF-8 text, so the
 *       service can tell it from a tombstone and route the record to a dead-letter topic;
 *   <li>counts it ({@link #failures()}) and logs a warning naming the topic (not the data).
 * </ol>
 *
 * <p>An unknown {@link RunEvent} {@code type} written by a newer producer also reads as {@code
 * null}, but without the header: it is not an error, the consumer just skips it.
 *
 * <p>Configure it either with a target class ({@code new
 * JsonEventDeserializer<>(CheckResult.class)} for plain kafka-clients, or a subclass such as {@link
 * CheckResultDeserializer} that Quarkus can instantiate), or by class name through the consumer
 * property {@value #VALUE_TYPE_CONFIG} (or {@value #KEY_TYPE_CONFIG} as a key deserializer).
 *
 * @param <T> the event type
 */
public class JsonEventDeserializer<T> implements Deserializer<T> {

  /** Consumer property naming the value class, for configuration by name. */
  public static final String VALUE_TYPE_CONFIG = "pokeapi.json.value.type";

  /** Consumer property naming the key class, for configuration by name. */
  public static final String KEY_TYPE_CONFIG = "pokeapi.json.key.type";

  /** Header added to a record that could not be decoded; its value is the reason. */
  public static final String ERROR_HEADER = "pokeapi.deserialization.error";

  private static final System.Logger LOG = System.getLogger(JsonEventDeserializer.class.getName());
  private static final int MAX_REASON_CHARS = 1000;

  private Class<T> type;
  private final AtomicLong failures = new AtomicLong();

  /** For configuration by class name ({@link #VALUE_TYPE_CONFIG}). */
  public JsonEventDeserializer() {}

  /** For a known target class. */
  public JsonEventDeserializer(Class<T> type) {
    this.type = type;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void configure(Map<String, ?> configs, boolean isKey) {
    Object configured = configs.get(isKey ? KEY_TYPE_CONFIG : VALUE_TYPE_CONFIG);
    if (configured == null) {
      if (type == null) {
        throw new IllegalStateException(
            "JsonEventDeserializer needs a target class: set "
                + (isKey ? KEY_TYPE_CONFIG : VALUE_TYPE_CONFIG)
                + " or use a subclass");
      }
      return;
    }
    if (configured instanceof Class<?> c) {
      type = (Class<T>) c;
    } else {
      try {
        type =
            (Class<T>)
                Class.forName(
                    configured.toString().strip(),
                    true,
                    Thread.currentThread().getContextClassLoader() != null
                        ? Thread.currentThread().getContextClassLoader()
                        : JsonEventDeserializer.class.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException("unknown event class " + configured, e);
      }
    }
  }

  /** The class this deserializer reads. */
  public Class<T> type() {
    return type;
  }

  /** How many records this instance could not decode. */
  public long failures() {
    return failures.get();
  }

  @Override
  public T deserialize(String topic, byte[] data) {
    return deserialize(topic, null, data);
  }

  @Override
  public T deserialize(String topic, Headers headers, byte[] data) {
    if (data == null) {
      return null;
    }
    if (type == null) {
      throw new SerializationException("JsonEventDeserializer used before it was configured");
    }
    try {
      return EventJson.mapper().readValue(data, type);
    } catch (Exception e) {
      failures.incrementAndGet();
      String reason = reason(e);
      LOG.log(
          System.Logger.Level.WARNING,
          "Undecodable {0} record on topic {1} ({2} bytes), returning null: {3}",
          type.getSimpleName(),
          topic,
          data.length,
          reason);
      markFailed(headers, reason);
      return null;
    }
  }

  private static String reason(Exception e) {
    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
    return message.length() > MAX_REASON_CHARS
        ? message.substring(0, MAX_REASON_CHARS) + "..."
        : message;
  }

  private static void markFailed(Headers headers, String reason) {
    if (headers == null) {
      return;
    }
    try {
      headers.add(ERROR_HEADER, reason.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalStateException readOnly) {
      // headers of an already-handed-out record; the null value and the count still tell
    }
  }
}
