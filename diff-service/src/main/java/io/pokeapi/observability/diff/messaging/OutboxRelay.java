package io.pokeapi.observability.diff.messaging;

import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.diff.config.DiffConfig;
import io.pokeapi.observability.diff.storage.OutboxMessage;
import io.pokeapi.observability.diff.storage.OutboxRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Relays the events of the outbox table to Kafka, each to the topic its row names ({@code
 * pokeapi.drift-events}, {@code pokeapi.latency-regressions}): right after a transaction that wrote
 * some, and on a schedule for any left behind (a crash, Kafka down). A message leaves the outbox
 * only once Kafka acknowledged it, so none is lost; a crash between the acknowledgement and the
 * delete sends it again (at least once). Each topic has its outgoing channel; a row of another
 * topic goes through the drift events' channel.
 */
@ApplicationScoped
public class OutboxRelay {

  /** The drift events' channel, configured under {@code mp.messaging.outgoing.drift-events}. */
  public static final String DRIFT_CHANNEL = "drift-events";

  /**
   * The latency regressions' channel, configured under {@code
   * mp.messaging.outgoing.latency-regressions}.
   */
  public static final String LATENCY_REGRESSION_CHANNEL = "latency-regressions";

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

  private final Pool pool;
  private final OutboxRepository outbox;
  private final MutinyEmitter<String> driftEmitter;
  private final Map<String, MutinyEmitter<String>> emitterByTopic;
  private final int batchSize;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();

  public OutboxRelay(
      Pool pool,
      OutboxRepository outbox,
      @Channel(DRIFT_CHANNEL) MutinyEmitter<String> driftEmitter,
      @Channel(LATENCY_REGRESSION_CHANNEL) MutinyEmitter<String> latencyRegressionEmitter,
      DiffConfig config) {
    this.pool = pool;
    this.outbox = outbox;
    this.driftEmitter = driftEmitter;
    this.emitterByTopic =
        Map.of(
            Topics.DRIFT_EVENTS, driftEmitter,
            Topics.LATENCY_REGRESSIONS, latencyRegressionEmitter);
    this.batchSize = config.outbox().batchSize();
  }

  /** Starts a relay pass in the background (or asks the running one to go on). */
  public void relaySoon() {
    relay()
        .subscribe()
        .with(
            relayed -> {},
            failure -> LOG.warnf("Outbox events not relayed yet, will retry: %s", failure));
  }

  /** The scheduled sweep of the outbox. */
  @Scheduled(
      every = "${diff.outbox.sweep-every:2s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = Scheduled.ApplicationNotRunning.class)
  Uni<Void> sweep() {
    return relay()
        .onFailure()
        .invoke(failure -> LOG.warnf("Outbox events not relayed yet, will retry: %s", failure))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /**
   * Relays everything in the outbox; one pass per process at a time.
   *
   * @return how many messages were relayed
   */
  public Uni<Integer> relay() {
    if (!running.compareAndSet(false, true)) {
      again.set(true);
      return Uni.createFrom().item(0);
    }
    again.set(false);
    return relayAll(0)
        .eventually(() -> running.set(false))
        .chain(
            relayed ->
                again.getAndSet(false)
                    ? relay().map(more -> relayed + more)
                    : Uni.createFrom().item(relayed));
  }

  private Uni<Integer> relayAll(int sofar) {
    return pool.withTransaction(
            connection ->
                outbox
                    .claim(connection, batchSize)
                    .chain(
                        messages ->
                            send(messages)
                                .chain(
                                    () ->
                                        outbox.delete(
                                            connection,
                                            messages.stream().map(OutboxMessage::id).toList()))
                                .replaceWith(messages.size())))
        .chain(
            relayed ->
                relayed == batchSize
                    ? relayAll(sofar + relayed)
                    : Uni.createFrom().item(sofar + relayed));
  }

  private Uni<Void> send(List<OutboxMessage> messages) {
    return Multi.createFrom()
        .iterable(messages)
        .onItem()
        .transformToUniAndConcatenate(
            message ->
                emitterByTopic
                    .getOrDefault(message.topic(), driftEmitter)
                    .sendMessage(
                        Message.of(message.payload())
                            .addMetadata(
                                OutgoingKafkaRecordMetadata.<String>builder()
                                    .withKey(message.key())
                                    .withTopic(message.topic())
                                    .build())))
        .collect()
        .last()
        .replaceWithVoid();
  }
}
