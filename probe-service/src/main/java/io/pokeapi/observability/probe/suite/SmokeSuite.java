package io.pokeapi.observability.probe.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.pokeapi.observability.common.contract.AssertionDetail;
import io.pokeapi.observability.common.contract.FailureType;
import io.pokeapi.observability.probe.client.ApiRequest;
import io.pokeapi.observability.probe.config.LookupTarget;
import io.pokeapi.observability.probe.config.ProbeConfig;
import io.pokeapi.observability.probe.run.CheckFailed;
import io.pokeapi.observability.probe.run.Fetched;
import io.pokeapi.observability.probe.run.ProbeSuite;
import io.pokeapi.observability.probe.run.RunContext;
import io.pokeapi.observability.probe.run.RunRequest;
import io.pokeapi.observability.probe.run.Suite;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Smoke: each configured target ({@code probe.smoke.targets}: pokemon, type and ability by default)
 * is fetched by id and by name; each answer must be 200, validate against its model, and carry the
 * id and name that were asked for. A run may name its own resources instead.
 */
@ApplicationScoped
public class SmokeSuite implements ProbeSuite {

  /** One lookup: by id or by name, with what the body must say. */
  record Lookup(String endpoint, String key, Long expectedId, String expectedName, boolean byId) {
    String checkName() {
      return endpoint + (byId ? ".by-id" : ".by-name");
    }

    String path() {
      return endpoint + "/" + key + "/";
    }
  }

  private final ProbeConfig config;
  private final ModelValidation models;

  public SmokeSuite(ProbeConfig config, ModelValidation models) {
    this.config = config;
    this.models = models;
  }

  @Override
  public Suite suite() {
    return Suite.SMOKE;
  }

  @Override
  public List<String> endpoints(RunRequest request) {
    return lookups(request).stream().map(Lookup::endpoint).distinct().toList();
  }

  @Override
  public void run(RunContext context) throws InterruptedException {
    List<Lookup> lookups = lookups(context.request());
    context.plan(lookups.size());
    for (Lookup lookup : lookups) {
      context.checkCancelled();
      Fetched fetched = context.fetch(lookup.checkName(), ApiRequest.of(lookup.path()));
      context.check(lookup.checkName(), fetched, (Fetched subject) -> verify(lookup, subject));
      context.itemDone();
    }
  }

  private void verify(Lookup lookup, Fetched fetched) {
    JsonNode body = Expect.okJson(fetched);
    List<AssertionDetail> problems =
        models.validate(lookup.endpoint(), fetched.answer().orElseThrow());
    if (!problems.isEmpty()) {
      throw new CheckFailed(
          FailureType.SCHEMA_VALIDATION,
          problems.size()
              + " field(s) of the "
              + lookup.endpoint()
              + " body break the model, first at "
              + problems.get(0).path(),
          problems);
    }
    List<AssertionDetail> mismatches = new ArrayList<>();
    JsonNode id = body.path("id");
    JsonNode name = body.path("name");
    if (lookup.expectedId() != null
        && !(id.isIntegralNumber() && id.asLong() == lookup.expectedId())) {
      mismatches.add(
          new AssertionDetail(
              "/id",
              lookup.expectedId().toString(),
              id.toString(),
              "id differs from the one asked"));
    }
    if (lookup.expectedName() != null
        && !(name.isTextual() && name.asText().equalsIgnoreCase(lookup.expectedName()))) {
      mismatches.add(
          new AssertionDetail(
              "/name", lookup.expectedName(), name.toString(), "name differs from the one asked"));
    }
    if (!mismatches.isEmpty()) {
      throw new CheckFailed(
          FailureType.ASSERTION,
          "asked for " + lookup.path() + ": " + mismatches.get(0).message(),
          mismatches);
    }
  }

  List<Lookup> lookups(RunRequest request) {
    List<Lookup> lookups = new ArrayList<>();
    if (!request.resources().isEmpty()) {
      for (String resource : request.resources()) {
        ResourceRef ref = ResourceRef.parse(resource);
        boolean byId = ref.byId();
        lookups.add(
            new Lookup(
                ref.endpoint(),
                ref.key(),
                byId ? Long.parseLong(ref.key()) : null,
                byId ? null : ref.key().toLowerCase(Locale.ROOT),
                byId));
      }
      return lookups;
    }
    for (LookupTarget target : config.smoke().targets()) {
      if (!request.endpoints().isEmpty() && !request.endpoints().contains(target.endpoint())) {
        continue;
      }
      lookups.add(
          new Lookup(
              target.endpoint(), Long.toString(target.id()), target.id(), target.name(), true));
      lookups.add(new Lookup(target.endpoint(), target.name(), target.id(), target.name(), false));
    }
    return lookups;
  }
}
