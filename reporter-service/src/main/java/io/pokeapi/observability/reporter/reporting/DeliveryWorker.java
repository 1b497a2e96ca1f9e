package io.pokeapi.observability.reporter.reporting;

import io.pokeapi.observability.reporter.config.ReporterConfig;
import io.pokeapi.observability.reporter.flaky.FlakinessMetrics;
import io.pokeapi.observability.reporter.metrics.ReporterMetrics;
import io.pokeapi.observability.reporter.portal.ReportPortalGateway;
import io.pokeapi.observability.reporter.portal.ReportingException;
import io.pokeapi.observability.reporter.portal.RpCall;
import io.pokeapi.observability.reporter.storage.EventKind;
import io.pokeapi.observability.reporter.storage.FlakyCheck;
import io.pokeapi.observability.reporter.storage.FlakyRepository;
import io.pokeapi.observability.reporter.storage.InboxRepository;
import io.pokeapi.observability.reporter.storage.InboxRow;
import io.pokeapi.observability.reporter.storage.LaunchRepository;
import io.pokeapi.observability.reporter.storage.LaunchState;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * The one thread that sends the inbox to ReportPortal, oldest row first. A row is deleted only
 * together with the launch state its calls produced, after ReportPortal accepted every call; the
 * number of accepted calls is written after each one, so that a restart resumes a row where it
 * stopped. While ReportPortal fails, the same call is retried with exponential backoff and nothing
 * behind it overtakes it, so each launch keeps its order.
 */
@ApplicationScoped
public class DeliveryWorker {

  private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);
  private static final Duration DB_WAIT = Duration.ofSeconds(60);

  private final Pool pool;
  private final InboxRepository inbox;
  private final LaunchRepository launches;
  private final FlakyRepository flaky;
  private final ReportPlanner planner;
  private final ReportPortalGateway gateway;
  private final ReporterMetrics metrics;
  private final FlakinessMetrics flakiness;
  private final ReporterConfig config;
  private final Map<UUID, LaunchState> cache = new ConcurrentHashMap<>();
  private final AtomicReference<String> lastError = new AtomicReference<>();
  private volatile Instant lastDelivered;
  private volatile boolean running;
  private volatile boolean uncertain = true;
  private Thread thread;

  public DeliveryWorker(
      Pool pool,
      InboxRepository inbox,
      LaunchRepository launches,
      FlakyRepository flaky,
      ReportPlanner planner,
      ReportPortalGateway gateway,
      ReporterMetrics metrics,
      FlakinessMetrics flakiness,
      ReporterConfig config) {
    this.pool = pool;
    this.inbox = inbox;
    this.launches = launches;
    this.flaky = flaky;
    this.planner = planner;
    this.gateway = gateway;
    this.metrics = metrics;
    this.flakiness = flakiness;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    running = true;
    thread = new Thread(this::loop, "reporter-delivery");
    thread.setDaemon(true);
    thread.start();
  }

  void onStop(@Observes ShutdownEvent event) throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.interrupt();
      thread.join(5_000);
    }
  }

  /** The last failure, or null after a success. */
  public String lastError() {
    return lastError.get();
  }

  /** When ReportPortal last accepted a row. */
  public Instant lastDelivered() {
    return lastDelivered;
  }

  private void loop() {
    Duration backoff = config.delivery().initialBackoff();
    boolean flakyLoaded = false;
    while (running) {
      try {
        if (!flakyLoaded) {
          for (FlakyCheck check : flaky.all().await().atMost(DB_WAIT)) {
            flakiness.update(check, false);
          }
          metrics.deadLetters(inbox.deadLetters().await().atMost(DB_WAIT));
          flakyLoaded = true;
        }
        boolean progressed = pass();
        backoff = config.delivery().initialBackoff();
        if (!progressed) {
          Thread.sleep(config.delivery().pollEvery().toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        uncertain = true;
        if (!(e instanceof RetryLater)) {
          metrics.error("internal");
          LOG.errorf(e, "Delivery pass failed; retrying in %s", backoff);
        }
        lastError.set(e.getMessage());
        try {
          Thread.sleep(backoff.toMillis());
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
        Duration doubled = backoff.multipliedBy(2);
        backoff =
            doubled.compareTo(config.delivery().maxBackoff()) > 0
                ? config.delivery().maxBackoff()
                : doubled;
      }
    }
  }

  /** One pass over the oldest rows; true when at least one was delivered. */
  boolean pass() {
    List<InboxRow> rows = inbox.oldest(config.delivery().batchSize()).await().atMost(DB_WAIT);
    if (rows.isEmpty()) {
      metrics.backlog(0);
      uncertain = false; // drained: no row is left that a crash or a failure may have cut short
      return false;
    }
    metrics.backlog(
        rows.size() < config.delivery().batchSize()
            ? rows.size()
            : inbox.count().await().atMost(DB_WAIT));
    Set<UUID> waiting = new HashSet<>();
    Set<UUID> runsWithPendingChecks = new HashSet<>();
    for (InboxRow row : rows) {
      if (row.kind() == EventKind.CHECK_RESULT && row.launchKey() != null) {
        runsWithPendingChecks.add(row.launchKey());
      }
    }
    Instant now = Instant.now();
    boolean progressed = false;
    for (InboxRow row : rows) {
      if (!running) {
        break;
      }
      UUID key = row.launchKey();
      if (key != null && waiting.contains(key) && row.kind() != EventKind.RUN_STARTED) {
        continue;
      }
      LaunchState state = key == null ? null : state(key);
      boolean checksPending =
          runsWithPendingChecks.contains(key)
              || (row.kind() == EventKind.RUN_FINISHED
                  && key != null
                  && rows.size() == config.delivery().batchSize()
                  && inbox.hasCheckResults(key).await().atMost(DB_WAIT));
      if (!planner.ready(row, state, now, checksPending)) {
        if (key != null && row.kind() != EventKind.RUN_FINISHED) {
          waiting.add(key); // keep the run's order: nothing of it overtakes the waiting row
        }
        continue;
      }
      Plan plan;
      try {
        plan = planner.plan(row, state);
      } catch (RuntimeException e) {
        LOG.errorf(
            e,
            "Inbox row %d (%s) cannot be reported; moved to the dead letters",
            row.id(),
            row.kind());
        deadLetter(row, "unreadable: " + e.getMessage());
        continue;
      }
      if (deliver(row, plan)) {
        progressed = true;
      }
    }
    metrics.backlog(inbox.count().await().atMost(DB_WAIT));
    return progressed;
  }

  private LaunchState state(UUID key) {
    LaunchState cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    LaunchState stored = launches.find(key).await().atMost(DB_WAIT);
    if (stored != null) {
      cache.put(key, stored);
    }
    return stored;
  }

  private boolean deliver(InboxRow row, Plan plan) {
    List<RpCall> calls = plan.calls();
    int step = Math.min(row.step(), calls.size());
    // the first call may have been accepted without the reporter knowing: after a start (a crash
    // may have cut a row short), after a failure (a timeout may hide an acceptance), or when the
    // row
    // was resumed part-way
    boolean maybeDone = uncertain || row.attempts() > 0 || row.step() > 0;
    for (int i = step; i < calls.size(); i++) {
      RpCall call = calls.get(i);
      try {
        gateway.send(call, maybeDone && i == step);
      } catch (ReportingException e) {
        metrics.error(e.reason());
        lastError.set(e.getMessage());
        inbox.recordFailure(row.id(), e.getMessage()).await().atMost(DB_WAIT);
        if (i > step) {
          inbox.recordStep(row.id(), i).await().atMost(DB_WAIT);
        }
        if (e.retryable()) {
          LOG.warnf(
              "ReportPortal did not accept %s of %s row %d: %s",
              call.kind(), row.kind().label(), row.id(), e.getMessage());
          throw new RetryLater(e.getMessage());
        }
        LOG.errorf(
            "ReportPortal refused %s of %s row %d for good (moved to the dead letters): %s",
            call.kind(), row.kind().label(), row.id(), e.getMessage());
        deadLetter(row, e.getMessage());
        return false;
      }
      if (i + 1 < calls.size()) {
        inbox.recordStep(row.id(), i + 1).await().atMost(DB_WAIT);
      }
    }
    commit(row, plan);
    lastError.set(null);
    lastDelivered = Instant.now();
    if (gateway.connected()) {
      metrics.published(row.kind().label());
    } else {
      metrics.unsent(row.kind().label());
    }
    return true;
  }

  private void commit(InboxRow row, Plan plan) {
    FlakyCheck[] counted = new FlakyCheck[1];
    pool.withTransaction(
            tx -> {
              Uni<Void> chain = Uni.createFrom().voidItem();
              if (plan.state() != null) {
                chain = chain.flatMap(v -> launches.save(tx, plan.state()));
              }
              if (plan.flaky() != null) {
                Plan.FlakyCount f = plan.flaky();
                chain =
                    chain.flatMap(
                        v ->
                            flaky
                                .count(tx, f.testName(), f.runs(), f.flakyAt())
                                .invoke(c -> counted[0] = c)
                                .replaceWithVoid());
              }
              return chain.flatMap(v -> inbox.delete(tx, row.id()));
            })
        .await()
        .atMost(DB_WAIT);
    if (plan.state() != null) {
      cache.put(plan.state().launchKey, plan.state());
    }
    if (counted[0] != null) {
      flakiness.update(counted[0], plan.flaky().flakyAt() != null);
    }
  }

  private void deadLetter(InboxRow row, String error) {
    pool.withTransaction(tx -> inbox.deadLetter(tx, row, error == null ? "unknown" : error))
        .await()
        .atMost(DB_WAIT);
    metrics.deadLetters(inbox.deadLetters().await().atMost(DB_WAIT));
  }

  /** ReportPortal is down or refused the key: the pass stops and is tried again after a wait. */
  static final class RetryLater extends RuntimeException {
    RetryLater(String message) {
      super(message, null, false, false);
    }
  }
}
