package io.pokeapi.observability.load.profile;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The named profiles: the original design's, spike, soak and smoke. */
public final class Presets {

  /** The original design's Locust profile. */
  public static final String ORIGINAL = "original";

  /** A short jump of the arrival rate. */
  public static final String SPIKE = "spike";

  /** A long run at a steady rate. */
  public static final String SOAK = "soak";

  /** A short check that the target answers. */
  public static final String SMOKE = "smoke";

  private Presets() {}

  /**
   * The original design's mix: pokemon 1-151 weight 3, type 1-18 weight 1, ability 1-150 weight 1.
   */
  public static RequestSpec[] originalMix() {
    return new RequestSpec[] {
      RequestSpec.ofRange("/pokemon/{id}", 3, 1, 151),
      RequestSpec.ofRange("/type/{id}", 1, 1, 18),
      RequestSpec.ofRange("/ability/{id}", 1, 1, 150)
    };
  }

  /** Every preset, by name, aimed at {@code baseUrl}. */
  public static Map<String, LoadProfile> all(String baseUrl) {
    Map<String, LoadProfile> presets = new LinkedHashMap<>();
    presets.put(
        ORIGINAL,
        LoadProfile.builder(LoadModel.CLOSED)
            .name(ORIGINAL)
            .baseUrl(baseUrl)
            .requests(originalMix())
            .startUsers(10)
            .stages(new Stage(Duration.ofSeconds(30), 50.0), new Stage(Duration.ofMinutes(1), 50.0))
            .thinkTime(Duration.ofSeconds(1), Duration.ofSeconds(3))
            .build());
    presets.put(
        SPIKE,
        LoadProfile.builder(LoadModel.OPEN)
            .name(SPIKE)
            .baseUrl(baseUrl)
            .requests(originalMix())
            .startRate(10)
            .stages(
                new Stage(Duration.ofSeconds(30), 10.0),
                new Stage(Duration.ofSeconds(5), 100.0),
                new Stage(Duration.ofSeconds(30), 100.0),
                new Stage(Duration.ofSeconds(5), 10.0),
                new Stage(Duration.ofSeconds(30), 10.0))
            .build());
    presets.put(
        SOAK,
        LoadProfile.builder(LoadModel.OPEN)
            .name(SOAK)
            .baseUrl(baseUrl)
            .requests(originalMix())
            .rate(10)
            .duration(Duration.ofHours(1))
            .build());
    presets.put(
        SMOKE,
        LoadProfile.builder(LoadModel.OPEN)
            .name(SMOKE)
            .baseUrl(baseUrl)
            .requests(RequestSpec.ofRange("/pokemon/{id}", 1, 1, 151))
            .rate(5)
            .duration(Duration.ofSeconds(10))
            .build());
    return presets;
  }

  /** The preset of that name aimed at {@code baseUrl}. */
  public static Optional<LoadProfile> named(String name, String baseUrl) {
    return Optional.ofNullable(all(baseUrl).get(name));
  }
}
