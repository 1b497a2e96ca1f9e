package io.pokeapi.observability.diff.benchmark;

import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.pokeapi.observability.common.contract.ApiResponseCaptured;
import io.pokeapi.observability.common.contract.EventJson;
import io.pokeapi.observability.common.contract.RunFinished;
import io.pokeapi.observability.common.contract.RunStarted;
import io.pokeapi.observability.common.contract.RunStatus;
import io.pokeapi.observability.common.contract.RunTotals;
import io.pokeapi.observability.common.contract.RunTrigger;
import io.pokeapi.observability.common.contract.Topics;
import io.pokeapi.observability.common.testsupport.KafkaBrokerResource;
import io.pokeapi.observability.common.testsupport.PokeApiData;
import io.pokeapi.observability.common.testsupport.PostgresDatabaseResource;
import io.pokeapi.observability.diff.ingest.ResponseIngestor;
import io.pokeapi.observability.diff.support.Captures;
import io.pokeapi.observability.diff.support.Db;
import io.pokeapi.observability.diff.support.DiffTopicsResource;
import io.pokeapi.observability.diff.support.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Ingests a full sweep of the 2,770 real resources (pokemon, pokemon-species, ability, type) end to
 * end, first into an empty store and then again unchanged, and prints documents per second, MB per
 * second and the rows written for each. Opt-in, since it moves 382 MB twice:
 *
 * <pre>
 * ./mvnw -B -pl diff-service -am verify -Dbenchmark=true \
 *     -Dtest=FullSweepIngestBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * The figures go to standard output (the Surefire report file {@code
 * FullSweepIngestBenchmark-output.txt}). Times include producing to Kafka, which runs concurrently
 * with the service consuming, as in production.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(PostgresDatabaseResource.class)
@WithTestResource(DiffTopicsResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class FullSweepIngestBenchmark {

  private static final String RELEASE = "0d8fe2bf23d53f44456dc8dd2c861c5dab827146";
  private static final List<String> TABLES =
      List.of(
          "snapshots",
          "resource_heads",
          "resource_keys",
          "schema_shapes",
          "run_shapes",
          "schema_versions",
          "schema_changes",
          "data_changes",
          "latency_samples",
          "outbox_events");

  @Inject Pool pool;
  @Inject MeterRegistry registry;
  @Inject ResponseIngestor ingestor;

  @Test
  void fullSweepFirstTimeThenUnchanged() throws Exception {
    Path dataDir = PokeApiData.requireDataDir();
    List<Path> files = new ArrayList<>();
    for (String endpoint : PokeApiData.FULL_ENDPOINTS) {
      files.addAll(PokeApiData.resourceFiles(dataDir, endpoint));
    }
    Db db = new Db(pool);
    System.out.printf(
        "%nFull sweep ingest benchmark: %d resources from %s%n", files.size(), dataDir);

    Phase first = sweep(db, files, Instant.now().minus(Duration.ofHours(2)));
    Phase unchanged = sweep(db, files, Instant.now().minus(Duration.ofHours(1)));
    Phase inProcess = sweepInProcess(db, files, Instant.now());

    System.out.println();
    System.out.printf(
        "%-20s %9s %9s %11s %9s %11s %11s%n",
        "sweep", "documents", "MB", "seconds", "docs/s", "MB/s", "run settled");
    first.print("first");
    unchanged.print("unchanged");
    inProcess.print("unchanged, no Kafka");
    System.out.println();
    System.out.printf("%-22s %12s %12s %12s%n", "rows written", "first", "unchanged", "no Kafka");
    for (String table : TABLES) {
      System.out.printf(
          "%-22s %12d %12d %12d%n",
          table,
          first.rowsWritten().get(table),
          unchanged.rowsWritten().get(table),
          inProcess.rowsWritten().get(table));
    }
    System.out.printf(
        "%-22s %12d %12d %12d%n",
        "snapshots touched",
        first.snapshotsTouched(),
        unchanged.snapshotsTouched(),
        inProcess.snapshotsTouched());
    System.out.printf(
        "%-22s %12s %12s %12s%n",
        "database size",
        mb(first.databaseBytes()),
        mb(unchanged.databaseBytes()),
        mb(inProcess.databaseBytes()));
  }

  /**
   * The unchanged sweep again, handed to the ingest pipeline directly in batches of 100 (the
   * consumer's batch size): the service's own cost without Kafka.
   */
  private Phase sweepInProcess(Db db, List<Path> files, Instant start) {
    Map<String, Long> before = counts(db);
    UUID run = UUID.randomUUID();
    List<ApiResponseCaptured> captures = new ArrayList<>();
    long bytes = 0;
    int i = 0;
    for (Path file : files) {
      String body = new String(PokeApiData.readBytes(file), StandardCharsets.UTF_8);
      bytes += body.getBytes(StandardCharsets.UTF_8).length;
      captures.add(
          Captures.ok(
              run,
              "sweep",
              file.getParent().getParent().getFileName().toString(),
              file.getParent().getFileName().toString(),
              body,
              RELEASE,
              start.plusMillis(i++),
              Duration.ofMillis(40)));
    }
    long t0 = System.nanoTime();
    for (int from = 0; from < captures.size(); from += 100) {
      ingestor
          .ingest(captures.subList(from, Math.min(captures.size(), from + 100)))
          .await()
          .atMost(Duration.ofMinutes(2));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Map<String, Long> after = counts(db);
    Map<String, Long> written = new LinkedHashMap<>();
    TABLES.forEach(t -> written.put(t, after.get(t) - before.get(t)));
    return new Phase(
        files.size(),
        bytes,
        seconds,
        seconds,
        written,
        db.count("SELECT count(*) FROM snapshots WHERE last_run_id = $1", run),
        db.count("SELECT pg_database_size(current_database())"));
  }

  private Phase sweep(Db db, List<Path> files, Instant start) throws Exception {
    Map<String, Long> before = counts(db);
    UUID run = UUID.randomUUID();
    RunStarted started =
        RunStarted.of(run, "sweep", RunTrigger.API, PokeApiData.FULL_ENDPOINTS, start);
    TestKafka.publishRunEvents(started);
    double ingestedBefore = counter("pokeapi.captures.ingested");
    long bytes = 0;
    long t0 = System.nanoTime();
    try (KafkaProducer<String, String> producer = TestKafka.producer()) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      int i = 0;
      for (Path file : files) {
        String endpoint = file.getParent().getParent().getFileName().toString();
        String id = file.getParent().getFileName().toString();
        String body = new String(PokeApiData.readBytes(file), StandardCharsets.UTF_8);
        bytes += body.getBytes(StandardCharsets.UTF_8).length;
        ApiResponseCaptured capture =
            Captures.ok(
                run,
                "sweep",
                endpoint,
                id,
                body,
                RELEASE,
                start.plusMillis(i++),
                Duration.ofMillis(40));
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    Topics.API_RESPONSES, capture.messageKey(), EventJson.toJson(capture))));
      }
      for (Future<RecordMetadata> future : sent) {
        future.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not publish", e.getCause());
    }
    TestKafka.publishRunEvents(
        RunFinished.of(
            started,
            start.plusSeconds(600),
            new RunTotals(files.size(), files.size(), 0, 0),
            RunStatus.COMPLETED));
    await()
        .atMost(Duration.ofMinutes(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> counter("pokeapi.captures.ingested") - ingestedBefore >= files.size());
    double ingestSeconds = (System.nanoTime() - t0) / 1e9;
    await()
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                db.count(
                        "SELECT count(*) FROM probe_runs WHERE run_id = $1 AND finalized_at IS NOT NULL",
                        run)
                    == 1);
    double settledSeconds = (System.nanoTime() - t0) / 1e9;
    Map<String, Long> after = counts(db);
    Map<String, Long> written = new LinkedHashMap<>();
    TABLES.forEach(t -> written.put(t, after.get(t) - before.get(t)));
    return new Phase(
        files.size(),
        bytes,
        ingestSeconds,
        settledSeconds,
        written,
        db.count("SELECT count(*) FROM snapshots WHERE last_run_id = $1", run),
        db.count("SELECT pg_database_size(current_database())"));
  }

  private static Map<String, Long> counts(Db db) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, db.count("SELECT count(*) FROM " + table));
    }
    return counts;
  }

  private double counter(String name) {
    var counter = registry.find(name).counter();
    return counter == null ? 0 : counter.count();
  }

  private static String mb(long bytes) {
    return String.format("%.1f MB", bytes / 1e6);
  }

  private record Phase(
      int documents,
      long bytes,
      double seconds,
      double settledSeconds,
      Map<String, Long> rowsWritten,
      long snapshotsTouched,
      long databaseBytes) {

    void print(String name) {
      System.out.printf(
          "%-20s %9d %9.1f %11.1f %9.0f %11.1f %10.1fs%n",
          name,
          documents,
          bytes / 1e6,
          seconds,
          documents / seconds,
          bytes / 1e6 / seconds,
          settledSeconds);
    }
  }
}
