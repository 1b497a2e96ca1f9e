package io.pokeapi.observability.diff.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, items 1, 6 and 9: readiness tells the truth about ingestion. Not UP before the group
 * gave the consumer its partitions or while a rebalance took them away, nor while the database does
 * not answer; UP with dead letters, which show as degraded.
 */
class IngestReadinessCheckTest {

  private final IngestStatus status = new IngestStatus();
  private final IngestReadinessCheck check = new IngestReadinessCheck(status);

  @Test
  void downUntilTheGroupAssignedPartitions() {
    assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(data().get("membership")).isEqualTo("joining");

    status.assigned(List.of("pokeapi.api-responses-0", "pokeapi.api-responses-1"));
    assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(data().get("partitions"))
        .isEqualTo("pokeapi.api-responses-0,pokeapi.api-responses-1");
  }

  @Test
  void anInstanceTheGroupGaveNoPartitionIsReadyAsAStandby() {
    status.assigned(List.of());
    assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
  }

  @Test
  void downWhileARebalanceHasTakenThePartitionsAway() {
    status.assigned(List.of("pokeapi.api-responses-0"));
    status.revoked(List.of("pokeapi.api-responses-0"));
    assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(data().get("membership")).isEqualTo("rebalancing");
    status.assigned(List.of("pokeapi.api-responses-0"));
    assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
  }

  @Test
  void downWhileTheDatabaseDoesNotAnswerAndUpWhenItDoes() {
    status.assigned(List.of("pokeapi.api-responses-0"));
    status.storeUnavailable(new java.net.ConnectException("Connection refused"));
    HealthCheckResponse down = check.call();
    assertThat(down.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
    assertThat(data()).containsKey("storeUnavailableSince");
    status.storeAvailable();
    assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(data()).doesNotContainKey("storeUnavailableSince");
  }

  @Test
  void deadLettersLeaveTheServiceUpButDegraded() {
    status.assigned(List.of("pokeapi.api-responses-0"));
    assertThat(data().get("degraded")).isEqualTo(false);
    status.deadLetter();
    assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
    assertThat(data().get("deadLetters")).isEqualTo(1L);
    assertThat(data().get("degraded")).isEqualTo(true);
  }

  private java.util.Map<String, Object> data() {
    return check.call().getData().orElseThrow();
  }
}
