package io.pokeapi.observability.common.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * {@code /api/v2/pokemon/{id or name}/}: one pokemon (a species' default form or a variety).
 *
 * @param id positive; 1-1025 and 10001-10326 today, but any positive id is accepted
 * @param name lower-case kebab-case
 * @param baseExperience null for 49 pokemon of the current data
 * @param height in decimetres
 * @param weight in hectograms; 0 for a few forms
 * @param order sort order; -1 for forms without one
 * @param stats the six base stats (hp, attack, defense, special-attack, special-defense, speed)
 * @param types one or two types
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Pokemon(
    @NotNull @Positive Integer id,
    @NotNull
        @Pattern(
            regexp = ModelPatterns.RESOURCE_NAME,
            message = ModelPatterns.RESOURCE_NAME_MESSAGE)
        String name,
    @PositiveOrZero Integer baseExperience,
    @NotNull @PositiveOrZero Integer height,
    @NotNull @PositiveOrZero Integer weight,
    @NotNull @Min(-1) Integer order,
    @NotNull Boolean isDefault,
    @NotNull
        @Pattern(
            regexp = ModelPatterns.ENCOUNTERS_URL,
            message = ModelPatterns.ENCOUNTERS_URL_MESSAGE)
        String locationAreaEncounters,
    @NotNull @Valid NamedApiResource species,
    @NotNull List<@NotNull @Valid AbilitySlot> abilities,
    @NotEmpty List<@NotNull @Valid NamedApiResource> forms,
    @NotNull List<@NotNull @Valid VersionGameIndex> gameIndices,
    @NotNull List<@NotNull @Valid HeldItem> heldItems,
    @NotNull List<@NotNull @Valid Move> moves,
    @NotNull @Size(min = 6, max = 6) List<@NotNull @Valid Stat> stats,
    @NotNull @Size(min = 1, max = 2) List<@NotNull @Valid TypeSlot> types,
    @NotNull List<@NotNull @Valid PastTypes> pastTypes,
    @NotNull List<@NotNull @Valid PastAbilities> pastAbilities,
    @NotNull List<@NotNull @Valid PastStats> pastStats,
    @NotNull @Valid Sprites sprites,
    @NotNull @Valid Cries cries)
    implements PokeApiResource {

  /** One of the pokemon's abilities. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record AbilitySlot(
      @NotNull @Valid NamedApiResource ability,
      @NotNull Boolean isHidden,
      @NotNull @Min(1) @Max(3) Integer slot) {}

  /** An ability the pokemon had in an earlier generation; {@code ability} null means none. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record PastAbilitySlot(
      @Valid NamedApiResource ability,
      @NotNull Boolean isHidden,
      @NotNull @Min(1) @Max(3) Integer slot) {}

  /** The abilities the pokemon had up to a generation. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PastAbilities(
      @NotNull @Valid NamedApiResource generation,
      @NotNull List<@NotNull @Valid PastAbilitySlot> abilities) {}

  /** One of the pokemon's types; slot 1 is the primary type. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TypeSlot(
      @NotNull @Min(1) @Max(2) Integer slot, @NotNull @Valid NamedApiResource type) {}

  /** The types the pokemon had up to a generation. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PastTypes(
      @NotNull @Valid NamedApiResource generation,
      @NotNull @Size(min = 1, max = 2) List<@NotNull @Valid TypeSlot> types) {}

  /** A base stat and the effort value a defeated pokemon yields in it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Stat(
      @NotNull @Min(1) @Max(255) Integer baseStat,
      @NotNull @Min(0) @Max(3) Integer effort,
      @NotNull @Valid NamedApiResource stat) {}

  /** The base stats the pokemon had up to a generation. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PastStats(
      @NotNull @Valid NamedApiResource generation, @NotNull List<@NotNull @Valid Stat> stats) {}

  /** An item the pokemon may hold when encountered. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record HeldItem(
      @NotNull @Valid NamedApiResource item,
      @NotNull List<@NotNull @Valid HeldItemVersion> versionDetails) {}

  /** How often the item is held in one version, in percent. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record HeldItemVersion(
      @NotNull @Min(1) @Max(100) Integer rarity, @NotNull @Valid NamedApiResource version) {}

  /** A move the pokemon can learn. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Move(
      @NotNull @Valid NamedApiResource move,
      @NotNull List<@NotNull @Valid MoveVersion> versionGroupDetails) {}

  /** How the pokemon learns a move in one version group; {@code order} is often null. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record MoveVersion(
      @NotNull @Min(0) @Max(100) Integer levelLearnedAt,
      @NotNull @Valid NamedApiResource moveLearnMethod,
      @PositiveOrZero Integer order,
      @NotNull @Valid NamedApiResource versionGroup) {}

  /**
   * The pokemon's images. Each URL may be null (11 pokemon have no {@code front_default}); {@code
   * versions} (per-game sprites) is kept as raw JSON.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Sprites(
      @Pattern(regexp = ModelPatterns.MEDIA_URL, message = ModelPatterns.MEDIA_URL_MESSAGE)
          String frontDefault,
      @Pattern(regexp = ModelPatterns.MEDIA_URL, message = ModelPatterns.MEDIA_URL_MESSAGE)
          String frontShiny,
      @Pattern(regexp = ModelPatterns.MEDIA_URL, message = ModelPatterns.MEDIA_URL_MESSAGE)
          String frontFemale,
      @Pattern(regexp = ModelPatterns.MEDIA_URL, message = ModelPatterns.MEDIA_URL_MESSAGE)
          String frontShinyFemale,
      @Pattern(regexp = ModelPatterns.MEDIA_URL, message = ModelPatterns.MEDIA_URL_MESSAGE)
          String backDefault,
      @Pattern(regexp = ModelPatterns.MEDIA_URL, message = ModelPatterns.MEDIA_URL_MESSAGE)
          String backShiny,
      @Pattern(regexp = ModelPatterns.MEDIA_URL, message = ModelPatterns.MEDIA_URL_MESSAGE)
          String backFemale,
      @Pattern(regexp = ModelPatterns.MEDIA_URL, message = ModelPatterns.MEDIA_URL_MESSAGE)
          String backShinyFemale,
      @NotNull @Valid OtherSprites other,
      @NotNull ObjectNode versions) {}

  /** Artwork from outside the main games. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record OtherSprites(
      @JsonProperty("official-artwork") @NotNull @Valid Artwork officialArtwork,
      @JsonProperty("home") @NotNull @Valid Artwork home,
      @JsonProperty("dream_world") @NotNull @Valid Artwork dreamWorld,
      @JsonProperty("showdown") @NotNull @Valid Artwork showdown) {}

  /** The front images of one artwork set; any may be null. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Artwork(
      @Pattern(regexp = ModelPatterns.MEDIA_URL, message = ModelPatterns.MEDIA_URL_MESSAGE)
          String frontDefault,
      @Pattern(regexp = ModelPatterns.MEDIA_URL, message = ModelPatterns.MEDIA_URL_MESSAGE)
          String frontShiny) {}

  /** The pokemon's cries; {@code legacy} is null for pokemon newer than the old games. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Cries(
      @NotNull @Pattern(regexp = ModelPatterns.MEDIA_URL, message = ModelPatterns.MEDIA_URL_MESSAGE)
          String latest,
      @Pattern(regexp = ModelPatterns.MEDIA_URL, message = ModelPatterns.MEDIA_URL_MESSAGE)
          String legacy) {}
}
