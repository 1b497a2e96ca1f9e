package io.pokeapi.observability.common.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import io.pokeapi.observability.common.testsupport.PokeApiData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Measures the drift engine on the real PokéAPI data: loads every resource of the four full
 * endpoints once, then times schema inference and the conformance (drift) check separately, each
 * after warm-up passes, and prints documents and megabytes (of uncompressed JSON) per second. For
 * context it also times a standard validator (networknt) on the emitted JSON Schemas and counts
 * what a previous-response comparison would flag. It prints figures only; nothing is asserted.
 *
 * <p>Run it with {@code deploy/bench/drift-engine.sh [--warmup N] [--passes N]}.
 */
public final class DriftEngineBenchmark {

  private record Endpoint(String name, List<JsonNode> documents, long bytes) {}

  private DriftEngineBenchmark() {}

  public static void main(String[] args) {
    int warmup = intOption(args, "--warmup", 3);
    int passes = intOption(args, "--passes", 5);
    Optional<Path> dataDir = PokeApiData.dataDir();
    if (dataDir.isEmpty()) {
      System.err.println(
          "Real PokéAPI data not found: set POKEAPI_DATA_DIR (or -Dpokeapi.data.dir) to a"
              + " directory holding api/v2");
      System.exit(2);
    }
    System.out.printf(
        Locale.ROOT,
        "drift engine benchmark: data %s, JVM %s, %d cores, max heap %d MB, warm-up %d, passes %d%n",
        dataDir.get(),
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        warmup,
        passes);

    List<Endpoint> endpoints = load(dataDir.get());
    long documents = endpoints.stream().mapToLong(e -> e.documents().size()).sum();
    long bytes = endpoints.stream().mapToLong(Endpoint::bytes).sum();

    Map<String, SchemaNode> schemas = new LinkedHashMap<>();
    for (Endpoint endpoint : endpoints) {
      schemas.put(endpoint.name(), SchemaInferrer.infer(endpoint.documents()));
      System.out.printf(
          Locale.ROOT,
          "  %-16s %5d resources %8.1f MB  schema: %5d nodes, JSON Schema %7.1f KB%n",
          endpoint.name(),
          endpoint.documents().size(),
          endpoint.bytes() / 1e6,
          nodeCount(schemas.get(endpoint.name())),
          schemas.get(endpoint.name()).toJsonSchema().toString().length() / 1e3);
    }

    measure(
        "inference",
        warmup,
        passes,
        documents,
        bytes,
        () -> {
          long nodes = 0;
          for (Endpoint endpoint : endpoints) {
            nodes += SchemaInferrer.infer(endpoint.documents()).observations().total();
          }
          return nodes;
        });
    measure(
        "conformance check",
        warmup,
        passes,
        documents,
        bytes,
        () -> {
          long changes = 0;
          for (Endpoint endpoint : endpoints) {
            SchemaNode schema = schemas.get(endpoint.name());
            for (JsonNode document : endpoint.documents()) {
              changes += SchemaConformance.check(schema, document).size();
            }
          }
          if (changes != 0) {
            throw new IllegalStateException(changes + " drift changes on the real data");
          }
          return changes;
        });
    Map<String, JsonSchema> validators = new LinkedHashMap<>();
    schemas.forEach(
        (name, schema) -> validators.put(name, StandardValidator.compile(schema.toJsonSchema())));
    measure(
        "networknt validation (reference)",
        1,
        Math.max(1, passes / 2),
        documents,
        bytes,
        () -> {
          long errors = 0;
          for (Endpoint endpoint : endpoints) {
            JsonSchema validator = validators.get(endpoint.name());
            for (JsonNode document : endpoint.documents()) {
              errors += validator.validate(document).size();
            }
          }
          return errors;
        });

    System.out.println("previous-response comparison (the original design), for contrast:");
    long flagged = 0;
    for (Endpoint endpoint : endpoints) {
      long endpointFlagged = 0;
      SchemaNode previous = null;
      for (JsonNode document : endpoint.documents()) {
        SchemaNode current = SchemaInferrer.infer(document);
        if (previous != null && !SchemaDiff.diff(previous, current).isEmpty()) {
          endpointFlagged++;
        }
        previous = current;
      }
      flagged += endpointFlagged;
      System.out.printf(
          Locale.ROOT,
          "  %-16s %5d of %5d resources differ in shape from the previous one%n",
          endpoint.name(),
          endpointFlagged,
          endpoint.documents().size());
    }
    System.out.printf(
        Locale.ROOT,
        "  total %d of %d flagged; against the endpoint schema: 0 of %d%n",
        flagged,
        documents,
        documents);
  }

  private static List<Endpoint> load(Path dataDir) {
    long start = System.nanoTime();
    List<Endpoint> endpoints = new ArrayList<>();
    for (String name : PokeApiData.FULL_ENDPOINTS) {
      List<JsonNode> documents = new ArrayList<>();
      long bytes = 0;
      for (Path file : PokeApiData.resourceFiles(dataDir, name)) {
        byte[] json = PokeApiData.readBytes(file);
        bytes += json.length;
        try {
          documents.add(DriftFixtures.MAPPER.readTree(json));
        } catch (IOException e) {
          throw new UncheckedIOException("cannot parse " + file, e);
        }
      }
      endpoints.add(new Endpoint(name, List.copyOf(documents), bytes));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long documents = endpoints.stream().mapToLong(e -> e.documents().size()).sum();
    long bytes = endpoints.stream().mapToLong(Endpoint::bytes).sum();
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    System.out.printf(
        Locale.ROOT,
        "loaded %d resources, %.1f MB of JSON, in %.1f s (gunzip + parse, cold: %.1f MB/s);"
            + " heap in use after GC %d MB%n",
        documents,
        bytes / 1e6,
        seconds,
        bytes / 1e6 / seconds,
        (runtime.totalMemory() - runtime.freeMemory()) >> 20);
    return endpoints;
  }

  @FunctionalInterface
  private interface Pass {
    long run();
  }

  private static void measure(
      String name, int warmup, int passes, long documents, long bytes, Pass pass) {
    long sink = 0;
    for (int i = 0; i < warmup; i++) {
      sink += pass.run();
    }
    double[] seconds = new double[passes];
    for (int i = 0; i < passes; i++) {
      long start = System.nanoTime();
      sink += pass.run();
      seconds[i] = (System.nanoTime() - start) / 1e9;
    }
    Arrays.sort(seconds);
    double median = seconds[passes / 2];
    double best = seconds[0];
    System.out.printf(
        Locale.ROOT,
        "%-34s median %7.3f s/pass: %9.0f docs/s %8.1f MB/s | best %7.3f s: %9.0f docs/s %8.1f"
            + " MB/s  (%d passes, sink %d)%n",
        name,
        median,
        documents / median,
        bytes / 1e6 / median,
        best,
        documents / best,
        bytes / 1e6 / best,
        passes,
        sink);
  }

  private static long nodeCount(SchemaNode node) {
    long count = 1;
    for (SchemaNode property : node.properties().values()) {
      count += nodeCount(property);
    }
    return count + node.items().map(DriftEngineBenchmark::nodeCount).orElse(0L);
  }

  private static int intOption(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
