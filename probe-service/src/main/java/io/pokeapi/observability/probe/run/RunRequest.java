package io.pokeapi.observability.probe.run;

import io.pokeapi.observability.common.contract.RunTrigger;
import java.util.List;
import java.util.Objects;

/**
 * What a run should do.
 *
 * @param suite the suite
 * @param endpoints endpoints to limit the suite to; empty for the suite's configured ones
 * @param resources resources ({@code endpoint/id-or-name}) to probe instead of the configured or
 *     discovered ones; empty for none
 * @param trigger the scheduler or an API call
 * @param reruns how many times a failed check is re-run in this run; {@code null} for {@code
 *     probe.checks.reruns}
 */
public record RunRequest(
    Suite suite,
    List<String> endpoints,
    List<String> resources,
    RunTrigger trigger,
    Integer reruns) {

  /** A request with the configured reruns. */
  public RunRequest(
      Suite suite, List<String> endpoints, List<String> resources, RunTrigger trigger) {
    this(suite, endpoints, resources, trigger, null);
  }

  public RunRequest {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(trigger, "trigger");
    endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
    resources = resources == null ? List.of() : List.copyOf(resources);
  }

  /** A run of {@code suite} as configured. */
  public static RunRequest of(Suite suite, RunTrigger trigger) {
    return new RunRequest(suite, List.of(), List.of(), trigger);
  }
}
