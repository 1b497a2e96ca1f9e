package io.pokeapi.observability.pokeapidouble;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.pokeapi.observability.pokeapidouble.admin.FaultRulesDocument;
import io.pokeapi.observability.pokeapidouble.data.DataSet;
import io.pokeapi.observability.pokeapidouble.server.AdminReach;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs a double from the command line; every option also reads an environment variable, so the
 * container image needs no arguments.
 */
@Command(
    name = "pokeapi-double",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Serves a PokéAPI data directory (api-data layout) the way pokeapi.co does.")
public final class Main implements Callable<Integer> {

  @Option(
      names = {"-d", "--data-dir"},
      description =
          "Directory holding api/v2 (env POKEAPI_DOUBLE_DATA_DIR, then POKEAPI_DATA_DIR).")
  Path dataDir;

  @Option(
      names = "--host",
      defaultValue = "${env:POKEAPI_DOUBLE_HOST:-0.0.0.0}",
      description = "Address to listen on (env POKEAPI_DOUBLE_HOST; default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = {"-p", "--port"},
      defaultValue = "${env:POKEAPI_DOUBLE_PORT:-8080}",
      description = "Port, 0 for any free one (env POKEAPI_DOUBLE_PORT; default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--admin",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "${env:POKEAPI_DOUBLE_ADMIN:-false}",
      description = "Serve /_admin/ (reload, faults, metrics) (env POKEAPI_DOUBLE_ADMIN).")
  boolean admin;

  @Option(
      names = "--admin-host",
      defaultValue = "${env:POKEAPI_DOUBLE_ADMIN_HOST:-127.0.0.1}",
      description =
          "Local address admin requests must arrive on: 127.0.0.1 (loopback only, the default),"
              + " 0.0.0.0 for any (then set POKEAPI_DOUBLE_ADMIN_TOKEN) (env"
              + " POKEAPI_DOUBLE_ADMIN_HOST).")
  String adminHost;

  @Option(
      names = "--event-loops",
      defaultValue = "${env:POKEAPI_DOUBLE_EVENT_LOOPS:-0}",
      description = "Event loops, 0 for one per CPU (env POKEAPI_DOUBLE_EVENT_LOOPS).")
  int eventLoops;

  @Option(
      names = "--fault-seed",
      defaultValue = "${env:POKEAPI_DOUBLE_FAULT_SEED}",
      description = "Seed that makes fault dice deterministic (env POKEAPI_DOUBLE_FAULT_SEED).")
  Long faultSeed;

  @Option(
      names = "--faults",
      defaultValue = "${env:POKEAPI_DOUBLE_FAULTS_FILE}",
      description =
          "JSON file of fault rules in force from the start, as PUT /_admin/faults takes"
              + " (env POKEAPI_DOUBLE_FAULTS_FILE).")
  Path faultsFile;

  @Option(
      names = "--missing-encounters",
      defaultValue = "${env:POKEAPI_DOUBLE_MISSING_ENCOUNTERS:-EMPTY_LIST}",
      description =
          "Answer for pokemon/<id>/encounters when the data has no such file: ${COMPLETION-CANDIDATES}"
              + " (default ${DEFAULT-VALUE}).")
  MissingEncounters missingEncounters;

  @Option(
      names = "--trust-forwarded-headers",
      arity = "0..1",
      fallbackValue = "true",
      defaultValue = "${env:POKEAPI_DOUBLE_TRUST_FORWARDED:-false}",
      description = "Build URLs from X-Forwarded-Proto/-Host (env POKEAPI_DOUBLE_TRUST_FORWARDED).")
  boolean trustForwarded;

  @Option(
      names = "--max-base-urls",
      defaultValue = "8",
      description = "Distinct base URLs that get a render cache (default ${DEFAULT-VALUE}).")
  int maxBaseUrls;

  @Option(
      names = "--render-cache-mb",
      defaultValue = "0",
      description = "Megabytes of rendered bodies to cache, 0 for half the heap.")
  long renderCacheMb;

  @Override
  public Integer call() throws IOException {
    DoubleConfig config = toConfig();
    long started = System.nanoTime();
    PokeApiDouble pokeApi = PokeApiDouble.start(config);
    long startMs = (System.nanoTime() - started) / 1_000_000;
    Runtime.getRuntime().addShutdownHook(new Thread(pokeApi::close, "pokeapi-double-shutdown"));
    DataSet data = pokeApi.data();
    System.out.printf(
        "pokeapi-double listening on %s:%d (%d event loops on %s, admin %s): %d resources from"
            + " %s, hash %s; started in %d ms%n",
        config.host(),
        pokeApi.port(),
        config.eventLoops(),
        pokeApi.nativeTransport() ? "epoll" : "NIO",
        adminDescription(config),
        data.resourceCount(),
        data.dataDir(),
        data.hash(),
        startMs);
    return 0;
  }

  /** How the startup line describes the admin interface; the token itself is never printed. */
  static String adminDescription(DoubleConfig config) {
    if (!config.adminEnabled()) {
      return "off";
    }
    AdminReach reach = AdminReach.of(config.adminHost());
    return "on at /_admin/ for connections to "
        + (reach.loopbackOnly() ? "the loopback only" : config.adminHost())
        + (config.adminToken() == null ? ", no token" : ", token required (****)");
  }

  /** The configuration the parsed options and the environment describe. */
  DoubleConfig toConfig() throws IOException {
    Path directory = dataDir != null ? dataDir : fromEnvironment();
    if (directory == null) {
      throw new CommandLine.ParameterException(
          new CommandLine(this),
          "No data directory: pass --data-dir or set POKEAPI_DOUBLE_DATA_DIR");
    }
    DoubleConfig.Builder config =
        DoubleConfig.builder(directory)
            .host(host)
            .port(port)
            .adminEnabled(admin)
            .adminHost(adminHost)
            .adminToken(adminToken())
            .missingEncounters(missingEncounters)
            .trustForwardedHeaders(trustForwarded)
            .maxBaseUrls(maxBaseUrls)
            .faultSeed(faultSeed);
    if (eventLoops > 0) {
      config.eventLoops(eventLoops);
    }
    if (renderCacheMb > 0) {
      config.renderCacheBytes(renderCacheMb << 20);
    }
    if (faultsFile != null) {
      FaultRulesDocument faults =
          FaultRulesDocument.parse(new ObjectMapper(), Files.readAllBytes(faultsFile));
      config.initialFaults(faults.rules());
      if (faults.seedGiven() && faultSeed == null) {
        config.faultSeed(faults.seed());
      }
    }
    return config.build();
  }

  /** The admin token, from the environment only (a command line shows in {@code ps}). */
  String adminToken() {
    String token = environment.apply("POKEAPI_DOUBLE_ADMIN_TOKEN");
    return token == null || token.isBlank() ? null : token.strip();
  }

  /** Reads environment variables; tests replace it. */
  java.util.function.UnaryOperator<String> environment = System::getenv;

  private static Path fromEnvironment() {
    for (String name : List.of("POKEAPI_DOUBLE_DATA_DIR", "POKEAPI_DATA_DIR")) {
      String value = System.getenv(name);
      if (value != null && !value.isBlank()) {
        return Path.of(value);
      }
    }
    return null;
  }

  /** The picocli command line for {@code main}. */
  static CommandLine commandLine(Main main) {
    return new CommandLine(main).setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** Starts a double; the JVM keeps running until it is stopped. */
  public static void main(String[] args) {
    // Standalone only (never set for an embedded double): the double writes only headers it built
    // itself, so Vert.x need not validate each one on every response.
    if (System.getProperty("vertx.disableHttpHeadersValidation") == null) {
      System.setProperty("vertx.disableHttpHeadersValidation", "true");
    }
    CommandLine commandLine = commandLine(new Main());
    int exitCode = commandLine.execute(args);
    if (exitCode != 0
        || commandLine.isUsageHelpRequested()
        || commandLine.isVersionHelpRequested()) {
      System.exit(exitCode);
    }
  }
}
