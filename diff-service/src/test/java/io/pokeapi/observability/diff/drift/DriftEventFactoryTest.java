package io.pokeapi.observability.diff.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.pokeapi.observability.common.contract.Change;
import io.pokeapi.observability.common.contract.DriftDetected;
import io.pokeapi.observability.common.contract.DriftKind;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.diff.storage.OutboxMessage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DriftEventFactoryTest {

  private final UUID run = UUID.randomUUID();
  private final Instant now = Instant.parse("2026-08-08T10:00:00Z");

  @Test
  void dataDriftIsKeyedLikeTheResourcesCaptures() {
    OutboxMessage message =
        DriftEventFactory.dataDrift(
            "pokemon",
            "pikachu",
            run,
            List.of(
                new Change(
                    "replace", "/weight", TextNode.valueOf("60"), TextNode.valueOf("61"), false)),
            "rel-b",
            "2026-08-06T08:15:22Z",
            now,
            true);

    assertThat(message.topic()).isEqualTo(Topics.DRIFT_EVENTS);
    assertThat(message.key()).isEqualTo("pokemon/pikachu");
    DriftDetected event = EventJson.fromJson(message.payload(), DriftDetected.class);
    assertThat(event.kind()).isEqualTo(DriftKind.DATA);
    assertThat(event.edgeInconsistency()).isTrue();
    assertThat(event.changes())
        .singleElement()
        .satisfies(c -> assertThat(c.path()).isEqualTo("/weight"));
  }

  @Test
  void aDataChangeTooLargeForKafkaKeepsItsPathsButNotItsValues() {
    String huge = "x".repeat(DriftEventFactory.MAX_PAYLOAD_CHARS);
    OutboxMessage message =
        DriftEventFactory.dataDrift(
            "pokemon",
            "151",
            run,
            List.of(
                new Change(
                    "replace", "/moves", TextNode.valueOf(huge), TextNode.valueOf("[]"), false)),
            "rel-b",
            null,
            now,
            false);

    assertThat(message.payload().length()).isLessThan(DriftEventFactory.MAX_PAYLOAD_CHARS);
    DriftDetected event = EventJson.fromJson(message.payload(), DriftDetected.class);
    assertThat(event.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.path()).isEqualTo("/moves");
              assertThat(c.oldValue()).isNull();
              assertThat(c.newValue()).isNull();
            });
  }

  @Test
  void schemaDriftIsKeyedByItsScope() {
    OutboxMessage message =
        DriftEventFactory.schemaDrift(
            "pokemon:list",
            run,
            List.of(
                new Change(
                    "field_added", "/results/*/id", null, TextNode.valueOf("integer"), false)),
            "rel-b",
            null,
            now);

    assertThat(message.key()).isEqualTo("pokemon:list");
    DriftDetected event = EventJson.fromJson(message.payload(), DriftDetected.class);
    assertThat(event.kind()).isEqualTo(DriftKind.SCHEMA);
    assertThat(event.resourceKey()).isNull();
  }
}
