package io.pokeapi.observability.load.run;

import io.pokeapi.observability.load.profile.FieldViolation;
import io.pokeapi.observability.load.profile.InvalidProfileException;
import io.pokeapi.observability.load.profile.LoadPlan;
import io.pokeapi.observability.load.profile.LoadProfile;
import io.pokeapi.observability.load.profile.PoliteRateCap;
import io.pokeapi.observability.load.profile.Presets;
import io.pokeapi.observability.load.profile.ProfileValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns a load-run request (a preset or a profile, an optional base URL, replicas, the override)
 * into a plan, or an {@link InvalidProfileException} naming every field at fault.
 */
public final class LoadRequestResolver {

  /** Most replicas of one run. */
  public static final int MAX_REPLICAS = 64;

  private final String defaultBaseUrl;
  private final ProfileValidator validator;
  private final PoliteRateCap cap;

  public LoadRequestResolver(String defaultBaseUrl, ProfileValidator validator, PoliteRateCap cap) {
    this.defaultBaseUrl = defaultBaseUrl;
    this.validator = validator;
    this.cap = cap;
  }

  /**
   * Resolves a request.
   *
   * @throws InvalidProfileException with every violation
   */
  public LoadPlan resolve(
      String preset, LoadProfile profile, String baseUrl, Integer replicas, Boolean override) {
    List<FieldViolation> violations = new ArrayList<>();
    if (replicas != null && (replicas < 1 || replicas > MAX_REPLICAS)) {
      violations.add(new FieldViolation("replicas", "must be 1 to " + MAX_REPLICAS));
    }
    LoadProfile chosen = null;
    String prefix = "profile.";
    if (preset != null && profile != null) {
      violations.add(new FieldViolation("preset", "cannot be given together with profile"));
    } else if (preset != null) {
      Optional<LoadProfile> named = Presets.named(preset, defaultBaseUrl);
      if (named.isEmpty()) {
        violations.add(
            new FieldViolation(
                "preset",
                "'"
                    + preset
                    + "' is not a preset: one of "
                    + String.join(", ", Presets.all(defaultBaseUrl).keySet())));
      } else {
        chosen = named.get();
      }
    } else if (profile == null) {
      violations.add(new FieldViolation("profile", "is required: give a profile or a preset name"));
    } else {
      chosen = profile;
    }
    if (chosen == null) {
      throw new InvalidProfileException(violations);
    }
    String baseUrlField = "baseUrl";
    if (baseUrl != null) {
      chosen = chosen.withBaseUrl(baseUrl);
    } else if (chosen.baseUrl() == null) {
      chosen = chosen.withBaseUrl(defaultBaseUrl);
    } else if (preset == null) {
      baseUrlField = prefix + "baseUrl";
    }
    violations.addAll(
        validator.validate(chosen, preset != null ? "preset." : prefix, baseUrlField));
    if (!violations.isEmpty()) {
      throw new InvalidProfileException(violations);
    }
    LoadPlan plan = LoadPlan.of(chosen);
    cap.check(plan, Boolean.TRUE.equals(override))
        .ifPresent(
            v -> {
              throw new InvalidProfileException(List.of(v));
            });
    return plan;
  }
}
