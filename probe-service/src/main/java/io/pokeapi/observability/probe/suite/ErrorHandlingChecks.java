package io.pokeapi.observability.probe.suite;

import io.pokeapi.observability.probe.client.ApiRequest;
import io.pokeapi.observability.probe.client.HttpAnswer;
import io.pokeapi.observability.probe.config.ProbeConfig;
import io.pokeapi.observability.probe.run.Fetched;
import io.pokeapi.observability.probe.run.RunContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Error handling: invalid ids (0, -1, 2147483648, a huge number) and garbage names give 404 with
 * the body {@code Not Found}; an endpoint that does not exist gives 400.
 */
@ApplicationScoped
public class ErrorHandlingChecks {

  static final String NOT_FOUND_BODY = "Not Found";

  /** Work items {@link #run} does. */
  public int size(ProbeConfig.Regression config) {
    return config.invalidIds().size() + config.garbageNames().size() + 1;
  }

  public void run(RunContext context, ProbeConfig.Regression config) throws InterruptedException {
    String endpoint = config.errorEndpoint();
    for (String id : config.invalidIds()) {
      notFound(context, endpoint, endpoint + ".not-found.id=" + id, id);
    }
    for (String name : config.garbageNames()) {
      notFound(context, endpoint, endpoint + ".not-found.name=" + name, name);
    }
    context.checkCancelled();
    String unknown = config.unknownEndpoint();
    String check = "unknown-endpoint.bad-request";
    Fetched fetched = context.fetch(check, ApiRequest.of(unknown + "/"));
    context.check(check, fetched, () -> Expect.status(fetched, 400));
    context.itemDone();
  }

  private void notFound(RunContext context, String endpoint, String check, String key)
      throws InterruptedException {
    context.checkCancelled();
    Fetched fetched = context.fetch(check, ApiRequest.of(endpoint + "/" + key + "/"));
    context.check(
        check,
        fetched,
        () -> {
          HttpAnswer answer = Expect.status(fetched, 404);
          String body = answer.bodyText().strip();
          Expect.equal(
              "", NOT_FOUND_BODY, body.length() > 200 ? body.substring(0, 200) : body, "404 body");
        });
    context.itemDone();
  }

  /** The configured keys, for tests and documentation. */
  static List<String> keys(ProbeConfig.Regression config) {
    return java.util.stream.Stream.concat(
            config.invalidIds().stream(), config.garbageNames().stream())
        .toList();
  }
}
