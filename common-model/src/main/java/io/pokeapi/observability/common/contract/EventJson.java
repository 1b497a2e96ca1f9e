package io.pokeapi.observability.common.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration of the event contracts, shared by producers and consumers:
 *
 * <ul>
 *   <li>Unknown fields are ignored, so a newer producer never breaks an older consumer.
 *   <li>Absent fields read as {@code null} (lists as empty, numbers as 0); fields an event cannot
 *       do without (its run id, for example) make it undecodable instead.
 *   <li>An unknown enum value reads as the enum's {@code UNKNOWN}; an unknown {@code type} of a
 *       {@link RunEvent} reads as {@code null}.
 *   <li>{@code java.time} values are ISO-8601 strings ({@code 2026-08-08T06:49:31.123Z}, {@code
 *       PT0.0423S}), never numbers.
 *   <li>Field names are camelCase, as the record components.
 * </ul>
 *
 * <p>Quarkus services can apply {@link #configure(ObjectMapper)} in an {@code
 * ObjectMapperCustomizer} so their REST layer writes the same JSON.
 */
public final class EventJson {

  private static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());

  private EventJson() {}

  /** The shared, thread-safe mapper. Do not reconfigure it; use {@link #newMapper()} for that. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** A fresh mapper with the contract configuration. */
  public static ObjectMapper newMapper() {
    return configure(JsonMapper.builder().build());
  }

  /** Applies the contract configuration to {@code mapper} and returns it. */
  public static ObjectMapper configure(ObjectMapper mapper) {
    return mapper
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** The JSON text of an event. */
  public static String toJson(Object event) {
    try {
      return MAPPER.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + event.getClass().getName(), e);
    }
  }

  /** The UTF-8 JSON bytes of an event. */
  public static byte[] toBytes(Object event) {
    try {
      return MAPPER.writeValueAsBytes(event);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + event.getClass().getName(), e);
    }
  }

  /**
   * Reads an event.
   *
   * @return the event, or {@code null} for an unknown {@link RunEvent} type
   * @throws UncheckedIOException when the JSON is malformed or lacks a field the event needs
   */
  public static <T> T fromJson(String json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + type.getSimpleName() + ": " + e, e);
    }
  }

  /**
   * Reads an event from UTF-8 JSON bytes.
   *
   * @return the event, or {@code null} for an unknown {@link RunEvent} type
   * @throws UncheckedIOException when the JSON is malformed or lacks a field the event needs
   */
  public static <T> T fromBytes(byte[] json, Class<T> type) {
    try {
      return MAPPER.readValue(json, type);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + type.getSimpleName() + ": " + e, e);
    }
  }
}
