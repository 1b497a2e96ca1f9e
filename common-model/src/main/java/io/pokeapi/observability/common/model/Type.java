package io.pokeapi.observability.common.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.List;

/**
 * {@code /api/v2/type/{id or name}/}: an elemental type and its damage relations. The types {@code
 * unknown} (10001) and {@code shadow} (10002) have no damage class, pokemon or moves.
 *
 * @param moveDamageClass null for types that do not decide the damage class (fairy and later)
 * @param sprites per-generation name icons, kept as raw JSON
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Type(
    @NotNull @Positive Integer id,
    @NotNull
        @Pattern(
            regexp = ModelPatterns.RESOURCE_NAME,
            message = ModelPatterns.RESOURCE_NAME_MESSAGE)
        String name,
    @NotNull @Valid DamageRelations damageRelations,
    @NotNull List<@NotNull @Valid PastDamageRelations> pastDamageRelations,
    @NotNull List<@NotNull @Valid GenerationGameIndex> gameIndices,
    @NotNull @Valid NamedApiResource generation,
    @Valid NamedApiResource moveDamageClass,
    @NotNull List<@NotNull @Valid Name> names,
    @NotNull List<@NotNull @Valid TypePokemon> pokemon,
    @NotNull List<@NotNull @Valid NamedApiResource> moves,
    @NotNull ObjectNode sprites)
    implements PokeApiResource {

  /** Which types this type deals and takes double, half and no damage to and from. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record DamageRelations(
      @NotNull List<@NotNull @Valid NamedApiResource> noDamageTo,
      @NotNull List<@NotNull @Valid NamedApiResource> halfDamageTo,
      @NotNull List<@NotNull @Valid NamedApiResource> doubleDamageTo,
      @NotNull List<@NotNull @Valid NamedApiResource> noDamageFrom,
      @NotNull List<@NotNull @Valid NamedApiResource> halfDamageFrom,
      @NotNull List<@NotNull @Valid NamedApiResource> doubleDamageFrom) {}

  /** The damage relations the type had up to a generation. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record PastDamageRelations(
      @NotNull @Valid NamedApiResource generation,
      @NotNull @Valid DamageRelations damageRelations) {}

  /** A pokemon of this type; slot 1 when it is the pokemon's primary type. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TypePokemon(
      @NotNull @Min(1) @Max(2) Integer slot, @NotNull @Valid NamedApiResource pokemon) {}
}
