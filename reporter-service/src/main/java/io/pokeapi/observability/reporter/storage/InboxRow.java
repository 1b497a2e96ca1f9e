package io.pokeapi.observability.reporter.storage;

import java.time.Instant;
import java.util.UUID;

/**
 * One Kafka record waiting to be reported.
 *
 * @param id the arrival order
 * @param kind what the payload is ({@link EventKind})
 * @param launchKey the run (probe or load) whose launch it belongs to; null when unknown
 * @param payload the event's contract JSON
 * @param step how many of its ReportPortal calls were already accepted
 * @param attempts how many times sending it failed
 */
public record InboxRow(
    long id,
    String topic,
    int partition,
    long offset,
    EventKind kind,
    UUID launchKey,
    String payload,
    Instant receivedAt,
    int step,
    int attempts) {}
