package io.pokeapi.observability.probe.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.contract.AssertionDetail;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.probe.client.ApiRequest;
import io.pokeapi.observability.probe.client.Endpoints;
import io.pokeapi.observability.probe.client.HttpAnswer;
import io.pokeapi.observability.probe.config.ProbeConfig;
import io.pokeapi.observability.probe.run.CheckFailed;
import io.pokeapi.observability.probe.run.Fetched;
import io.pokeapi.observability.probe.run.ProbeSuite;
import io.pokeapi.observability.probe.run.RunContext;
import io.pokeapi.observability.probe.run.RunRequest;
import io.pokeapi.observability.probe.run.Suite;
import io.pokeapi.observability.probe.verdict.PassedBodies;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * Sweep: every resource of the configured endpoints ({@code probe.sweep.endpoints}), with the ids
 * discovered from the list endpoints (never assumed to be 1..count). Each resource must answer 200
 * with JSON carrying the id asked for and, where a model exists, validate against it; the published
 * contract is checked on every answer as always. At most {@code probe.sweep.concurrency} requests
 * are in flight, all under the client's rate cap.
 */
@ApplicationScoped
public class SweepSuite implements ProbeSuite {

  private static final Logger LOG = Logger.getLogger(SweepSuite.class);

  private final ProbeConfig config;
  private final ModelValidation models;
  private final PassedBodies passed;

  public SweepSuite(ProbeConfig config, ModelValidation models, PassedBodies passed) {
    this.config = config;
    this.models = models;
    this.passed = passed;
  }

  @Override
  public Suite suite() {
    return Suite.SWEEP;
  }

  @Override
  public List<String> endpoints(RunRequest request) {
    if (!request.resources().isEmpty()) {
      return request.resources().stream()
          .map(r -> ResourceRef.parse(r).endpoint())
          .distinct()
          .toList();
    }
    List<String> chosen =
        request.endpoints().isEmpty() ? config.sweep().endpoints() : request.endpoints();
    return chosen.stream().filter(Endpoints::isKnown).distinct().toList();
  }

  @Override
  public void run(RunContext context) throws InterruptedException {
    RunRequest request = context.request();
    List<ResourceRef> targets = new ArrayList<>();
    if (!request.resources().isEmpty()) {
      request.resources().forEach(r -> targets.add(ResourceRef.parse(r)));
    } else {
      for (String endpoint : endpoints(request)) {
        context.checkCancelled();
        discover(context, endpoint).forEach(key -> targets.add(new ResourceRef(endpoint, key)));
      }
    }
    context.plan(targets.size());
    LOG.infof("Sweep %s: %d resources to probe", context.runId(), targets.size());
    sweep(context, targets);
  }

  /** The keys (ids, or names where an entry has no numeric id) of every item of the list. */
  List<String> discover(RunContext context, String endpoint) throws InterruptedException {
    int pageSize = Math.max(1, config.sweep().pageSize());
    Set<String> keys = new LinkedHashSet<>();
    String check = endpoint + ".sweep.discovery";
    long offset = 0;
    long count = Long.MAX_VALUE;
    context.plan(1);
    while (offset < count) {
      context.checkCancelled();
      Fetched page = context.fetch(check, ApiRequest.page(endpoint, offset, pageSize));
      long[] announced = {-1};
      List<String> found = new ArrayList<>();
      long pageOffset = offset;
      context.check(
          check,
          page,
          () -> {
            JsonNode body = Expect.okJson(page);
            JsonNode total = body.get("count");
            if (total == null || !total.isIntegralNumber() || total.asLong() < 0) {
              throw CheckFailed.assertion("/count", "a non-negative integer", total, "bad count");
            }
            announced[0] = total.asLong();
            JsonNode results = body.path("results");
            for (int i = 0; i < results.size(); i++) {
              String url = results.get(i).path("url").asText(null);
              String key =
                  ApiUrls.lastSegment(url).orElse(results.get(i).path("name").asText(null));
              if (key == null || key.isBlank()) {
                throw CheckFailed.assertion(
                    "/results/" + i,
                    "an item with a url or a name",
                    results.get(i),
                    "item has neither");
              }
              found.add(key);
            }
            if (found.isEmpty() && pageOffset < announced[0]) {
              throw CheckFailed.assertion(
                  "/results",
                  "items from offset " + pageOffset,
                  "[]",
                  "the list ended before its count of " + announced[0]);
            }
          });
      if (announced[0] < 0 || found.isEmpty()) {
        break;
      }
      keys.addAll(found);
      count = announced[0];
      offset += found.size();
    }
    context.itemDone();
    return new ArrayList<>(keys);
  }

  private void sweep(RunContext context, List<ResourceRef> targets) throws InterruptedException {
    Semaphore permits = new Semaphore(Math.max(1, config.sweep().concurrency()));
    try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
      try {
        for (ResourceRef target : targets) {
          context.checkCancelled();
          permits.acquire();
          workers.execute(
              () -> {
                try {
                  probe(context, target);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  permits.release();
                }
              });
        }
      } catch (InterruptedException e) {
        workers.shutdownNow();
        throw e;
      }
    }
    context.checkCancelled();
  }

  private void probe(RunContext context, ResourceRef target) throws InterruptedException {
    String check = target.endpoint() + ".sweep.resource";
    Fetched fetched = context.fetch(check, ApiRequest.of(target.path()));
    context.check(check, fetched, (Fetched subject) -> verify(target, subject));
    context.itemDone();
  }

  private void verify(ResourceRef target, Fetched fetched) {
    HttpAnswer answer = Expect.okJsonAnswer(fetched);
    if (target.byId()) {
      // a body that carried the id asked for carries it every time: remembered by its SHA-256
      PassedBodies.Key key = passed.keyOfDigest("id:" + target.key(), answer.bodySha256());
      if (!passed.passed(key)) {
        JsonNode id = fetched.json().path("id");
        if (!(id.isIntegralNumber() && Long.toString(id.asLong()).equals(target.key()))) {
          throw CheckFailed.assertion("/id", target.key(), id, "id differs from the one asked");
        }
        passed.rememberPass(key);
      }
    }
    if (models.supports(target.endpoint())) {
      List<AssertionDetail> problems = models.validate(target.endpoint(), answer);
      if (!problems.isEmpty()) {
        throw new CheckFailed(
            FailureType.SCHEMA_VALIDATION,
            problems.size() + " field(s) break the model, first at " + problems.get(0).path(),
            problems);
      }
    }
  }
}
