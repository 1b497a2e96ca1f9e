package io.pokeapi.observability.common.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * {@code /api/v2/ability/{id or name}/}: an ability. Abilities outside the main series (ids from
 * 10001) have {@code is_main_series} false and often no effect entries or pokemon.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Ability(
    @NotNull @Positive Integer id,
    @NotNull
        @Pattern(
            regexp = ModelPatterns.RESOURCE_NAME,
            message = ModelPatterns.RESOURCE_NAME_MESSAGE)
        String name,
    @NotNull Boolean isMainSeries,
    @NotNull @Valid NamedApiResource generation,
    @NotNull List<@NotNull @Valid Name> names,
    @NotNull List<@NotNull @Valid VerboseEffect> effectEntries,
    @NotNull List<@NotNull @Valid EffectChange> effectChanges,
    @NotNull List<@NotNull @Valid FlavorText> flavorTextEntries,
    @NotNull List<@NotNull @Valid AbilityPokemon> pokemon)
    implements PokeApiResource {

  /** How the ability's effect differed in an earlier version group. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record EffectChange(
      @NotNull List<@NotNull @Valid Effect> effectEntries,
      @NotNull @Valid NamedApiResource versionGroup) {}

  /** The ability's text in one version group and language. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record FlavorText(
      @NotNull String flavorText,
      @NotNull @Valid NamedApiResource language,
      @NotNull @Valid NamedApiResource versionGroup) {}

  /** A pokemon that can have the ability. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record AbilityPokemon(
      @NotNull Boolean isHidden,
      @NotNull @Min(1) @Max(3) Integer slot,
      @NotNull @Valid NamedApiResource pokemon) {}
}
