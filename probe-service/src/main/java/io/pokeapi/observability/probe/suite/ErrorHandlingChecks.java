package io.pokeapi.observability.probe.suite;

import io.pokeapi.observability.probe.client.ApiRequest;
import io.pokeapi.observability.probe.client.HttpAnswer;
import io.pokeapi.observability.probe.config.ProbeConfig;
import io.pokeapi.observability.probe.run.Fetched;
import io.pokeapi.observability.probe.run.RunContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Error handling: invalid ids (0, -1, 2147483648, a huge number) and garbage names give 404 with
 * the body {@code Not Found}; an endpoint that does not exist, and a name with characters the
 * router rejects (outside {@code [A-Za-z0-9_-]}), give 400 {@code Bad Request}.
 */
@ApplicationScoped
public class ErrorHandlingChecks {

  static final String NOT_FOUND_BODY = "Not Found";
  static final String BAD_REQUEST_BODY = "Bad Request";

  /** Work items {@link #run} does. */
  public int size(ProbeConfig.Regression config) {
    return config.invalidIds().size()
        + config.garbageNames().size()
        + config.malformedNames().size()
        + 1;
  }

  public void run(RunContext context, ProbeConfig.Regression config) throws InterruptedException {
    String endpoint = config.errorEndpoint();
    for (String id : config.invalidIds()) {
      notFound(context, endpoint, endpoint + ".not-found.id=" + id, id);
    }
    for (String name : config.garbageNames()) {
      notFound(context, endpoint, endpoint + ".not-found.name=" + name, name);
    }
    for (String name : config.malformedNames()) {
      badRequest(context, endpoint + ".bad-request.name=" + name, endpoint + "/" + name + "/");
    }
    badRequest(context, "unknown-endpoint.bad-request", config.unknownEndpoint() + "/");
  }

  private void badRequest(RunContext context, String check, String path)
      throws InterruptedException {
    context.checkCancelled();
    Fetched fetched = context.fetch(check, ApiRequest.of(path));
    context.check(
        check,
        fetched,
        (Fetched subject) -> {
          HttpAnswer answer = Expect.status(subject, 400);
          Expect.equal("", BAD_REQUEST_BODY, abbreviate(answer.bodyText().strip()), "400 body");
        });
    context.itemDone();
  }

  private static String abbreviate(String body) {
    return body.length() > 200 ? body.substring(0, 200) : body;
  }

  private void notFound(RunContext context, String endpoint, String check, String key)
      throws InterruptedException {
    context.checkCancelled();
    Fetched fetched = context.fetch(check, ApiRequest.of(endpoint + "/" + key + "/"));
    context.check(
        check,
        fetched,
        (Fetched subject) -> {
          HttpAnswer answer = Expect.status(subject, 404);
          String body = answer.bodyText().strip();
          Expect.equal(
              "", NOT_FOUND_BODY, body.length() > 200 ? body.substring(0, 200) : body, "404 body");
        });
    context.itemDone();
  }
}
