package io.pokeapi.observability.common.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;

/**
 * {@code /api/v2/pokemon-species/{id or name}/}: a species, the group of its pokemon varieties.
 *
 * @param genderRate chance of being female in eighths; -1 for genderless
 * @param captureRate 0-255, higher is easier
 * @param baseHappiness 0-255
 * @param hatchCounter egg cycles to hatch
 * @param evolvesFromSpecies null for the first stage of a chain
 * @param habitat null for species without one (all since generation IV)
 * @param varieties at least one, the default among them
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record PokemonSpecies(
    @NotNull @Positive Integer id,
    @NotNull
        @Pattern(
            regexp = ModelPatterns.RESOURCE_NAME,
            message = ModelPatterns.RESOURCE_NAME_MESSAGE)
        String name,
    @NotNull @Positive Integer order,
    @NotNull @Min(-1) @Max(8) Integer genderRate,
    @NotNull @Min(0) @Max(255) Integer captureRate,
    @NotNull @Min(0) @Max(255) Integer baseHappiness,
    @NotNull @PositiveOrZero Integer hatchCounter,
    @NotNull Boolean isBaby,
    @NotNull Boolean isLegendary,
    @NotNull Boolean isMythical,
    @NotNull Boolean hasGenderDifferences,
    @NotNull Boolean formsSwitchable,
    @NotNull @Valid NamedApiResource growthRate,
    @NotNull List<@NotNull @Valid DexEntry> pokedexNumbers,
    @NotEmpty List<@NotNull @Valid NamedApiResource> eggGroups,
    @NotNull @Valid NamedApiResource color,
    @NotNull @Valid NamedApiResource shape,
    @Valid NamedApiResource evolvesFromSpecies,
    @NotNull @Valid ApiResource evolutionChain,
    @Valid NamedApiResource habitat,
    @NotNull @Valid NamedApiResource generation,
    @NotNull List<@NotNull @Valid Name> names,
    @NotNull List<@NotNull @Valid PalParkEncounter> palParkEncounters,
    @NotNull List<@NotNull @Valid FlavorText> flavorTextEntries,
    @NotNull List<@NotNull @Valid Description> formDescriptions,
    @NotNull List<@NotNull @Valid Genus> genera,
    @NotEmpty List<@NotNull @Valid Variety> varieties)
    implements PokeApiResource {

  /** The species' number in one pokédex; 0 in a few regional dexes. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record DexEntry(
      @NotNull @PositiveOrZero Integer entryNumber, @NotNull @Valid NamedApiResource pokedex) {}

  /** Where the species is found in the Pal Park. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record PalParkEncounter(
      @NotNull @PositiveOrZero Integer baseScore,
      @NotNull @Min(0) @Max(100) Integer rate,
      @NotNull @Valid NamedApiResource area) {}

  /** The pokédex text of one game, in one language. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record FlavorText(
      @NotNull String flavorText,
      @NotNull @Valid NamedApiResource language,
      @NotNull @Valid NamedApiResource version) {}

  /** The species' genus ("Mouse Pokémon") in one language. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Genus(@NotNull String genus, @NotNull @Valid NamedApiResource language) {}

  /** A pokemon of the species; exactly one is the default. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Variety(@NotNull Boolean isDefault, @NotNull @Valid NamedApiResource pokemon) {}
}
