package io.pokeapi.observability.rpdouble;

import io.pokeapi.observability.rpdouble.server.RpDoubleVerticle;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the ReportPortal double; every option also reads an environment variable. */
@Command(
    name = "reportportal-double",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "A strict stand-in for ReportPortal's reporting API, with outage controls.")
public final class Main implements Callable<Integer> {

  private static final Logger LOG = Logger.getLogger(Main.class.getName());

  @Option(
      names = "--host",
      defaultValue = "${env:RP_DOUBLE_HOST:-127.0.0.1}",
      description = "Address to listen on (env RP_DOUBLE_HOST; default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = {"-p", "--port"},
      defaultValue = "${env:RP_DOUBLE_PORT:-8085}",
      description = "Port, 0 for any free one (env RP_DOUBLE_PORT; default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--project",
      defaultValue = "${env:RP_DOUBLE_PROJECT:-pokeapi-tests}",
      description =
          "The one project that exists (env RP_DOUBLE_PROJECT; default ${DEFAULT-VALUE}).")
  String project;

  @Option(
      names = "--api-key-env",
      defaultValue = "RP_DOUBLE_API_KEY",
      description =
          "Environment variable holding the only accepted API key; unset accepts any bearer key"
              + " (default ${DEFAULT-VALUE}).")
  String apiKeyEnv;

  @Override
  public Integer call() throws Exception {
    String key = System.getenv(apiKeyEnv);
    Path uploads = Files.createTempDirectory("rp-double-uploads");
    Vertx vertx = Vertx.vertx();
    RpDoubleVerticle verticle =
        new RpDoubleVerticle(
            host, port, project, key == null || key.isBlank() ? null : key, uploads);
    vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture().join();
    LOG.info(
        "ReportPortal double for project '"
            + project
            + "' on http://"
            + host
            + ":"
            + verticle.actualPort()
            + " (launches at /double/launches)");
    Runtime.getRuntime().addShutdownHook(new Thread(vertx::close));
    Thread.currentThread().join();
    return 0;
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
