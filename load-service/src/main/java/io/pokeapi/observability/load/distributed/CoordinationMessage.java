package io.pokeapi.observability.load.distributed;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.pokeapi.observability.load.engine.ShareResult;
import io.pokeapi.observability.load.profile.LoadProfile;
import java.util.List;
import java.util.UUID;

/**
 * What replicas tell each other about a distributed run, on {@code load.distributed.topic} keyed by
 * run id (internal to load-service):
 *
 * <ul>
 *   <li>{@code offer} (coordinator → all): a run wants {@code replicas} replicas; {@code profile}
 *   <li>{@code join} (idle replica → coordinator): {@code from} takes part if chosen
 *   <li>{@code start} (coordinator → all): {@code participants} in share order start at {@code
 *       startAtEpochMillis}; those not named are released
 *   <li>{@code stop} (any → all): stop the run now
 *   <li>{@code result} (participant → coordinator): its {@code result}, or {@code failure}
 * </ul>
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CoordinationMessage(
    String type,
    UUID runId,
    String from,
    Integer replicas,
    LoadProfile profile,
    List<String> participants,
    Long startAtEpochMillis,
    ShareResult result,
    String failure) {

  public static final String OFFER = "offer";
  public static final String JOIN = "join";
  public static final String START = "start";
  public static final String STOP = "stop";
  public static final String RESULT = "result";

  public static CoordinationMessage offer(UUID run, String from, int replicas, LoadProfile p) {
    return new CoordinationMessage(OFFER, run, from, replicas, p, null, null, null, null);
  }

  public static CoordinationMessage join(UUID run, String from) {
    return new CoordinationMessage(JOIN, run, from, null, null, null, null, null, null);
  }

  public static CoordinationMessage start(
      UUID run, String from, List<String> participants, long startAt) {
    return new CoordinationMessage(START, run, from, null, null, participants, startAt, null, null);
  }

  public static CoordinationMessage stop(UUID run, String from) {
    return new CoordinationMessage(STOP, run, from, null, null, null, null, null, null);
  }

  public static CoordinationMessage result(UUID run, String from, ShareResult result) {
    return new CoordinationMessage(RESULT, run, from, null, null, null, null, result, null);
  }

  public static CoordinationMessage failure(UUID run, String from, String failure) {
    return new CoordinationMessage(RESULT, run, from, null, null, null, null, null, failure);
  }
}
