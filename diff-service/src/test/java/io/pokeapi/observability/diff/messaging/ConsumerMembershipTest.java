package io.pokeapi.observability.diff.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.common.testsupport.KafkaBroker;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.pokeapi.observability.diff.support.DiffTopicsResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 9: the diff service's consumers are static members of their groups (a {@code
 * group.instance.id} from the stable instance name), so a restarted instance takes its partitions
 * back at once: here a replica is "killed" (it leaves no goodbye, as after {@code kill -9}) and its
 * successor under the same instance id holds the same partitions within a few seconds, far inside
 * the session timeout a dynamic member would have had to wait out.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(DiffTopicsResource.class)
class ConsumerMembershipTest {

  private static final String REPLICA = "replica-under-test-" + ApiResponseConsumer.CHANNEL;

  @Inject ConsumerMembership membership;

  @ConfigProperty(name = "mp.messaging.incoming.api-responses.group.id")
  String groupId;

  @ConfigProperty(name = "mp.messaging.incoming.api-responses.session.timeout.ms")
  long sessionTimeout;

  @Test
  void theServiceConsumesAsAStaticMemberNamedAfterItsInstance() throws Exception {
    String expected = membership.instanceName() + "-" + ApiResponseConsumer.CHANNEL;
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                group().members().stream()
                    .anyMatch(m -> m.groupInstanceId().orElse("").equals(expected)));
  }

  @Test
  void aRestartedInstanceGetsItsPartitionsBackWithoutWaitingForTheSessionTimeout()
      throws Exception {
    Set<TopicPartition> before;
    try (KafkaConsumer<String, String> replica = replica()) {
      before = awaitAssignment(replica, Duration.ofSeconds(60));
    } // closed like a killed process: a static member does not leave its group
    try {
      long restarted = System.nanoTime();
      try (KafkaConsumer<String, String> successor = replica()) {
        Set<TopicPartition> after = awaitAssignment(successor, Duration.ofSeconds(60));
        Duration took = Duration.ofNanos(System.nanoTime() - restarted);
        System.out.printf(
            "ConsumerMembershipTest: partitions %s back after %d ms (session timeout %d ms)%n",
            after, took.toMillis(), sessionTimeout);
        assertThat(after).isEqualTo(before);
        assertThat(took.toMillis()).isLessThan(sessionTimeout / 2);
      }
    } finally {
      try (Admin admin = Admin.create(KafkaBroker.shared().clientConfig("membership-test"))) {
        admin
            .removeMembersFromConsumerGroup(
                groupId,
                new RemoveMembersFromConsumerGroupOptions(List.of(new MemberToRemove(REPLICA))))
            .all()
            .get();
      }
    }
  }

  private KafkaConsumer<String, String> replica() {
    Map<String, Object> config = new HashMap<>(KafkaBroker.shared().clientConfig(REPLICA));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    config.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, REPLICA);
    config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout);
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config);
    consumer.subscribe(List.of(Topics.API_RESPONSES));
    return consumer;
  }

  private static Set<TopicPartition> awaitAssignment(
      KafkaConsumer<String, String> consumer, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200));
      if (!consumer.assignment().isEmpty()) {
        return Set.copyOf(consumer.assignment());
      }
    }
    throw new AssertionError("no partitions assigned within " + timeout);
  }

  private ConsumerGroupDescription group() throws Exception {
    try (Admin admin = Admin.create(KafkaBroker.shared().clientConfig("membership-test"))) {
      return admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
    }
  }
}
