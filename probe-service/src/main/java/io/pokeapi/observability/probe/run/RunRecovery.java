package io.pokeapi.observability.probe.run;

import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.KafkaMessageLimits;
import io.pokeapi.observability.common.contract.RunEvent;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.common.contract.RunStatus;
import io.pokeapi.observability.common.contract.RunTotals;
import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.probe.config.ProbeConfig;
import io.pokeapi.observability.probe.config.ProbeInstance;
import io.pokeapi.observability.probe.messaging.ProbeEventPublisher;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Makes runs survive a restart, using {@code pokeapi.run-events} itself as the durable store (the
 * probe has no database and may run in a container without a volume). At startup it reads the topic
 * back ({@code probe.recovery.lookback}):
 *
 * <ul>
 *   <li>every run that ended ({@code RunFinished}) goes back into the run registry, so {@code GET
 *       /api/runs/{id}} still answers after a restart;
 *   <li>every run that started and never ended, and that this instance owned (header {@value
 *       ProbeEventPublisher#INSTANCE_HEADER} equal to {@code probe.instance-id}), was cut short by
 *       a kill or a crash: it is closed with a {@code RunFinished} of status {@code aborted} on the
 *       topic (so the diff service stops waiting for it) and kept in the registry as {@code
 *       aborted}. A run of another instance (a live replica may still be running it) is closed only
 *       when it started more than {@code probe.recovery.orphan-after} ago, so is a run written
 *       without an instance.
 * </ul>
 *
 * When the broker cannot be read, recovery is tried again every {@code probe.recovery.retry-delay}
 * in the background; the service starts and serves meanwhile.
 */
@ApplicationScoped
public class RunRecovery {

  private static final Logger LOG = Logger.getLogger(RunRecovery.class);

  /** What one recovery did. */
  public record Result(int restored, List<UUID> aborted, int leftToTheirOwner) {}

  private record Seen(RunStarted started, String instance) {}

  private final ProbeConfig config;
  private final ProbeInstance instance;
  private final RunRegistry registry;
  private final ProbeEventPublisher publisher;
  private final Clock clock = Clock.systemUTC();
  private volatile Thread worker;
  private volatile boolean stopping;

  public RunRecovery(
      ProbeConfig config,
      ProbeInstance instance,
      RunRegistry registry,
      ProbeEventPublisher publisher) {
    this.config = config;
    this.instance = instance;
    this.registry = registry;
    this.publisher = publisher;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.recovery().enabled()) {
      return;
    }
    worker = Thread.ofVirtual().name("run-recovery").start(this::recoverUntilDone);
  }

  void onStop(@Observes ShutdownEvent event) {
    stopping = true;
    Thread t = worker;
    if (t != null) {
      t.interrupt();
    }
  }

  private void recoverUntilDone() {
    while (!stopping) {
      try {
        recover();
        return;
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warnf(
            "Could not read %s to close runs left open (%s); trying again in %s",
            Topics.RUN_EVENTS, e.toString(), config.recovery().retryDelay());
        try {
          Thread.sleep(config.recovery().retryDelay());
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  /**
   * Reads {@code pokeapi.run-events} back, restores the ended runs and closes the ones left open
   * that this instance may close.
   */
  public synchronized Result recover() throws InterruptedException {
    Instant now = clock.instant();
    Map<UUID, Seen> started = new LinkedHashMap<>();
    Map<UUID, RunFinished> finished = new HashMap<>();
    read(now.minus(config.recovery().lookback()), started, finished);

    int restored = 0;
    List<RunFinished> ended = new ArrayList<>(finished.values());
    ended.sort(Comparator.comparing(RunFinished::startedAt));
    for (RunFinished end : ended) {
      Run run = restoredRun(end, null);
      if (run != null && registry.restore(run)) {
        restored++;
      }
    }
    List<UUID> aborted = new ArrayList<>();
    int leftToTheirOwner = 0;
    for (Seen seen : started.values()) {
      RunStarted start = seen.started();
      if (finished.containsKey(start.runId()) || registry.find(start.runId()).isPresent()) {
        continue;
      }
      boolean mine = instance.id().equals(seen.instance());
      boolean orphan =
          start.startedAt() != null
              && start.startedAt().isBefore(now.minus(config.recovery().orphanAfter()));
      if (!mine && !orphan) {
        leftToTheirOwner++;
        continue;
      }
      String why =
          mine
              ? "the probe ("
                  + instance.id()
                  + ") stopped while the run was going; closed when it started again"
              : "left open by probe "
                  + (seen.instance() == null ? "(unknown)" : seen.instance())
                  + " for more than "
                  + config.recovery().orphanAfter()
                  + "; closed by "
                  + instance.id();
      RunFinished end = RunFinished.of(start, now, RunTotals.ZERO, RunStatus.ABORTED, null);
      publisher.publish(end);
      Run run = restoredRun(end, why);
      if (run != null) {
        registry.restore(run);
      }
      aborted.add(start.runId());
      LOG.warnf(
          "Run %s (%s, started %s) aborted: %s",
          start.runId(), start.suite(), start.startedAt(), why);
    }
    if (!publisher.flush(Duration.ofSeconds(60))) {
      throw new IllegalStateException("the aborted runs' RunFinished were not acknowledged");
    }
    Result result = new Result(restored, List.copyOf(aborted), leftToTheirOwner);
    LOG.infof(
        "Run recovery (instance %s): %d ended run(s) restored, %d left open and now aborted, %d"
            + " open run(s) of other instances left to them",
        instance.id(), restored, aborted.size(), leftToTheirOwner);
    return result;
  }

  private static Run restoredRun(RunFinished end, String why) {
    Suite suite;
    try {
      suite = Suite.fromId(end.suite());
    } catch (IllegalArgumentException unknown) {
      return null;
    }
    RunState state =
        switch (end.status() == null ? RunStatus.UNKNOWN : end.status()) {
          case COMPLETED -> RunState.COMPLETED;
          case CANCELLED -> RunState.CANCELLED;
          case ABORTED -> RunState.ABORTED;
          default -> RunState.FAILED;
        };
    return Run.restored(
        end.runId(),
        new RunRequest(suite, end.endpoints(), List.of(), end.trigger()),
        end.endpoints(),
        end.startedAt() == null ? end.finishedAt() : end.startedAt(),
        state,
        end.finishedAt(),
        end.totals(),
        end.capturesPublished(),
        why);
  }

  private void read(Instant since, Map<UUID, Seen> started, Map<UUID, RunFinished> finished)
      throws InterruptedException {
    Properties props = new Properties();
    props.put(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
        ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, "probe-run-recovery-" + instance.id());
    props.putAll(KafkaMessageLimits.consumerConfig());
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      List<PartitionInfo> infos = consumer.partitionsFor(Topics.RUN_EVENTS, Duration.ofSeconds(30));
      if (infos == null || infos.isEmpty()) {
        return;
      }
      List<TopicPartition> partitions =
          infos.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      Map<TopicPartition, Long> query = new HashMap<>();
      partitions.forEach(p -> query.put(p, since.toEpochMilli()));
      Map<TopicPartition, OffsetAndTimestamp> from =
          consumer.offsetsForTimes(query, Duration.ofSeconds(30));
      for (TopicPartition p : partitions) {
        OffsetAndTimestamp at = from.get(p);
        consumer.seek(p, at == null ? end.get(p) : at.offset());
      }
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("recovery stopped");
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("reading " + Topics.RUN_EVENTS + " took too long");
        }
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() == null) {
            continue;
          }
          RunEvent event;
          try {
            event = EventJson.fromBytes(record.value(), RunEvent.class);
          } catch (RuntimeException unreadable) {
            continue;
          }
          if (event instanceof RunStarted s) {
            Header header = record.headers().lastHeader(ProbeEventPublisher.INSTANCE_HEADER);
            String owner =
                header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
            started.put(s.runId(), new Seen(s, owner));
          } else if (event instanceof RunFinished f) {
            finished.put(f.runId(), f);
          }
        }
      }
    }
  }
}
