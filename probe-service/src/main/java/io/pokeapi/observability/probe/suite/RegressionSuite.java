package io.pokeapi.observability.probe.suite;

import io.pokeapi.observability.probe.client.Endpoints;
import io.pokeapi.observability.probe.config.LookupTarget;
import io.pokeapi.observability.probe.config.ProbeConfig;
import io.pokeapi.observability.probe.run.ProbeSuite;
import io.pokeapi.observability.probe.run.RunContext;
import io.pokeapi.observability.probe.run.RunRequest;
import io.pokeapi.observability.probe.run.Suite;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Regression: pagination ({@link PaginationChecks}), error handling ({@link ErrorHandlingChecks}),
 * id/name/slash/case lookups ({@link LookupConsistencyChecks}) and cross-references ({@link
 * CrossReferenceChecks}), as configured under {@code probe.regression}. A run naming endpoints
 * limits pagination and lookups to them; a run naming resources uses them as the url-resolution
 * sample.
 */
@ApplicationScoped
public class RegressionSuite implements ProbeSuite {

  private final ProbeConfig config;
  private final PaginationChecks pagination;
  private final ErrorHandlingChecks errors;
  private final LookupConsistencyChecks lookups;
  private final CrossReferenceChecks crossReferences;

  public RegressionSuite(
      ProbeConfig config,
      PaginationChecks pagination,
      ErrorHandlingChecks errors,
      LookupConsistencyChecks lookups,
      CrossReferenceChecks crossReferences) {
    this.config = config;
    this.pagination = pagination;
    this.errors = errors;
    this.lookups = lookups;
    this.crossReferences = crossReferences;
  }

  @Override
  public Suite suite() {
    return Suite.REGRESSION;
  }

  @Override
  public List<String> endpoints(RunRequest request) {
    Set<String> endpoints = new LinkedHashSet<>(paginationEndpoints(request));
    lookupTargets(request).forEach(t -> endpoints.add(t.endpoint()));
    endpoints.add(config.regression().errorEndpoint());
    if (!config.regression().crossReferenceTypes().isEmpty()) {
      endpoints.add("type");
      endpoints.add("pokemon");
    }
    urlSample(request).forEach(r -> endpoints.add(ResourceRef.parse(r).endpoint()));
    return List.copyOf(endpoints);
  }

  @Override
  public void run(RunContext context) throws InterruptedException {
    ProbeConfig.Regression settings = config.regression();
    RunRequest request = context.request();
    List<String> paged = paginationEndpoints(request);
    List<LookupTarget> targets = lookupTargets(request);
    List<String> urlSample = urlSample(request);
    context.plan(
        paged.size()
            + errors.size(settings)
            + (long) targets.size() * LookupConsistencyChecks.ITEMS_PER_TARGET
            + settings.crossReferenceTypes().size()
            + urlSample.size());

    for (String endpoint : paged) {
      context.checkCancelled();
      pagination.run(context, endpoint, settings.pageSize());
    }
    errors.run(context, settings);
    for (LookupTarget target : targets) {
      context.checkCancelled();
      lookups.run(context, target);
    }
    for (String type : settings.crossReferenceTypes()) {
      context.checkCancelled();
      crossReferences.typesAndPokemon(context, type, settings.crossReferenceSample());
    }
    for (String resource : urlSample) {
      context.checkCancelled();
      crossReferences.urlsResolve(
          context, resource, settings.urlSampleSize(), settings.urlEndpoints());
    }
  }

  private List<String> paginationEndpoints(RunRequest request) {
    List<String> configured = config.regression().paginationEndpoints();
    if (request.endpoints().isEmpty()) {
      return configured.stream().filter(Endpoints::isKnown).toList();
    }
    return request.endpoints().stream().filter(Endpoints::isKnown).distinct().toList();
  }

  private List<LookupTarget> lookupTargets(RunRequest request) {
    return config.regression().lookups().stream()
        .filter(t -> request.endpoints().isEmpty() || request.endpoints().contains(t.endpoint()))
        .toList();
  }

  private List<String> urlSample(RunRequest request) {
    return request.resources().isEmpty()
        ? config.regression().urlSampleResources()
        : request.resources();
  }
}
